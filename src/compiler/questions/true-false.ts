/** True/false: a statement the learner judges. */
import { z } from "zod";
import { questionBaseShape, type QuestionKind } from "./kind.js";

const schema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("true-false").meta({ description: "True/false: a statement the learner judges." }),
  answer: z.boolean().meta({ description: "Whether the statement in the prompt is true." }),
});
export { schema as trueFalseSchema };

export const trueFalse: QuestionKind<z.infer<typeof schema>> = {
  type: "true-false",
  schema,
  template: "questions/true-false",
  gradable: true,
  checkKey: () => undefined,
  fields: () => ({}),
  toData: (q, { base }) => ({ ...base, type: "true-false", answer: q.answer }),
  view: () => ({}),
};
