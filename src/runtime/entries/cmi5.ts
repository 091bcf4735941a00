/** Runtime for cmi5 packages (one AU); outside an LMS it falls back to localStorage. */
import { startPlayer } from "../player/player.js";
import { Cmi5Tracker } from "../tracking/cmi5.js";
import { WithLocalFallback } from "../tracking/fallback.js";
import { readCmi5Launch } from "../tracking/xapi/launch.js";

const launch = readCmi5Launch(window.location.search);
void startPlayer(new WithLocalFallback(launch && new Cmi5Tracker(launch)));
