/** Single choice: exactly one correct answer among radio buttons. */
import type { z } from "zod";
import { choiceData, choiceFields, choiceView, reportDuplicateChoices, singleSchema as schema } from "./choice.js";
import type { QuestionKind } from "./kind.js";

export const single: QuestionKind<z.infer<typeof schema>> = {
  type: "single",
  schema,
  template: "questions/choices",
  gradable: true,
  checkKey(q, report) {
    const correct = q.choices.filter((c) => c.correct).length;
    if (correct !== 1) {
      report(
        ["choices"],
        correct === 0
          ? "single-choice question has no correct answer: mark one choice with `correct: true`"
          : `single-choice question has ${correct} correct answers: mark exactly one, or use \`type: multiple\``,
      );
    }
    reportDuplicateChoices(q, report);
  },
  fields: (q, parse) => choiceFields(q, parse),
  toData: (q, ctx) => choiceData(q, "single", ctx),
  view: (q, html) => choiceView(q, html, "radio"),
};
