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

/** Any question; `type` defaults to `single`. */
export const questionSchema = z.preprocess(
  (v) => (v && typeof v === "object" && !Array.isArray(v) && !("type" in v) ? { ...v, type: "single" } : v),
  // The kinds' own schemas, listed here with their precise types so zod can discriminate on `type`.
  z.discriminatedUnion("type", [
    singleSchema,
    multipleSchema,
    trueFalseSchema,
    fillInSchema,
    numericSchema,
    matchingSchema,
    sequencingSchema,
    likertSchema,
  ]),
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

export function kindOf(question: { type: QuestionType }): QuestionKind {
  // Each kind is typed for its own question; callers hold the general interface.
  return questionKinds[question.type] as QuestionKind;
}
