/**
 * The one interface between the player and an LMS standard. Each standard (local storage, SCORM 1.2,
 * SCORM 2004, xAPI, cmi5) is one module implementing it; each package ships exactly one.
 */
import type { CourseData, PageData } from "../../shared/course-data.js";
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

export interface Tracker {
  start(course: CourseData, notify: (notice: Notice) => void): Promise<Launch>;
  pageViewed(page: PageData): void;
  answered(answer: AnsweredQuestion): void;
  /** Called after every change; the tracker decides when to send (debounced). */
  update(status: CourseStatus, state: LearnerState): void;
  /** The learner pressed Exit: send everything and end the session, once. */
  exit(): Promise<void>;
}
