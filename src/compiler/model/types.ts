/** The course model: validated, typed, ids settled. Everything after this stage reads only this. */
import type { QuestionType, TrackingOptions } from "../../shared/course-data.js";
import type { LmsProfile } from "../../lms-profiles/index.js";
import type { BlockModel } from "../blocks/index.js";
import type { Source, SourcePath } from "../load/source.js";
import type { YamlPath, YamlSource } from "../load/yaml-source.js";
import type { MarkdownField } from "../markdown/env.js";
import type { AuthoredQuestion } from "../questions/index.js";
import type { CourseConfig } from "../schema/course.js";
import type { QuizFile } from "../schema/quiz.js";
import type { AssetMap } from "./assets.js";

export interface CourseModel {
  dir: string;
  courseFile: string;
  courseSource: YamlSource;
  config: CourseConfig;
  pages: PageModel[];
  /** Outline files left out of `pages` because of their own errors (reported when they were read). */
  unbuilt: { file: string; kind: PageModel["kind"] }[];
  /** Every question, quizzes and knowledge checks, in page order. */
  questions: QuestionModel[];
  minutes: number;
  completion: NonNullable<CourseConfig["completion"]>;
  activityId: string;
  /** Files the course references, by source path. */
  assets: AssetMap;
  /** The logo's package path, when the theme names one. */
  logo: string | undefined;
  /** The LMS the course is built for (course.yml's `lms`, or --lms; the generic profile otherwise). */
  lms: LmsProfile;
  /** Tracking choices: course.yml's, else the LMS profile's, else Coursepack's defaults. */
  tracking: ResolvedTracking;
}

export interface ResolvedTracking extends TrackingOptions {
  masteryScoreInManifest: boolean;
  completionThreshold: number | undefined;
}

export type PageModel = LessonModel | QuizModel;

interface PageBase {
  id: string;
  title: string;
  minutes: number;
  file: string;
  /** Where the page's settings are written (front matter or quiz file). */
  source: YamlSource;
}

export interface LessonModel extends PageBase {
  kind: "lesson";
  objectives: string[];
  body: MarkdownField;
  checks: QuestionModel[];
  /** The lesson's blocks, index-aligned with body.env.blocks (undefined where one was unusable). */
  blocks: (BlockModel | undefined)[];
  /** viewed: done once shown; blocks: done once every interactive block on it is done too. */
  completion: "viewed" | "blocks";
}

export interface QuizModel extends PageBase {
  kind: "quiz";
  settings: Omit<QuizFile, "questions" | "banks" | "id" | "title" | "intro" | "draw"> & { passingScore: number };
  intro: MarkdownField | undefined;
  banks: BankModel[];
}

export interface BankModel {
  id: string;
  draw: number;
  /** Questions written in the bank, valid or not (so one bad question does not also fail `draw`). */
  size: number;
  questions: QuestionModel[];
  /** Path of the bank (or of the quiz's `questions`) in the quiz file. */
  path: YamlPath;
}

export interface QuestionModel {
  id: string;
  /** False when the id was derived from the prompt. */
  idAuthored: boolean;
  type: QuestionType;
  authored: AuthoredQuestion;
  graded: boolean;
  /** Quiz id, or lesson id for a knowledge check. */
  parent: string;
  source: Source;
  /** Path of the question inside `source`. */
  path: SourcePath;
  text: string;
  prompt: MarkdownField;
  explanation: MarkdownField | undefined;
  feedback: { correct?: MarkdownField; incorrect?: MarkdownField; partial?: MarkdownField };
  /** The type's own Markdown fields (choice texts…). */
  fields: Record<string, MarkdownField | MarkdownField[]>;
}
