/** Runtime for xAPI (Tin Can launch) packages; outside an LMS it falls back to localStorage. */
import { startPlayer } from "../player/player.js";
import { WithLocalFallback } from "../tracking/fallback.js";
import { XapiTracker } from "../tracking/xapi.js";
import { readTinCanLaunch } from "../tracking/xapi/launch.js";

const launch = readTinCanLaunch(window.location.search);
void startPlayer(new WithLocalFallback(launch && new XapiTracker(launch)));
