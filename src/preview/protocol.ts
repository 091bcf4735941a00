/**
 * What the preview server (server/) and its LMS page (client/) say to each other: JSON over HTTP,
 * and Server-Sent Events from /__coursepack/events ("state", "statements", "xapi"). Plain data only.
 */
import type { FormatId } from "../shared/course-data.js";

/** The standard a package is launched in; "web" is a plain page with no LMS. */
export type Standard = "scorm12" | "scorm2004" | "xapi" | "cmi5" | "web";

export type WindowMode = "frame" | "nested" | "popup";

/** How the local LMS launches: the settings an LMS administrator would choose. */
export interface LmsOptions {
  /**
   * Pass mark 0..100 the LMS imposes (SCORM 1.2 mastery_score, 2004 scaled_passing_score, cmi5
   * masteryScore); null leaves the package's own (checklist #24).
   */
  masteryScore: number | null;
  /** SCORM lesson_mode / cmi.mode, cmi5 launchMode (checklist #16, #69). */
  mode: "normal" | "browse" | "review";
  /** SCORM credit; false = no-credit (cmi5 and Tin Can have no such setting). */
  credit: boolean;
  /** In a frame (Moodle), two frames down, or in a popup (SuccessFactors, Cornerstone; checklist #11). */
  window: WindowMode;
}

export const DEFAULT_LMS_OPTIONS: LmsOptions = { masteryScore: null, mode: "normal", credit: true, window: "frame" };

/** What there is to launch. */
export interface Launchable {
  standard: Standard;
  /** "1.2", "2004 4th Edition"…; null where a standard has no editions. */
  edition: string | null;
  title: string;
  /** The launch file on the preview server ("/course/index.html"), or an absolute URL. */
  url: string;
  /** Coursepack courses only: the course id, which keys the web runtime's localStorage. */
  courseId?: string | undefined;
  /** cmi5: what the AU declares in cmi5.xml. */
  cmi5?: { moveOn: string; masteryScore: number | null } | undefined;
}

/** One build of a Coursepack course (a package from another tool is not built). */
export interface BuildStatus {
  /** Increases with every build, failed or not. */
  id: number;
  ok: boolean;
  format: FormatId;
  ms: number;
  /** ISO time it finished. */
  at: string;
  /** Files whose change started it (empty for the first build and format switches), relative to the course. */
  changed: string[];
  /** `file:line:col: severity: message`, errors first. */
  diagnostics: string[];
  errors: number;
  warnings: number;
  /** What was made anew (the rest was reused): outline files modelled, pages rendered. */
  rebuilt: { files: string[]; pages: string[] } | null;
  /** The build that is being served: this one when ok, else the last good one (null if none). */
  serving: number | null;
}

export interface Learner {
  /**
   * Identifies the learner's record: the xAPI/cmi5 registration, and the key of the SCORM record the
   * page keeps. A reset (or a switch of standard) starts a new one.
   */
  registration: string;
  actor: { objectType: "Agent"; name: string; account: { homePage: string; name: string } };
}

export interface PreviewState {
  /**
   * Counts the server's changes of state. An event can reach the page after the answer to a later
   * command (a busy machine), so the page ignores a state older than the one it shows.
   */
  revision: number;
  source: { kind: "course" | "package"; name: string };
  /** Null while a course has never built. */
  launchable: Launchable | null;
  build: BuildStatus | null;
  /** The format a course is built as (null for a package: its standard is read from its manifest). */
  format: FormatId | null;
  /** Formats the page may switch to (none for a package). */
  formats: FormatId[];
  options: LmsOptions;
  learner: Learner;
}

/** One statement as the local LRS received it. */
export interface StatementEntry {
  statement: Record<string, unknown>;
  /** HTTP status answered for the request that carried it. */
  status: number;
  stored: boolean;
  /** What Learning Locker's validator flags in it. */
  warnings: string[];
  /** Sent again unchanged: the LRS recognised it and kept the one it had. */
  again: boolean;
  receivedAt: string;
  /** Statements sent together share it. */
  request: number;
}

/** What the LMS knows about the current registration (xAPI and cmi5). */
export interface XapiSummary {
  registration: string;
  /** The activity the statements are about (cmi5: the LMS-generated AU id). */
  activityId: string | null;
  completed: boolean;
  /** Last passed/failed judgement, null before one. */
  passed: boolean | null;
  /** Scaled score of that judgement. */
  scaled: number | null;
  stored: number;
  rejected: number;
  /** State API documents (the bookmark among them). */
  documents: { id: string; bytes: number }[];
  /** cmi5: moveOn and whether the statements satisfy it. */
  moveOn: { rule: string; satisfied: boolean } | null;
}

/** Body of POST /__coursepack/launch's answer. */
export interface LaunchAnswer {
  url: string;
}

/** scorm-again's JSON form of the CMI data (renderCMIToJSONObject / loadFromJSON). */
export type CmiJson = { cmi: Record<string, unknown> };

/** One SCORM API call as the LMS page records it (src/preview/client/scorm-lms.ts). */
export interface ApiCall {
  method: string;
  /** First argument: the element for GetValue/SetValue, the "" parameter for the others. */
  element?: string | undefined;
  value?: string | undefined;
  result: string;
  /** GetLastError right after the call ("0" = none). */
  error: string;
}
