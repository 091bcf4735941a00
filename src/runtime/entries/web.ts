/** Runtime for web packages: no LMS, progress in localStorage. */
import { startPlayer } from "../player/player.js";
import { LocalTracker } from "../tracking/local.js";

void startPlayer(new LocalTracker());
