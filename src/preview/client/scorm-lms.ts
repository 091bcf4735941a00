/**
 * The LMS side of a SCORM launch, in the browser: scorm-again's strict runtime (Scorm12API /
 * Scorm2004API) installed as window.API / window.API_1484_11, with every call recorded (method,
 * element, value, return value, error code), commit failures that can be injected, and the
 * resulting CMI data. With a quirk profile (lms-quirks.ts) it refuses, throws and hands back data the
 * way a given real LMS does. The end-to-end tests and `coursepack preview` (whose debug panel listens
 * to every call) both drive this one module.
 */
import { Scorm12API, Scorm2004API } from "scorm-again";
import type { ApiCall, CmiJson } from "../protocol.js";
import { type LmsQuirks, QuirkSession } from "./lms-quirks.js";

export type ScormStandard = "scorm12" | "scorm2004";

export type { ApiCall, CmiJson };

export interface ScormLmsOptions {
  standard: ScormStandard;
  /** CMI data loaded before Initialize: a learner record, or the previous session from nextSession(). */
  cmi?: CmiJson | undefined;
  /** Behave like this LMS where it is stricter than scorm-again (lms-quirks.ts). */
  quirks?: LmsQuirks | undefined;
}

const FUNCTIONS = {
  scorm12: {
    global: "API",
    names: [
      "LMSInitialize",
      "LMSFinish",
      "LMSGetValue",
      "LMSSetValue",
      "LMSCommit",
      "LMSGetLastError",
      "LMSGetErrorString",
      "LMSGetDiagnostic",
    ],
    commit: "LMSCommit",
    getValue: "LMSGetValue",
    setValue: "LMSSetValue",
    terminate: "LMSFinish",
    getLastError: "LMSGetLastError",
    /** General exception: 1.2 has no commit-specific code. */
    commitError: "101",
  },
  scorm2004: {
    global: "API_1484_11",
    names: [
      "Initialize",
      "Terminate",
      "GetValue",
      "SetValue",
      "Commit",
      "GetLastError",
      "GetErrorString",
      "GetDiagnostic",
    ],
    commit: "Commit",
    getValue: "GetValue",
    setValue: "SetValue",
    terminate: "Terminate",
    getLastError: "GetLastError",
    commitError: "391",
  },
} as const;

/** Error-reporting functions pass through unrecorded: they are how the SCO reads the recorded codes. */
const UNRECORDED = /Error|Diagnostic/;

type ApiFunction = (...args: string[]) => unknown;

export class ScormLms {
  readonly calls: ApiCall[] = [];
  private readonly listeners = new Set<(call: ApiCall) => void>();
  readonly standard: ScormStandard;
  private readonly runtime: Scorm12API | Scorm2004API;
  /** The object the SCO finds and calls. */
  readonly api: Record<string, (...args: string[]) => string> = {};
  private failingCommits = 0;
  private injectedError: string | undefined;
  private readonly quirks: QuirkSession | undefined;

  constructor(options: ScormLmsOptions) {
    this.standard = options.standard;
    this.quirks = options.quirks && new QuirkSession(options.quirks, options.standard);
    const settings = { autocommit: false, lmsCommitUrl: false as const, logLevel: 5 as const };
    this.runtime = options.standard === "scorm12" ? new Scorm12API(settings) : new Scorm2004API(settings);
    if (options.cmi) this.runtime.loadFromJSON(options.cmi);
    const fn = FUNCTIONS[options.standard];
    for (const name of fn.names) {
      this.api[name] = (...args: string[]) => {
        if (name === fn.getLastError && this.injectedError) return this.injectedError;
        if (UNRECORDED.test(name)) return this.callRuntime(name, args);
        this.injectedError = undefined;
        const [element, value] = args;
        const refused = this.refusal(name, String(element), String(value));
        if (refused) {
          this.injectedError = refused;
          this.record({ method: name, element, value, result: "false", error: refused });
          return "false";
        }
        if (name === fn.getValue && this.quirks?.leavesEmpty(String(element))) {
          this.record({ method: name, element, result: "", error: "0" });
          return "";
        }
        const result = this.callRuntime(name, args);
        const error = this.callRuntime(fn.getLastError, []);
        if (name === fn.setValue && result === "true") this.quirks?.accepted(String(element), String(value));
        if (name === fn.terminate && result === "true" && this.quirks?.terminateThrows) {
          this.record({ method: name, element, result: "exception", error });
          throw new Error(`${name} failed after adl.nav.request (simulated LMS quirk)`);
        }
        this.record({ method: name, element, value, result, error });
        return result;
      };
    }
  }

