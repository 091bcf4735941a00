/**
 * The report's figures: what `coursepack report --json` prints and what the HTML shows. Plain
 * data, so scripts and dashboards can rely on it; docs/report.md explains each field.
 */
import type { QuestionType } from "../shared/course-data.js";
import type { SourceInfo } from "./records.js";
import type { Bin, Summary } from "./stats.js";

export const REPORT_SCHEMA = 1;

export interface FunnelStep {
  id: string;
  kind: "start" | "lesson" | "quiz" | "completed";
  title: string;
  learners: number;
  /** Share (0..1) of the learners who started the course. */
  share: number;
}

export interface DropOff {
  /** The step learners were lost after, and the next step they did not reach. */
  after: string;
  before: string;
  lost: number;
  /** Share (0..1) of the learners at `after` who did not reach `before`. */
  share: number;
}

export interface LessonTime {
  id: string;
  title: string;
  /** The author's estimate (`minutes:`). */
  plannedMinutes: number;
  /** Minutes spent, over the views whose end could be timed; undefined when none could. */
  minutes?: Summary;
}

export interface OptionFigure {
  id: string;
  text: string;
  correct?: boolean;
  group?: "source" | "target";
  /** Learners (first attempts) whose answer included this option, and their share of respondents. */
  chosen: number;
  rate: number;
}

export type ItemFlag =
  | "too-easy"
  | "too-hard"
  | "negative-discrimination"
  | "weak-discrimination"
  | "unused-distractor";

export interface ItemFigure {
  id: string;
  type: QuestionType;
  text: string;
  graded: boolean;
  /** Learners who answered it (first attempt at the quiz). */
  respondents: number;
  /** Proportion correct (mean share of marks), 0..1. */
  difficulty: number | null;
  /** Item–rest point-biserial correlation; null when it is undefined (no variation). */
  pointBiserial: number | null;
  /** Upper–lower 27 % index D. */
  upperLower: number | null;
  meanSeconds: number | null;
  options: OptionFigure[];
  /** The most frequent answers, with the share of marks they earned. */
  topResponses: { response: string; count: number; score: number | null }[];
  flags: ItemFlag[];
  /** The distractors (incorrect options) nobody chose. */
  unusedDistractors: string[];
}

export type Reliability =
  | { method: "KR-20" | "Cronbach's alpha"; value: number; learners: number; items: number }
  | { method: null; value: null; reason: string };

export interface QuizFigure {
  id: string;
  title: string;
  passingScore: number;
  /** Learners with at least one answer in this quiz. */
  respondents: number;
  attempts: { attempts: number; learners: number }[];
  meanAttempts: number | null;
  reliability: Reliability;
  items: ItemFigure[];
}

export interface ScoreFigures {
  /** Learners with a course score; the last score each reported counts. */
  learners: number;
  summary?: Summary;
  histogram: Bin[];
  passingScore: number;
  passed: number;
  failed: number;
  /** passed / (passed + failed); null when nobody has a result yet. */
  passRate: number | null;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  generatedAt: string;
  course: { id: string; title: string; language: string; activityId: string; languages: string[] };
  source: SourceInfo;
  learners: number;
  funnel: { steps: FunnelStep[]; dropOff: DropOff | null };
  lessons: LessonTime[];
  scores: ScoreFigures;
  quizzes: QuizFigure[];
  /** Why a section is empty or how to read it. */
  notes: string[];
}
