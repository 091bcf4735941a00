/**
 * What differs between SCORM 1.2 and SCORM 2004 is one `ScormDataModel` per version: element names,
 * vocabularies, time formats, interaction encodings and limits (as scorm-again models them). The
 * adapters are pure: they turn neutral course facts into ordered [element, value] writes, and the
 * shared session code (tracker.ts) performs them. Nothing outside the adapters branches on version.
 */
import type { TrackingOptions } from "../../../shared/course-data.js";
import type { AnsweredQuestion } from "../../../shared/learner.js";
import type { Launch } from "../tracker.js";

/** One SetValue, in the order it must be sent. */
export type Write = readonly [element: string, value: string];

/** The eight API functions, by their names in this version. */
export interface ApiFunctions {
  initialize: string;
  terminate: string;
  getValue: string;
  setValue: string;
  commit: string;
  getLastError: string;
  getErrorString: string;
  getDiagnostic: string;
}

/** Course-level result, already made monotonic by the tracker. */
export interface ReportedStatus {
  completed: boolean;
  /** Undefined until assessed. */
  passed?: boolean | undefined;
  /** 0..100, once a graded quiz was submitted. */
  score?: number | undefined;
  /** 0..1 */
  progress: number;
  /** No graded quiz can change the result any more: each is passed or out of attempts. */
  final?: boolean | undefined;
}

/** One objective per page, so LMSs that report objectives show progress per lesson and quiz. */
export interface ObjectiveReport {
  /** The page (or scenario) id; the adapter turns it into its own identifier format. */
  page: string;
  completed: boolean;
  passed?: boolean | undefined;
  score?: number | undefined;
}

/** Reads one element; "" when unset or unsupported (403/401 are benign on reads, checklist #15). */
export type CmiReader = (element: string) => string;

/**
 * What the adapter learns at Initialize; the tracker decodes the saved state. The saved location
 * and state are read whatever `entry` says: Forma hands saved data back with entry = ab-initio
 * (issue 12), and an LMS that starts a new attempt hands back none.
 */
export interface ScormLaunch extends Omit<Launch, "state"> {
  location: string;
  suspendData: string;
  /** Current values of the monotonic status elements, so they are never downgraded (checklist #25). */
  statusFloor: { [element: string]: string };
}

export interface ScormDataModel {
  /** Window property the LMS exposes (checklist #11). */
  readonly apiName: "API" | "API_1484_11";
  readonly functions: ApiFunctions;
  readonly suspendDataLimit: number;
  readonly locationLimit: number;
  readonly elements: {
    location: string;
    suspendData: string;
    sessionTime: string;
    interactionCount: string;
    objectiveCount: string;
    objectiveId(n: number): string;
  };
  /** Reads mode, credit, entry, mastery score, learner name, statuses and saved data. */
  readLaunch(read: CmiReader): ScormLaunch;
  /**
   * Writes for the course result: score (min, max, raw, scaled) strictly before status (checklist #21).
   * Called only when results are recorded (normal mode, with credit; checklist #16).
   */
  statusWrites(status: ReportedStatus, tracking: TrackingOptions): Write[];
  /** Rank of a status value for monotonic elements (never downgrade, checklist #25); undefined for others. */
  rank(element: string, value: string): number | undefined;
  /**
   * The objective id for a page; any further ids are those earlier versions wrote, kept in use
   * where the LMS already holds them (an objective id cannot be changed).
   */
  objectiveIds(courseId: string, page: string): [string, ...string[]];
  objectiveWrites(n: number, id: string, objective: ObjectiveReport): Write[];
  /**
   * Every element of one interaction, id first, in the order the RTE requires (checklist #42); a
   * retried question (answer.attempt > 1) gets its own id (checklist #44).
   */
  interactionWrites(n: number, answer: AnsweredQuestion): Write[];
  sessionTime(ms: number): string;
  /** cmi.exit for a suspended or a normal exit (checklist #28). */
  exit(suspend: boolean): Write;
  /** adl.nav.request to send before Terminate, matching the exit (2004 only, checklist #30). */
  navRequest(suspend: boolean): Write | undefined;
}

/** Rounds to at most `decimals` places without float noise ("66.67", not "66.66999"). */
export function decimal(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

/** 0..100 percentage, clamped (checklist #22). */
export function percent(score: number): number {
  return Math.min(100, Math.max(0, Number.isFinite(score) ? score : 0));
}

/** Elapsed milliseconds split into clock parts; never negative or NaN (checklist #26). */
export function clockParts(ms: number, maxHours: number): { h: number; m: number; s: number } {
  const total = Math.min(Math.max(0, Number.isFinite(ms) ? ms : 0), maxHours * 3_600_000 + 3_599_990);
  const centis = Math.round(total / 10);
  return { h: Math.floor(centis / 360_000), m: Math.floor(centis / 6000) % 60, s: (centis % 6000) / 100 };
}

/** "" and unknown modes are normal (checklist #16). */
export function parseMode(value: string): Launch["mode"] {
  return value === "browse" || value === "review" ? value : "normal";
}

/** An LMS value as a number, or undefined when empty or not a number. */
export function numberOrUndefined(value: string): number | undefined {
  if (value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Cuts a string to `max` characters without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
