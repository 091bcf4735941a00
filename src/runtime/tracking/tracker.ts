/**
 * The one interface between the player and an LMS standard. Each standard (local storage, SCORM 1.2,
 * SCORM 2004, xAPI, cmi5) is one module implementing it; each package ships exactly one.
 */
import type { CourseData, MediaBlockData, PageData, ScenarioData } from "../../shared/course-data.js";
import type { AnsweredQuestion, LearnerState } from "../../shared/learner.js";

export interface Launch {
  /** Saved state when resuming. */
  state?: LearnerState | undefined;
  /** browse/review: show the course but record nothing (SCORM lesson_mode, cmi5 launchMode). */
  mode: "normal" | "browse" | "review";
  /** False when the LMS launched without credit: results are shown but not recorded. */
  credit: boolean;
  /** Pass mark 0..100 set by the LMS, which wins over the course's own (checklist #24). */
  masteryScore?: number | undefined;
  learnerName?: string | undefined;
}

/** What the course has achieved so far; trackers turn it into their standard's data. */
export interface CourseStatus {
  /** Current page id, for the bookmark. */
  location: string;
  /** Share of pages done, 0..1. */
  progress: number;
  completed: boolean;
  /** Undefined until assessed. */
  passed?: boolean | undefined;
  /** Course score 0..100, once any graded quiz was submitted. */
  score?: number | undefined;
  /** No graded quiz can change the result any more: each is passed or out of attempts. */
  final?: boolean | undefined;
}

/** `state-unavailable`: the LRS's saved progress could not be read, and this session will not replace it. */
export type Notice = "no-lms" | "lms-error" | "lms-recovered" | "finished" | "state-unavailable";

/** The xAPI video profile's events (https://w3id.org/xapi/video), which audio shares. */
export type MediaVerb = "initialized" | "played" | "paused" | "seeked" | "completed";

/**
 * What interactive blocks report beyond answers. SCORM records none of it as such (lesson objectives
 * and the saved state carry the result); xAPI and cmi5 send statements.
 */
export type BlockEvent =
  | {
      kind: "media";
      media: MediaBlockData;
      verb: MediaVerb;
      /** Playhead in seconds; for "seeked" where the seek landed, `from` where it started. */
      time: number;
      from?: number;
      /** Duration in seconds (0 while unknown). */
      length: number;
      /** Share of the timeline played, 0..1. */
      progress: number;
      /** Stretches played in this session, [from, to] seconds. */
      segments: [number, number][];
      /** Random per page load, as the video profile's session-id asks. */
      session: string;
    }
  | { kind: "scenario-ended"; scenario: ScenarioData; run: number; ending: number; score?: number | undefined };

export interface Tracker {
  start(course: CourseData, notify: (notice: Notice) => void): Promise<Launch>;
  pageViewed(page: PageData): void;
  answered(answer: AnsweredQuestion): void;
  blockEvent(event: BlockEvent): void;
  /** Called after every change; the tracker decides when to send (debounced). */
  update(status: CourseStatus, state: LearnerState): void;
  /** The learner pressed Exit: send everything and end the session, once. */
  exit(): Promise<void>;
}
