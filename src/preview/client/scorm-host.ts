/**
 * A minimal LMS page: installs the SCORM API (scorm-lms.ts) and launches a package the ways real
 * LMSs do — in a frame (Moodle), in a frame nested two levels below the API, or in a popup window
 * whose opener holds the API (SuccessFactors, Cornerstone). Query parameters launch at once
 * (`?standard=scorm2004&src=pkg/index.html&launch=popup`); tests call `coursepackLms.launch()`.
 */
import { ScormLms, type CmiJson, type ScormStandard } from "./scorm-lms.js";

export type LaunchMode = "frame" | "nested" | "popup";

export interface HostLaunch {
  standard: ScormStandard;
  /** The package's launch page, relative to this page or absolute. */
  src: string;
  launch?: LaunchMode | undefined;
  cmi?: CmiJson | undefined;
}

declare global {
  interface Window {
    coursepackLms: { launch(options: HostLaunch): ScormLms; lms?: ScormLms | undefined; popup?: Window | null | undefined };
  }
}

function frame(src: string): HTMLIFrameElement {
  const iframe = document.createElement("iframe");
  iframe.title = "Course";
  iframe.src = src;
  return iframe;
}

function launch(options: HostLaunch): ScormLms {
  const lms = new ScormLms({ standard: options.standard, cmi: options.cmi });
  lms.install(window);
  window.coursepackLms.lms = lms;
  const src = new URL(options.src, location.href).href;
  const stage = document.getElementById("stage")!;
  stage.replaceChildren();
  switch (options.launch ?? "frame") {
    case "frame":
      stage.append(frame(src));
      break;
    case "nested": {
      // The package runs two frames below the API; srcdoc frames share this page's origin.
      const outer = document.createElement("iframe");
      outer.title = "Course player";
      outer.srcdoc = `<!doctype html><style>html,body,iframe{margin:0;border:0;width:100%;height:100%}</style><iframe title="Course" src="${src.replace(/"/g, "&quot;")}"></iframe>`;
      stage.append(outer);
      break;
    }
    case "popup":
      window.coursepackLms.popup = window.open(src, "coursepack-sco");
      break;
  }
  return lms;
}

window.coursepackLms = { launch };

const params = new URLSearchParams(location.search);
const src = params.get("src");
if (src) {
  launch({
    standard: params.get("standard") === "scorm12" ? "scorm12" : "scorm2004",
    src,
    launch: (params.get("launch") as LaunchMode | null) ?? "frame",
  });
}
