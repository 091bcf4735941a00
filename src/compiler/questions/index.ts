/** The question types: the registry of their modules and the schema of any authored question. */
import { z } from "zod";
import type { QuestionType } from "../../shared/course-data.js";
import { multipleSchema, singleSchema } from "./choice.js";
import { fillIn, fillInSchema } from "./fill-in.js";
import type { QuestionKind } from "./kind.js";
import { likert, likertSchema } from "./likert.js";
import { matching, matchingSchema } from "./matching.js";
import { multiple } from "./multiple.js";
import { numeric, numericSchema } from "./numeric.js";
import { sequencing, sequencingSchema } from "./sequencing.js";
import { single } from "./single.js";
import { trueFalse, trueFalseSchema } from "./true-false.js";

// The kinds' own schemas, listed here with their precise types so zod can discriminate on `type`.
const OTHER_TYPES = [
  multipleSchema,
  trueFalseSchema,
  fillInSchema,
  numericSchema,
  matchingSchema,
  sequencingSchema,
  likertSchema,
] as const;

/** Any question; `type` defaults to `single`. */
export const questionSchema = z.preprocess(
  (v) => (v && typeof v === "object" && !Array.isArray(v) && !("type" in v) ? { ...v, type: "single" } : v),
  z.discriminatedUnion("type", [singleSchema, ...OTHER_TYPES]),
);

export type AuthoredQuestion = z.infer<typeof questionSchema>;

/** The authored form of one question type, as its schema produces it. */
export type AuthoredOf<T extends QuestionType> = Extract<AuthoredQuestion, { type: T }>;

/**
 * Each type's module, by type. A QuestionType with no module, or whose schema is missing from the
 * union above (its AuthoredOf is then `never`), is a type error here.
 */
export const questionKinds: { readonly [T in QuestionType]: QuestionKind<AuthoredOf<T>> } = {
  single,
  multiple,
  "true-false": trueFalse,
  "fill-in": fillIn,
  numeric,
  matching,
  sequencing,
  likert,
};

/**
 * The same question types as one union for JSON Schema (editors): `type` may be left out for single
 * choice, which is what the preprocessing above does; a string is a question in the compact syntax.
 */
export const authoredQuestionSchema = z.union([
  singleSchema.extend({ type: singleSchema.shape.type.optional() }),
  ...OTHER_TYPES,
  z.string().meta({
    description:
      "A question in the compact syntax: `? prompt`, then `(x)`/`( )` or `[x]`/`[ ]` lines for the choices (README, The compact question syntax).",
  }),
]);

export function kindOf(question: { type: QuestionType }): QuestionKind {
  // Each kind is typed for its own question; callers hold the general interface.
  return questionKinds[question.type] as QuestionKind;
}