  /** The error code of a call refused before it reaches scorm-again: an injected commit failure or a quirk. */
  private refusal(name: string, element: string, value: string): string | undefined {
    const fn = FUNCTIONS[this.standard];
    if (name === fn.commit && this.failingCommits > 0) {
      this.failingCommits--;
      return fn.commitError;
    }
    return name === fn.setValue ? this.quirks?.refusal(element, value) : undefined;
  }

  private callRuntime(name: string, args: string[]): string {
    return String((this.runtime as unknown as Record<string, ApiFunction>)[name]!.apply(this.runtime, args));
  }

  /** Calls `listener` after every recorded call; returns the unsubscribe. */
  onCall(listener: (call: ApiCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The standard's text for an error code ("405" → "Incorrect Data Type"). */
  describeError(code: string): string {
    return this.callRuntime(this.standard === "scorm12" ? "LMSGetErrorString" : "GetErrorString", [code]);
  }

  private record(call: ApiCall): void {
    this.calls.push(call);
    for (const listener of this.listeners) listener(call);
  }

  /**
   * Makes the API discoverable from `win` and every window below or opened by it — at once, or as
   * late as an api-late quirk says (the content must keep looking for it).
   */
  install(win: Window): void {
    const put = () => {
      (win as unknown as Record<string, unknown>)[FUNCTIONS[this.standard].global] = this.api;
    };
    const delay = this.quirks?.apiDelay ?? 0;
    if (delay > 0) setTimeout(put, delay);
    else put();
  }

  /** The next `count` Commit calls return "false" with a commit error, like an LMS whose server is down. */
  failCommits(count: number): void {
    this.failingCommits = count;
  }

  /** The CMI data as the LMS would store it. */
  cmi(): CmiJson {
    return this.runtime.renderCMIToJSONObject() as CmiJson;
  }

  /** Calls the runtime refused (error code other than 0). */
  errors(): ApiCall[] {
    return this.calls.filter((c) => c.error !== "0");
  }

  /** The value of the last accepted SetValue of `element`. */
  lastSet(element: string): string | undefined {
    return this.calls.filter((c) => /SetValue$/.test(c.method) && c.element === element && c.result === "true").at(-1)
      ?.value;
  }

  get terminated(): boolean {
    return this.runtime.isTerminated();
  }

  /**
   * What an LMS hands the next session of this attempt: after exit=suspend, entry=resume with the
   * bookmark, saved state, statuses, score and objectives; otherwise a new attempt (entry=ab-initio).
   * Interactions stay with the LMS: a SCO never reads them back. A late-commit-entry quirk replaces
   * `entry` and keeps the saved data.
   */
  nextSession(): CmiJson {
    const cmi = structuredClone(this.cmi().cmi) as Record<string, unknown> & { core?: Record<string, unknown> };
    const wrongEntry = this.quirks?.nextEntry(this.calls);
    delete cmi.interactions;
    if (this.standard === "scorm12") {
      const core = cmi.core!;
      const suspended = core.exit === "suspend";
      for (const key of ["exit", "session_time", "total_time"]) delete core[key];
      core.entry = suspended ? "resume" : "ab-initio";
      if (!suspended) Object.assign(core, { lesson_location: "" }, { lesson_status: "not attempted" });
      if (!suspended) cmi.suspend_data = "";
      if (wrongEntry) core.entry = wrongEntry;
    } else {
      const suspended = cmi.exit === "suspend";
      for (const key of ["exit", "session_time", "total_time"]) delete cmi[key];
      cmi.entry = suspended ? "resume" : "ab-initio";
      if (!suspended)
        Object.assign(cmi, { location: "", suspend_data: "", completion_status: "unknown", success_status: "unknown" });
      if (wrongEntry) cmi.entry = wrongEntry;
    }
    return { cmi };
  }
}
