/** Runtime for SCORM 2004 packages (3rd and 4th edition share it). */
import { startPlayer } from "../player/player.js";
import { scorm2004 } from "../tracking/scorm/scorm2004.js";
import { ScormTracker } from "../tracking/scorm/tracker.js";

void startPlayer(new ScormTracker(scorm2004));
