/**
 * The LMS page of `coursepack test`: opens a package the way the LMS profile says (a frame, a frame
 * below a player frame, a popup) and, for SCORM, hosts the API — scorm-again in strict mode,
 * behaving like the profile's LMS (ScormLms with its quirks) — posting the record to the test server
 * after every Initialize, Commit and Terminate, as a real LMS saves on its server. Its robot drives
 * the course in whichever window holds it. Node calls `window.coursepackTest` through the browser
 * driver; nothing here runs until it does.
 */
import { COURSE_FRAME_ATTRIBUTE, openCourse, type OpenedCourse } from "../../preview/client/launcher.js";
import { ScormLms, type ApiCall } from "../../preview/client/scorm-lms.js";
import { firstSession, type LaunchSettings } from "../../preview/client/scorm-record.js";
import type { LaunchPlan, LearnerView, RobotStep } from "../protocol.js";
import { Robot } from "./robot.js";
import { RobotError, until } from "./robot-dom.js";

interface TestPage {
  /**
   * Opens the package. "click" when the browser blocked the popup: the page then shows a Launch
   * button for the learner to press (as LMSs do), and the window opens on that click.
   */
  launch(plan: LaunchPlan): "opened" | "click";
  /** Resolves once the package's page has loaded. */
  loaded(): Promise<void>;
  /** One step of the learner, in the course's window. */
  robot(step: RobotStep): Promise<LearnerView>;
  /** Closes the course's frame or popup (its pagehide fires), as leaving it in the LMS does. */
  closeCourse(): void;
  /** The next `count` Commits fail, like an LMS whose server is down; 0 ends the outage. */
  failCommits(count: number): void;
  /** The LMS page dies as a crashed tab does: nothing more reaches its server. */
  kill(): void;
  /** Script errors the course's window reported. */
  errors(): string[];
  /** How often the content read window.API / API_1484_11 (looking for the LMS). */
  apiLookups(): number;
  calls(): ApiCall[];
}

declare global {
  interface Window {
    coursepackTest: TestPage;
  }
}

/** Bodies a keepalive request may carry while the page unloads (browsers allow 64 KiB in flight). */
const KEEPALIVE_LIMIT = 60 * 1024;
const RECORDED = /^(LMS)?(Initialize|Commit|Finish|Terminate)$/;

/** The learner and LMS settings of a first launch: normal mode, credit, no LMS pass mark. */
const LEARNER: LaunchSettings = {
  learner: { id: "robot-learner", given: "Robot", family: "Learner" },
  mode: "normal",
  credit: true,
  masteryScore: null,
};

const stage = document.getElementById("stage")!;
let opened: OpenedCourse | undefined;
let lms: ScormLms | undefined;
let killed = false;
let apiLookups = 0;

/** Counts reads of the API's global, so a package that never looks for the LMS can be told apart. */
function watchApiLookups(name: string): void {
  let value: unknown;
  Object.defineProperty(window, name, {
    configurable: true,
    get: () => {
      apiLookups++;
      return value;
    },
    set: (v: unknown) => {
      value = v;
    },
  });
}
const courseErrors: string[] = [];

function courseWindow(): Window {
  if (opened?.popup) return opened.popup;
  if (opened && stage.querySelector("#launch")) throw new RobotError("the course's window is not open yet");
  // The course's frame: the stage's own, or inside the player frame of a nested launch.
  const outer = stage.querySelector("iframe");
  const frame = outer?.hasAttribute(COURSE_FRAME_ATTRIBUTE)
    ? outer
    : outer?.contentDocument?.querySelector<HTMLIFrameElement>(`iframe[${COURSE_FRAME_ATTRIBUTE}]`);
  if (!frame?.contentWindow) throw new RobotError("the course is not open");
  return frame.contentWindow;
}

const robot = new Robot(courseWindow);

/** Posts the calls since the last post, the committed data and the next session's record. */
function recorder(host: ScormLms, url: string): (call: ApiCall) => void {
  let sent = 0;
  let seq = 0;
  let committed: unknown = null;
  return (call) => {
    if (killed) return;
    const accepted = call.result === "true" || call.result === "exception";
    if (RECORDED.test(call.method) && accepted && !/Initialize$/.test(call.method)) committed = host.cmi();
    if (!RECORDED.test(call.method) && call.error === "0" && !host.terminated) return;
    const body = JSON.stringify({ seq: ++seq, calls: host.calls.slice(sent), committed, next: host.nextSession() });
    sent = host.calls.length;
    // A beacon outlives the page, as LMSs' own saves must when the learner closes the tab (checklist
    // #37); one too large for it goes by fetch, and is lost if the page is going away.
    if (body.length >= KEEPALIVE_LIMIT || !navigator.sendBeacon(url, body))
      void fetch(url, { method: "POST", body }).catch(() => undefined);
  };
}

function watchErrors(win: Window): void {
  win.addEventListener("error", (e) => courseErrors.push(e.message));
  win.addEventListener("unhandledrejection", (e) => courseErrors.push(String(e.reason)));
}

window.coursepackTest = {
  launch(plan) {
    if (plan.kind === "scorm") {
      const cmi = plan.cmi ?? firstSession(plan.standard, LEARNER);
      lms = new ScormLms({ standard: plan.standard, cmi, quirks: plan.quirks });
      lms.onCall(recorder(lms, plan.recordUrl));
      watchApiLookups(plan.standard === "scorm12" ? "API" : "API_1484_11");
      lms.install(window);
    }
    opened = openCourse(stage, plan.url, plan.window);
    if (plan.window !== "popup" || opened.popup) return "opened";
    // Blocked without a user gesture (WebKit): a button, as LMSs show, opens it on the learner's click.
    const button = document.createElement("button");
    button.id = "launch";
    button.textContent = "Launch the course";
    button.addEventListener("click", () => {
      opened = openCourse(stage, plan.url, "popup");
    });
    stage.replaceChildren(button);
    return "click";
  },
  async loaded() {
    // The course's document exists and has loaded (about:blank first, for frames and popups).
    const win = await until(
      () => {
        try {
          const win = courseWindow();
          return win.location.href !== "about:blank" && win.document.readyState === "complete" ? win : undefined;
        } catch {
          return undefined;
        }
      },
      "the course's page to load",
      60_000,
    );
    watchErrors(win);
  },
  robot: (step) => robot.run(step),
  closeCourse() {
    opened?.close();
  },
  failCommits(count) {
    lms?.failCommits(count);
  },
  kill() {
    killed = true;
  },
  errors: () => [...courseErrors],
  apiLookups: () => apiLookups,
  calls: () => lms?.calls ?? [],
};
