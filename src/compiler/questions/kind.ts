/**
 * One module per question type, each behind this interface: the authoring schema, the answer-key
 * checks, the data the runtime scores with, and the view its template renders. Adding a type starts
 * in QUESTION_TYPES (src/shared/course-data.ts); docs/development.md lists what the compiler then asks for.
 */
import { z } from "zod";
import type { QuestionData, QuestionType } from "../../shared/course-data.js";
import type { YamlPath } from "../load/yaml-source.js";
import type { MarkdownField } from "../markdown/env.js";
import { idSchema, textSchema } from "../schema/common.js";

/** Fields every question type accepts. */
export const questionBaseShape = {
  id: idSchema.optional().meta({
    description:
      "The question's stable id; defaults to a slug of the prompt. Write one before you publish: LMS reports and saved answers key on it.",
    examples: ["pipeline-coverage"],
  }),
  prompt: textSchema.meta({
    description: "The question, in Markdown.",
    examples: ["Which number measures pipeline health best?"],
  }),
  feedback: z
    .strictObject({
      correct: textSchema.optional().meta({ description: "Markdown shown for a right answer." }),
      incorrect: textSchema.optional().meta({ description: "Markdown shown for a wrong answer." }),
      partial: textSchema.optional().meta({ description: "Markdown shown for a partly right answer." }),
    })
    .optional()
    .meta({ description: "Feedback by result; a choice's own `feedback` shows too." }),
  explanation: textSchema.optional().meta({ description: "Markdown shown after answering, whatever the result." }),
  weight: z
    .number()
    .positive()
    .default(1)
    .meta({ description: "The question's weight in its quiz's score.", examples: [1] }),
};

/** Reports a problem at a path inside the question's YAML. */
export type ReportAt = (path: YamlPath, message: string) => void;

/** Turns a Markdown field of a question (at `path` inside the question) into a parsed document. */
export type FieldParser = (path: YamlPath, markdown: string, inline?: boolean) => MarkdownField;

export interface BaseData {
  id: string;
  text: string;
  graded: boolean;
  weight: number;
  parent: string;
}

/** What a kind gets to build its runtime data. */
export interface DataContext {
  base: BaseData;
  /** What `fields()` returned. */
  fields: ParsedFields;
  /** Interface strings in the course language (for default labels such as a Likert scale). */
  t: (key: string) => string;
}

export interface QuestionKind<Q extends { type: QuestionType } = { type: QuestionType }> {
  type: Q["type"];
  schema: z.ZodType<Q>;
  /** Partial template under templates/ that renders the answer controls, e.g. "questions/choices". */
  template: string;
  /** Whether the type can be graded (surveys cannot). */
  gradable: boolean;
  /** Answer-key consistency: one correct choice for single choice, and so on. */
  checkKey(question: Q, report: ReportAt): void;
  /** Markdown fields specific to the type (choice texts, per-answer feedback…), parsed once. */
  fields(question: Q, parse: FieldParser): ParsedFields;
  /** The answer key and options the runtime scores with. */
  toData(question: Q, ctx: DataContext): QuestionData;
  /** Template context for the type's template, given its fields rendered to HTML. */
  view(question: Q, html: RenderedFields, context: ViewContext): Record<string, unknown>;
}

/** What a question's view may need of the course besides the question. */
export interface ViewContext {
  /** The course's interface string for `key`. */
  t(key: string): string;
  /** Orders texts as the course's language does (shared/collate.ts; never the machine's locale). */
  compare(a: string, b: string): number;
}

export type ParsedFields = Record<string, MarkdownField | MarkdownField[]>;

/** The result of `fields()` with every Markdown field rendered to HTML. */
export type RenderedFields = Record<string, string | string[]>;
