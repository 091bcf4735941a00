/**
 * What `coursepack test`'s Node side and its LMS page (tester/client) say to each other: how to
 * launch a package, what the robot learner reports, and the SCORM record the page posts to the
 * test server after every Initialize, Commit and Terminate — what a real LMS keeps on its server.
 * Plain data only.
 */
import type { ApiCall, CmiJson, WindowMode } from "../preview/protocol.js";
import type { LmsQuirks } from "../shared/lms-quirks.js";

export type { ApiCall, CmiJson };

/** How the LMS page launches one session. */
export type LaunchPlan =
  | {
      kind: "scorm";
      standard: "scorm12" | "scorm2004";
      /** The package's launch page (absolute URL). */
      url: string;
      window: WindowMode;
      /** What the last session left (ScormRecord.next); none for a first launch. */
      cmi?: CmiJson | undefined;
      quirks?: LmsQuirks | undefined;
      /** Where the page posts the record: /__test/record/<session>. */
      recordUrl: string;
    }
  | {
      kind: "xapi";
      /** The launch URL the local LMS issued (Tin Can launch or cmi5 with its fetch URL). */
      url: string;
      window: WindowMode;
    };

/** The SCORM session as the LMS's server holds it. */
export interface ScormRecord {
  /** The data as of the last accepted Commit or Terminate (what survives the browser). */
  committed: CmiJson | null;
  /** Every API call, in order, as the page recorded them. */
  calls: ApiCall[];
  /** What the LMS hands the next session (entry, bookmark, saved data), as of the last post. */
  next: CmiJson | null;
}

/** What the learner sees in the course, as the robot reads it. */
export interface LearnerView {
  /** The page shown (`summary` for the summary). */
  page: string | null;
  /** Notices shown (`resumed`, `lms-error`, `no-lms`…). */
  notices: string[];
  /** The quiz question shown and the answer the form holds, when a quiz attempt is open. */
  question: { id: string; answer: string } | null;
  /** Every answer the open quiz attempt holds, by question id. */
  answers: Record<string, string>;
}

/** One step of a learner, evaluated in the page that holds the course (or the LMS page above it). */
export type RobotStep =
  | { do: "view-lessons"; count: number }
  | { do: "take-course"; correct: boolean; attempts: "one" | "all" }
  | { do: "start-quiz-and-answer"; questions: number }
  | { do: "next" }
  | { do: "exit" }
  | { do: "hide" }
  | { do: "view" }
  /** Waits until the course shows this notice (`lms-error`, `lms-recovered`, `resumed`…). */
  | { do: "wait-notice"; notice: string; seconds: number };

export const RECORD_PATH = "/__test/record/";
export const CLIENT_PATH = "/__test/client/";
