/** Runtime for SCORM 1.2 packages. */
import { startPlayer } from "../player/player.js";
import { scorm12 } from "../tracking/scorm/scorm12.js";
import { ScormTracker } from "../tracking/scorm/tracker.js";

void startPlayer(new ScormTracker(scorm12));
