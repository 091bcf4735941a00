/** Each question type checks its own answer key (e.g. single choice has exactly one correct answer). */
import { kindOf } from "../../questions/index.js";
import type { Rule } from "../rule.js";

export const answerKeys: Rule = {
  name: "answer-keys",
  run({ model, diagnostics }) {
    for (const q of model.questions) {
      kindOf(q).checkKey(q.authored, (path, message) =>
        diagnostics.error(q.source.position([...q.path, ...path]), message),
      );
    }
  },
};
