/** Fill in: a short typed answer compared with the accepted answers. */
import { z } from "zod";
import { textSchema } from "../schema/common.js";
import { questionBaseShape, type QuestionKind } from "./kind.js";

const schema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("fill-in").meta({ description: "Fill in: a short typed answer." }),
  answers: z
    .array(textSchema.max(250, { message: "must be at most 250 characters (the SCORM limit)" }))
    .min(1, { message: "needs at least one accepted answer" })
    .meta({
      description: "Every accepted answer; compared after trimming and collapsing spaces.",
      examples: [["CRM", "customer relationship management"]],
    }),
  caseSensitive: z.boolean().default(false).meta({ description: "Whether upper and lower case must match." }),
});
export { schema as fillInSchema };

export const fillIn: QuestionKind<z.infer<typeof schema>> = {
  type: "fill-in",
  schema,
  template: "questions/fill-in",
  gradable: true,
  checkKey(q, report) {
    const seen = new Set<string>();
    q.answers.forEach((a, i) => {
      const key = q.caseSensitive ? a.trim() : a.trim().toLowerCase();
      if (seen.has(key)) report(["answers", i], `accepted answer "${a}" is listed twice`);
      seen.add(key);
    });
  },
  fields: () => ({}),
  toData: (q, { base }) => ({ ...base, type: "fill-in", answers: q.answers, caseSensitive: q.caseSensitive }),
  view: () => ({}),
};
