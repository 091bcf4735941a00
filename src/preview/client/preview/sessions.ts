/**
 * The LMS side of one learner in the preview, per standard: SCORM (ScormLms in this page, the
 * learner's record carried from one launch to the next as an LMS does), xAPI and cmi5 (launched by
 * the server's LocalLms, which holds the record), and web (the runtime's own localStorage).
 * A relaunch stops the running launch — the package's pagehide ends its session — and starts the
 * next one from what was saved: the resume a learner gets when opening the course again.
 */
import type { Launchable, PreviewState, Standard } from "../../protocol.js";
import { openCourse, type OpenedCourse } from "../launcher.js";
import { ScormLms, type ApiCall, type CmiJson, type ScormStandard } from "../scorm-lms.js";
import { firstSession, withSettings, type LaunchSettings } from "../scorm-record.js";
import { server } from "./server.js";

export interface LaunchContext {
  stage: HTMLElement;
  state: PreviewState;
  launchable: Launchable;
}

export interface LmsSession {
  readonly standard: Standard;
  start(ctx: LaunchContext): Promise<OpenedCourse>;
  /** Ends the running launch. */
  stop(): Promise<void>;
  /** Forgets the learner's progress: the next launch is a first launch. */
  reset(ctx: { state: PreviewState; launchable: Launchable }): void;
}

export function sessionFor(standard: Standard, onScorm: (lms: ScormLms, call?: ApiCall) => void): LmsSession {
  switch (standard) {
    case "scorm12":
    case "scorm2004":
      return new ScormSession(standard, onScorm);
    case "xapi":
    case "cmi5":
      return new XapiSession(standard);
    case "web":
      return new WebSession();
  }
}

/** How long a package gets to end its session after its window goes (popups close asynchronously). */
const STOP_TIMEOUT_MS = 1500;

class ScormSession implements LmsSession {
  private lms: ScormLms | undefined;
  private opened: OpenedCourse | undefined;
  private key = "";

  constructor(
    readonly standard: ScormStandard,
    private readonly onScorm: (lms: ScormLms, call?: ApiCall) => void,
  ) {}

  async start({ stage, state, launchable }: LaunchContext): Promise<OpenedCourse> {
    this.key = `coursepack-preview:${state.learner.registration}:${this.standard}`;
    const settings = launchSettings(state);
    const saved = sessionStorage.getItem(this.key);
    const cmi = saved
      ? withSettings(JSON.parse(saved) as CmiJson, this.standard, settings)
      : firstSession(this.standard, settings);
    const lms = new ScormLms({ standard: this.standard, cmi });
    this.lms = lms;
    lms.install(window);
    lms.onCall((call) => this.onScorm(lms, call));
    window.coursepackLms.lms = lms;
    this.onScorm(lms);
    this.opened = openCourse(stage, launchable.url, state.options.window);
    window.coursepackLms.popup = this.opened.popup;
    return this.opened;
  }

  async stop(): Promise<void> {
    const lms = this.lms;
    if (!lms) return;
    this.opened?.close();
    const until = Date.now() + STOP_TIMEOUT_MS;
    while (this.opened?.popup && !lms.terminated && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    this.save();
    this.lms = undefined;
  }

  /** What the next launch resumes from; also kept when this page is reloaded. */
  save(): void {
    if (this.lms) sessionStorage.setItem(this.key, JSON.stringify(this.lms.nextSession()));
  }

  reset({ state }: { state: PreviewState }): void {
    sessionStorage.removeItem(`coursepack-preview:${state.learner.registration}:${this.standard}`);
  }
}

class XapiSession implements LmsSession {
  private opened: OpenedCourse | undefined;

  constructor(readonly standard: "xapi" | "cmi5") {}

  async start({ stage, state }: LaunchContext): Promise<OpenedCourse> {
    // The server's LocalLms issues the launch: credentials (Tin Can), or a cmi5 session with its fetch URL.
    const { url } = await server.launch();
    this.opened = openCourse(stage, url, state.options.window);
    window.coursepackLms.popup = this.opened.popup;
    return this.opened;
  }

  async stop(): Promise<void> {
    this.opened?.close();
    // The package's last statements and bookmark leave with keepalive requests on pagehide.
    await new Promise((r) => setTimeout(r, this.opened?.popup ? 300 : 100));
  }

  reset(): void {
    // A new registration (made by the server) is a new learner record: nothing to forget here.
  }
}

class WebSession implements LmsSession {
  readonly standard = "web";
  private opened: OpenedCourse | undefined;

  async start({ stage, state, launchable }: LaunchContext): Promise<OpenedCourse> {
    this.opened = openCourse(stage, launchable.url, state.options.window);
    window.coursepackLms.popup = this.opened.popup;
    return this.opened;
  }

  async stop(): Promise<void> {
    this.opened?.close();
  }

  reset({ launchable }: { launchable: Launchable }): void {
    if (launchable.courseId) localStorage.removeItem(webStorageKey(launchable.courseId));
  }
}

/** Where the web runtime (src/runtime/tracking/local.ts) keeps a course's progress. */
export function webStorageKey(courseId: string): string {
  return `coursepack:${courseId}`;
}

function launchSettings(state: PreviewState): LaunchSettings {
  return {
    learner: { id: "preview-learner", given: "Preview", family: "Learner" },
    mode: state.options.mode,
    credit: state.options.credit,
    masteryScore: state.options.masteryScore,
  };
}
