/** Likert: an opinion on a scale; an ungraded survey question that never counts towards a score. */
import { z } from "zod";
import type { MarkdownField } from "../markdown/env.js";
import { plainText } from "../model/plain-text.js";
import { textSchema } from "../schema/common.js";
import { questionBaseShape, type QuestionKind } from "./kind.js";
import { optionIds } from "./options.js";

/** String keys of the default five-point agreement scale (templates/strings/<lang>.yml). */
const DEFAULT_SCALE = ["likert1", "likert2", "likert3", "likert4", "likert5"];

const schema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("likert").meta({ description: "Likert: an opinion on a scale; a survey question, never scored." }),
  scale: z
    .array(textSchema)
    .min(2)
    .max(11)
    .optional()
    .meta({
      description: "Scale labels from lowest to highest; defaults to strongly disagree … strongly agree.",
      examples: [["Never", "Sometimes", "Often", "Always"]],
    }),
});
export { schema as likertSchema };

type Likert = z.infer<typeof schema>;

export const likert: QuestionKind<Likert> = {
  type: "likert",
  schema,
  template: "questions/likert",
  gradable: false,
  checkKey: () => undefined,
  fields: (q, parse) => ({ scale: (q.scale ?? []).map((label, i) => parse(["scale", i], label, true)) }),
  toData(q, { base, fields, t }) {
    const texts = q.scale ? (fields.scale as MarkdownField[]).map(plainText) : DEFAULT_SCALE.map(t);
    const ids = optionIds(q.scale ?? texts);
    return { ...base, type: "likert", scale: ids.map((id, i) => ({ id, text: texts[i]! })) };
  },
  view(q, html, { t }) {
    const labels = q.scale ? (html.scale as string[]) : DEFAULT_SCALE.map(t);
    const ids = optionIds(q.scale ?? DEFAULT_SCALE.map(t));
    return { scale: labels.map((label, i) => ({ id: ids[i], html: label })) };
  },
};
