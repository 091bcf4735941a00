/**
 * What the runtime remembers about a learner and what it reports. Shared with the build only so the
 * build can estimate the worst-case saved-state size; the runtime owns the behaviour.
 */
import type { QuestionType } from "./course-data.js";

/** A learner's response, neutral to any LMS standard; each tracker encodes it in its own format. */
export type Response =
  | { kind: "choices"; ids: string[] }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; value: string }
  | { kind: "number"; value: number }
  | { kind: "pairs"; pairs: [source: string, target: string][] }
  | { kind: "order"; ids: string[] };

/**
 * One acceptable correct response, for LMS reports (correct_responses / correctResponsesPattern).
 * Numeric questions accept a range, which no learner response can express.
 */
export type CorrectPattern = Response | { kind: "range"; min: number; max: number };

export type AnswerResult = "correct" | "incorrect" | "partial" | "neutral";

/** One graded answer, as trackers report it (SCORM interaction, xAPI "answered"). */
export interface AnsweredQuestion {
  questionId: string;
  /** The quiz, or for a scenario choice the scenario (see `within`). */
  quizId: string;
  /** What was answered in: a graded quiz (the default) or a branching scenario, whose choices are reported the same way. */
  within?: "quiz" | "scenario";
  /** 1-based quiz attempt, so trackers can tell a retried question's answers apart. */
  attempt: number;
  type: QuestionType;
  /** Plain-text prompt for LMS reports. */
  text: string;
  response: Response;
  /**
   * Every acceptable correct response (fill-in: each accepted answer; numeric: one range);
   * absent for surveys.
   */
  correct?: CorrectPattern[];
  result: AnswerResult;
  /** 0..1 share of the question's marks earned. */
  score: number;
  weight: number;
  latencyMs: number;
  timestamp: Date;
  /** Option texts by id, for xAPI interaction definitions. */
  options: { id: string; text: string; group?: "source" | "target" }[];
}

/** A quiz attempt in progress or finished. */
export interface QuizAttemptState {
  /** 1-based attempt number. */
  attempt: number;
  /** Question ids drawn for this attempt, in the order shown. */
  drawn: string[];
  /** Choice/item orders shown, by question id, so a resumed attempt looks the same. */
  orders: Record<string, string[]>;
  answers: Record<string, Response>;
  submitted: boolean;
  /** Percentage 0..100 once submitted. */
  score?: number;
  /** Best submitted score across attempts. */
  best?: number;
}

/** Everything needed to resume. Keyed by stable ids so edits to the course never corrupt it. */
export interface LearnerState {
  /** Current page id. */
  page: string;
  viewed: string[];
  quizzes: Record<string, QuizAttemptState>;
  /** Knowledge-check responses by question id. */
  checks: Record<string, Response>;
  /** True once completion has been reported, so it is never downgraded. */
  completed: boolean;
  /** Progress in interactive blocks by block id (absent in state saved before blocks existed). */
  blocks?: Record<string, BlockState>;
}

/**
 * Progress in one interactive block. Tabs, panels, cards, steps, markers and reveals keep the set of
 * items opened, as bits of a 32-bit number; media keep the segments of their timeline played the same
 * way; a scenario keeps where the learner stands, how many runs they started and its best ending.
 */
export type BlockState =
  | { kind: "seen"; seen: number }
  | {
      kind: "scenario";
      /** Index of the node the learner is at. */
      at: number;
      /** Runs started (1 = the first); each restart begins a new run, reported as a new attempt. */
      run: number;
      /** An ending was reached in some run. */
      ended: boolean;
      /** Best ending score 0..100 over all runs, when endings are scored. */
      best?: number;
    };

export function emptyLearnerState(firstPage: string): LearnerState {
  return { page: firstPage, viewed: [], quizzes: {}, checks: {}, completed: false, blocks: {} };
}
