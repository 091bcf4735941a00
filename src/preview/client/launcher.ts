/**
 * Opens a package the ways real LMSs do — in a frame (Moodle), in a frame nested two levels below
 * the API, or in a popup window whose opener holds the API (SuccessFactors, Cornerstone;
 * checklist #11) — and closes it again. Used by the tests' LMS page (scorm-host.ts) and the
 * preview's (preview.ts); both expose the same `window.coursepackLms` for tests and the console.
 */
import type { WindowMode } from "../protocol.js";
import { type LmsQuirks, SIMULATED_LMS, type SimulatedLms } from "./lms-quirks.js";
import { ScormLms, type CmiJson, type ScormStandard } from "./scorm-lms.js";

export type { WindowMode };

export interface HostLaunch {
  standard: ScormStandard;
  /** The package's launch page, relative to this page or absolute. */
  src: string;
  launch?: WindowMode | undefined;
  cmi?: CmiJson | undefined;
  /** Behave like this LMS where it is stricter than scorm-again: a simulated LMS's id or a profile. */
  lms?: SimulatedLms | LmsQuirks | undefined;
}

declare global {
  interface Window {
    coursepackLms: {
      launch(options: HostLaunch): ScormLms;
      lms?: ScormLms | undefined;
      popup?: Window | null | undefined;
    };
  }
}

export interface OpenedCourse {
  /** The popup, when opened in one (null when the browser blocked it). */
  popup: Window | null;
  /** Unloads the package (its pagehide fires, so it ends its session) and removes it. */
  close(): void;
}

/** Marks the frame that holds the course: a course's own iframes (a YouTube video) are not it. */
export const COURSE_FRAME_ATTRIBUTE = "data-course-frame";

function frame(src: string): HTMLIFrameElement {
  const iframe = document.createElement("iframe");
  iframe.title = "Course";
  iframe.setAttribute(COURSE_FRAME_ATTRIBUTE, "");
  iframe.src = src;
  return iframe;
}

export function openCourse(stage: HTMLElement, href: string, mode: WindowMode = "frame"): OpenedCourse {
  const src = new URL(href, location.href).href;
  stage.replaceChildren();
  switch (mode) {
    case "frame":
      stage.append(frame(src));
      break;
    case "nested": {
      // The package runs two frames below the API; srcdoc frames share this page's origin.
      const outer = document.createElement("iframe");
      outer.title = "Course player";
      outer.srcdoc = `<!doctype html><style>html,body,iframe{margin:0;border:0;width:100%;height:100%}</style><iframe title="Course" ${COURSE_FRAME_ATTRIBUTE} src="${src.replace(/"/g, "&quot;")}"></iframe>`;
      stage.append(outer);
      break;
    }
    case "popup": {
      const popup = window.open(src, "coursepack-sco");
      return { popup, close: () => popup?.close() };
    }
  }
  return { popup: null, close: () => stage.replaceChildren() };
}

/** `coursepackLms.launch()`: a SCORM launch with a fresh ScormLms holding `options.cmi`. */
export function hostLaunch(stage: HTMLElement, options: HostLaunch): ScormLms {
  const quirks = typeof options.lms === "string" ? SIMULATED_LMS[options.lms] : options.lms;
  const lms = new ScormLms({ standard: options.standard, cmi: options.cmi, quirks });
  lms.install(window);
  window.coursepackLms.lms = lms;
  window.coursepackLms.popup = openCourse(stage, options.src, options.launch ?? "frame").popup;
  return lms;
}
