/**
 * The tests' LMS page: installs the SCORM API (scorm-lms.ts) and launches a package with
 * launcher.ts. Query parameters launch at once (`?standard=scorm2004&src=pkg/index.html&launch=popup`,
 * plus `&lms=moodle` or `&lms=forma` to behave like that LMS, see lms-quirks.ts);
 * tests call `coursepackLms.launch()`. `coursepack preview` runs the same modules with a debug panel.
 */
import { hostLaunch, type HostLaunch, type WindowMode } from "./launcher.js";
import { isSimulatedLms } from "./lms-quirks.js";

export type { HostLaunch };

const launch = (options: HostLaunch) => hostLaunch(document.getElementById("stage")!, options);

window.coursepackLms = { launch };

const params = new URLSearchParams(location.search);
const src = params.get("src");
const lms = params.get("lms");
if (src) {
  launch({
    standard: params.get("standard") === "scorm12" ? "scorm12" : "scorm2004",
    src,
    launch: (params.get("launch") as WindowMode | null) ?? "frame",
    lms: isSimulatedLms(lms) ? lms : undefined,
  });
}
