/** Numeric: a number, exact, within a tolerance, or within a range. */
import { z } from "zod";
import { questionBaseShape, type QuestionKind } from "./kind.js";

const schema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("numeric").meta({ description: "Numeric: a number, exact, within a tolerance or within a range." }),
  answer: z
    .number()
    .optional()
    .meta({ description: "The right number.", examples: [300] }),
  tolerance: z
    .number()
    .min(0)
    .optional()
    .meta({ description: "Also accept answer ± tolerance.", examples: [5] }),
  min: z
    .number()
    .optional()
    .meta({ description: "Or accept any number from min to max: the lowest.", examples: [280] }),
  max: z
    .number()
    .optional()
    .meta({ description: "Or accept any number from min to max: the highest.", examples: [320] }),
  unit: z
    .string()
    .max(20)
    .optional()
    .meta({ description: "Label shown after the input.", examples: ["%", "deals"] }),
});
export { schema as numericSchema };

type Numeric = z.infer<typeof schema>;

function range(q: Numeric): { min: number; max: number } {
  if (q.answer !== undefined) return { min: q.answer - (q.tolerance ?? 0), max: q.answer + (q.tolerance ?? 0) };
  return { min: q.min ?? 0, max: q.max ?? 0 };
}

export const numeric: QuestionKind<Numeric> = {
  type: "numeric",
  schema,
  template: "questions/numeric",
  gradable: true,
  checkKey(q, report) {
    if (q.answer === undefined && (q.min === undefined || q.max === undefined)) {
      report([], "numeric question needs `answer:` (with optional `tolerance:`) or both `min:` and `max:`");
    } else if (q.answer !== undefined && (q.min !== undefined || q.max !== undefined)) {
      report(["answer"], "give either `answer:` or `min:`/`max:`, not both");
    } else if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
      report(["min"], `min (${q.min}) is larger than max (${q.max})`);
    }
  },
  fields: () => ({}),
  toData: (q, { base }) => ({ ...base, type: "numeric", ...range(q) }),
  view: (q) => ({ unit: q.unit }),
};
