/**
 * The compiled course as the learner runtime receives it (embedded as JSON in index.html).
 * This is the contract between the build (Node) and the runtime (browser): plain data only.
 * Bump COURSE_DATA_SCHEMA when a field changes meaning.
 */
export const COURSE_DATA_SCHEMA = 1;

/*
 * The closed sets below are lists first and types second, so the schemas that accept them, the
 * registries keyed by them and the tests that walk them all read the same members.
 */

/**
 * Output formats the build can produce, in the order the docs list them. `scorm2004` is SCORM 2004
 * in the edition the LMS profile prefers (3rd unless the profile says otherwise); `scorm2004-3rd`
 * and `scorm2004-4th` pin one.
 */
export const FORMAT_IDS = ["web", "scorm12", "scorm2004", "scorm2004-3rd", "scorm2004-4th", "xapi", "cmi5"] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** When the course counts as complete. */
export const COMPLETION_RULES = ["lessons", "quiz", "lessons-and-quiz"] as const;
export type CompletionRule = (typeof COMPLETION_RULES)[number];

/** How several graded quizzes combine into the course score. */
export const SCORE_COMBINATIONS = ["weighted-average", "all-must-pass"] as const;
export type ScoreCombination = (typeof SCORE_COMBINATIONS)[number];

export interface CourseData {
  schema: typeof COURSE_DATA_SCHEMA;
  id: string;
  title: string;
  /** Course version (course.yml), shown with `contentHash` in the menu: "Version 1.4.0 · 3f9c2a1". */
  version: string;
  /** Short hash of the content of this build (shared/build-stamp.ts); "" while the build computes it. */
  contentHash: string;
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
  /** free: any page in any order; sequential: each page opens once the pages before it are done. */
  navigation: NavigationRule;
  /** Interactive blocks by id (tabs, cards, media, scenarios…): what the runtime tracks and saves. */
  blocks: Record<string, BlockData>;
}

export type NavigationRule = "free" | "sequential";

export interface PageData {
  id: string;
  kind: "lesson" | "quiz";
  title: string;
  minutes: number;
  /** Lesson only: ids of the knowledge checks it contains. */
  checks: string[];
  /** Lesson only: ids of its interactive blocks (keys of CourseData.blocks), in page order. */
  blocks: string[];
  /** Lesson only: the blocks the learner must finish before the lesson counts as done. */
  requires: string[];
}

export const FEEDBACK_TIMINGS = ["immediate", "end", "none"] as const;
export type FeedbackTiming = (typeof FEEDBACK_TIMINGS)[number];

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
  /** "lessons": the quiz opens once every lesson before it in the outline is done. */
  opensAfter?: "lessons";
}

export interface BankData {
  id: string;
  draw: number;
  questions: string[];
}

/**
 * Every question type, in the order the docs list them. Adding one here makes the compiler name each
 * place that must handle it (docs/development.md, "Adding a question type").
 */
export const QUESTION_TYPES = [
  "single",
  "multiple",
  "true-false",
  "fill-in",
  "numeric",
  "matching",
  "sequencing",
  "likert",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

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

/** Blocks whose progress is a set of items the learner has opened (tabs, cards, steps, markers…). */
export type ItemBlockKind = "tabs" | "accordion" | "flipcards" | "steps" | "reveal" | "hotspots";
export type MediaBlockKind = "video" | "audio";
/** The interactive blocks: the ones whose progress is saved, reported and may be required. */
export type InteractiveBlockKind = ItemBlockKind | MediaBlockKind | "scenario";

interface BlockBase {
  id: string;
  /** The lesson it is on. */
  page: string;
  /** Plain-text name for the lesson's to-do list and LMS reports. */
  title: string;
  /** The lesson counts as done only once this block is done. */
  required: boolean;
}

export interface ItemBlockData extends BlockBase {
  kind: ItemBlockKind;
  /** Number of items (tabs, panels, cards, steps, markers; 1 for a reveal): done when all were opened. */
  items: number;
}

/** Media progress is saved as MEDIA_SEGMENTS equal segments of the timeline, each watched or not. */
export const MEDIA_SEGMENTS = 30;

export interface MediaBlockData extends BlockBase {
  kind: MediaBlockKind;
  /** Share of the timeline (0..1) the learner must have played for the block to be done. */
  threshold: number;
  /** Hosted elsewhere (YouTube, Vimeo): shown, never tracked or required. */
  external: boolean;
}

export interface ScenarioChoiceData {
  id: string;
  text: string;
  /** Index of the node it leads to. */
  to: number;
}

export interface ScenarioNodeData {
  id: string;
  /** Plain text of what is said or shown, for LMS reports. */
  text: string;
  speaker?: string;
  choices: ScenarioChoiceData[];
  /** Endings only: the score 0..100 this ending earns, when the author gave one. */
  ending?: { score?: number };
}

export interface ScenarioData extends BlockBase {
  kind: "scenario";
  /** Nodes in authored order; the first is where every run starts. */
  nodes: ScenarioNodeData[];
  /** > 0: the best ending's score counts towards the course score with this weight, like a quiz. */
  weight: number;
}

export type BlockData = ItemBlockData | MediaBlockData | ScenarioData;

/** The question id a scenario node's choice is reported under (SCORM interaction, xAPI question). */
export function scenarioChoiceId(scenario: string, node: string): string {
  return `${scenario}-${node}`;
}

/**
 * How many bits a block's saved progress has: one per item, one per media segment; undefined for a
 * scenario, whose progress is where the learner stands.
 */
export function progressBits(block: BlockData): number | undefined {
  if (block.kind === "scenario") return undefined;
  return "items" in block ? block.items : MEDIA_SEGMENTS;
}

/** The data of one question type (single and multiple share ChoiceQuestionData). */
export type QuestionDataOf<T extends QuestionType> = QuestionData extends infer D
  ? D extends { type: infer U }
    ? T extends U
      ? D
      : never
    : never
  : never;

/** SCORM 1.2 status pairs: what to report on success / before success or on failure (checklist #18). */
export const SCORM12_STATUS_PAIRS = [
  "passed-incomplete",
  "passed-failed",
  "completed-incomplete",
  "completed-failed",
] as const;

/** SCORM exit values once the course is complete (checklist #28). */
export const EXIT_WHEN_COMPLETE = ["normal", "suspend"] as const;

/** Tracking behaviour the LMS trackers read; the web tracker ignores it. */
export interface TrackingOptions {
  scorm12Status: (typeof SCORM12_STATUS_PAIRS)[number];
  /** Exit value once the course is complete (while incomplete it is always "suspend"). */
  exitWhenComplete: (typeof EXIT_WHEN_COMPLETE)[number];
  /** Record one interaction per graded answer. */
  interactions: boolean;
  /** Seconds between periodic commits. */
  commitSeconds: number;
  /** SCORM 2004: send adl.nav.request before Terminate (suspendAll or exitAll, as the exit). */
  navigationRequests: boolean;
}
