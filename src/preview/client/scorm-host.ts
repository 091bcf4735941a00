/**
 * The tests' LMS page: installs the SCORM API (scorm-lms.ts) and launches a package with
 * launcher.ts. Query parameters launch at once (`?standard=scorm2004&src=pkg/index.html&launch=popup`);
 * tests call `coursepackLms.launch()`. `coursepack preview` runs the same modules with a debug panel.
 */
import { hostLaunch, type HostLaunch, type WindowMode } from "./launcher.js";

export type { HostLaunch };

const launch = (options: HostLaunch) => hostLaunch(document.getElementById("stage")!, options);

window.coursepackLms = { launch };

const params = new URLSearchParams(location.search);
const src = params.get("src");
if (src) {
  launch({
    standard: params.get("standard") === "scorm12" ? "scorm12" : "scorm2004",
    src,
    launch: (params.get("launch") as WindowMode | null) ?? "frame",
  });
}
