/** Single choice and multiple response share their shape: a list of choices, some correct. */
import { z } from "zod";
import type { ChoiceQuestionData } from "../../shared/course-data.js";
import { slugify, uniqueIds } from "../model/slug.js";
import { idSchema, textSchema } from "../schema/common.js";
import type { MarkdownField } from "../markdown/env.js";
import { plainText } from "../model/plain-text.js";
import { questionBaseShape, type DataContext, type FieldParser, type RenderedFields, type ReportAt } from "./kind.js";

export const choiceSchema = z
  .strictObject({
    id: idSchema
      .optional()
      .meta({ description: "The choice's stable id; defaults to a slug of its text.", examples: ["coverage"] }),
    text: textSchema.meta({
      description: "The choice, in inline Markdown.",
      examples: ["Coverage against the remaining quota"],
    }),
    correct: z.boolean().default(false).meta({ description: "Whether picking this choice is right." }),
    feedback: textSchema.optional().meta({ description: "Markdown shown when the learner picks this choice." }),
  })
  .meta({ description: "One answer option." });

const choicesSchema = z
  .array(choiceSchema)
  .min(2, { message: "needs at least 2 choices" })
  .max(26, { message: "allows at most 26 choices (SCORM 1.2 can report 36 at most; more are unreadable anyway)" })
  .meta({ description: "The answer options (2 to 26), in the order shown unless the quiz shuffles them." });

export const singleSchema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("single").meta({ description: "Single choice: exactly one correct choice (the default type)." }),
  choices: choicesSchema,
});

export const multipleSchema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("multiple").meta({ description: "Multiple response: any number of correct choices." }),
  choices: choicesSchema,
  partialCredit: z.boolean().default(false).meta({
    description: "Credit per correct choice (minus wrong ones) instead of all-or-nothing.",
  }),
});

type ChoiceQuestion = { choices: z.infer<typeof choiceSchema>[]; partialCredit?: boolean };

/** Choice ids: authored, or a slug of the choice text, unique within the question. */
export function choiceIds(q: ChoiceQuestion): string[] {
  return uniqueIds(q.choices.map((c) => c.id ?? slugify(c.text, 24)));
}

export function choiceFields(q: ChoiceQuestion, parse: FieldParser) {
  return {
    choices: q.choices.map((c, i) => parse(["choices", i, "text"], c.text, true)),
    choiceFeedback: q.choices.map((c, i) => parse(["choices", i, "feedback"], c.feedback ?? "")),
  };
}

export function choiceData(
  q: ChoiceQuestion,
  type: "single" | "multiple",
  { base, fields }: DataContext,
): ChoiceQuestionData {
  const ids = choiceIds(q);
  const texts = fields.choices as MarkdownField[];
  return {
    ...base,
    type,
    choices: q.choices.map((c, i) => ({ id: ids[i]!, text: plainText(texts[i]!), correct: c.correct })),
    partialCredit: q.partialCredit ?? false,
  };
}

export function choiceView(q: ChoiceQuestion, html: RenderedFields, inputType: "radio" | "checkbox") {
  const ids = choiceIds(q);
  const texts = html.choices as string[];
  const feedback = html.choiceFeedback as string[];
  return {
    inputType,
    choices: q.choices.map((_, i) => ({ id: ids[i], html: texts[i], feedback: feedback[i] || undefined })),
  };
}

/** Authored choice ids must be unique within their question. */
export function reportDuplicateChoices(q: ChoiceQuestion, report: ReportAt): void {
  const seen = new Set<string>();
  q.choices.forEach((c, i) => {
    if (c.id === undefined) return;
    if (seen.has(c.id)) report(["choices", i, "id"], `duplicate choice id "${c.id}"`);
    seen.add(c.id);
  });
}
