/**
 * The compiled course as the learner runtime receives it (embedded as JSON in index.html).
 * This is the contract between the build (Node) and the runtime (browser): plain data only.
 * Bump COURSE_DATA_SCHEMA when a field changes meaning.
 */
export const COURSE_DATA_SCHEMA = 1;

/**
 * Output formats the build can produce. `scorm2004` is SCORM 2004 in the edition the LMS profile
 * prefers (3rd unless the profile says otherwise); `scorm2004-3rd` and `scorm2004-4th` pin one.
 */
export type FormatId = "web" | "scorm12" | "scorm2004" | "scorm2004-3rd" | "scorm2004-4th" | "xapi" | "cmi5";

/** When the course counts as complete. */
export type CompletionRule = "lessons" | "quiz" | "lessons-and-quiz";

/** How several graded quizzes combine into the course score. */
export type ScoreCombination = "weighted-average" | "all-must-pass";

export interface CourseData {
  schema: typeof COURSE_DATA_SCHEMA;
  id: string;
  title: string;
  version: string;
  language: string;
  direction: "ltr" | "rtl";
  /** Percentage 0..100 the course score must reach to pass. */
  passingScore: number;
  completion: CompletionRule;
  scoreCombination: ScoreCombination;
  /** Pages in learner order: lessons and quizzes. */
  pages: PageData[];
  quizzes: Record<string, QuizData>;
  /** Every question by id: graded quiz questions and ungraded knowledge checks. */
  questions: Record<string, QuestionData>;
  /** UI strings in the course language, already merged with the course's overrides. */
  strings: Record<string, string>;
  tracking: TrackingOptions;
  /** Absolute IRI that identifies the course for xAPI/cmi5; element IRIs extend it. */
  activityId: string;
}

export interface PageData {
  id: string;
  kind: "lesson" | "quiz";
  title: string;
  minutes: number;
  /** Lesson only: ids of the knowledge checks it contains. */
  checks: string[];
}

export type FeedbackTiming = "immediate" | "end" | "none";

export interface QuizData {
  id: string;
  title: string;
  /** Percentage 0..100 needed to pass this quiz. */
  passingScore: number;
  /** 0 = unlimited. */
  attempts: number;
  feedback: FeedbackTiming;
  review: boolean;
  shuffleChoices: boolean;
  shuffleQuestions: boolean;
  /** Weight of this quiz when several graded quizzes combine. */
  weight: number;
  /** Question pools; every attempt draws `draw` questions from each. */
  banks: BankData[];
}

export interface BankData {
  id: string;
  draw: number;
  questions: string[];
}

export type QuestionType =
  | "single"
  | "multiple"
  | "true-false"
  | "fill-in"
  | "numeric"
  | "matching"
  | "sequencing"
  | "likert";

interface QuestionBase {
  id: string;
  /** Plain-text prompt, used in LMS reports (interaction description). */
  text: string;
  graded: boolean;
  weight: number;
  /** Quiz id, or the lesson id for a knowledge check. */
  parent: string;
}

export interface ChoiceKey {
  id: string;
  text: string;
  correct: boolean;
}

export interface ChoiceQuestionData extends QuestionBase {
  type: "single" | "multiple";
  choices: ChoiceKey[];
  /** Multiple response: give partial credit per correct choice instead of all-or-nothing. */
  partialCredit: boolean;
}

export interface TrueFalseQuestionData extends QuestionBase {
  type: "true-false";
  answer: boolean;
}

export interface FillInQuestionData extends QuestionBase {
  type: "fill-in";
  answers: string[];
  caseSensitive: boolean;
}

export interface NumericQuestionData extends QuestionBase {
  type: "numeric";
  min: number;
  max: number;
}

export interface MatchingQuestionData extends QuestionBase {
  type: "matching";
  /** Source id → target id. */
  pairs: { source: string; sourceText: string; target: string; targetText: string }[];
  /** Targets that match no source. */
  distractors: { id: string; text: string }[];
  partialCredit: boolean;
}

export interface SequencingQuestionData extends QuestionBase {
  type: "sequencing";
  /** Items in the correct order. */
  items: { id: string; text: string }[];
}

export interface LikertQuestionData extends QuestionBase {
  type: "likert";
  scale: { id: string; text: string }[];
}

export type QuestionData =
  | ChoiceQuestionData
  | TrueFalseQuestionData
  | FillInQuestionData
  | NumericQuestionData
  | MatchingQuestionData
  | SequencingQuestionData
  | LikertQuestionData;

/** Tracking behaviour the LMS trackers read; the web tracker ignores it. */
export interface TrackingOptions {
  /** SCORM 1.2 status pair: what to report on success / before success or on failure. */
  scorm12Status: "passed-incomplete" | "passed-failed" | "completed-incomplete" | "completed-failed";
  /** Exit value once the course is complete (while incomplete it is always "suspend"). */
  exitWhenComplete: "normal" | "suspend";
  /** Record one interaction per graded answer. */
  interactions: boolean;
  /** Seconds between periodic commits. */
  commitSeconds: number;
  /** SCORM 2004: send adl.nav.request before Terminate (suspendAll or exitAll, as the exit). */
  navigationRequests: boolean;
}
