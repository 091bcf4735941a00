/** Multiple response: one or more correct answers among checkboxes. */
import type { z } from "zod";
import { choiceData, choiceFields, choiceView, multipleSchema as schema, reportDuplicateChoices } from "./choice.js";
import type { QuestionKind } from "./kind.js";

export const multiple: QuestionKind<z.infer<typeof schema>> = {
  type: "multiple",
  schema,
  template: "questions/choices",
  gradable: true,
  checkKey(q, report) {
    if (!q.choices.some((c) => c.correct)) {
      report(
        ["choices"],
        "multiple-response question has no correct answer: mark at least one choice with `correct: true`",
      );
    }
    reportDuplicateChoices(q, report);
  },
  fields: (q, parse) => choiceFields(q, parse),
  toData: (q, ctx) => choiceData(q, "multiple", ctx),
  view: (q, html) => choiceView(q, html, "checkbox"),
};
