/** Runtime for web packages: no LMS, progress in localStorage, an address for every page. */
import { pageAddresses } from "../player/page-addresses.js";
import { startPlayer } from "../player/player.js";
import { LocalTracker } from "../tracking/local.js";

void startPlayer(new LocalTracker(), { pageAddresses });
