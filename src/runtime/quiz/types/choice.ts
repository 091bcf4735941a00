/** Single choice and multiple response. */
import type { ChoiceQuestionData } from "../../../shared/course-data.js";
import type { Response } from "../../../shared/learner.js";
import { $$, show } from "../../player/dom.js";
import type { QuestionBehaviour } from "./behaviour.js";

const inputs = (el: HTMLElement) => $$("input", el) as HTMLInputElement[];
const chosen = (r: Response) => (r.kind === "choices" ? r.ids : []);

export const choice: QuestionBehaviour<ChoiceQuestionData> = {
  read(el) {
    const ids = inputs(el)
      .filter((i) => i.checked)
      .map((i) => i.value);
    return ids.length ? { kind: "choices", ids } : undefined;
  },
  restore(el, _q, r) {
    const ids = chosen(r);
    for (const input of inputs(el)) input.checked = ids.includes(input.value);
  },
  score(q, r) {
    const ids = new Set(chosen(r));
    const correct = q.choices.filter((c) => c.correct);
    if (q.type === "single") return correct.some((c) => ids.has(c.id)) && ids.size === 1 ? 1 : 0;
    const right = correct.filter((c) => ids.has(c.id)).length;
    const wrong = q.choices.filter((c) => !c.correct && ids.has(c.id)).length;
    if (!q.partialCredit) return right === correct.length && wrong === 0 ? 1 : 0;
    return Math.max(0, (right - wrong) / correct.length);
  },
  correct: (q) => [{ kind: "choices", ids: q.choices.filter((c) => c.correct).map((c) => c.id) }],
  describe: (q, r) =>
    q.choices
      .filter((c) => chosen(r).includes(c.id))
      .map((c) => c.text)
      .join("; "),
  describeCorrect: (q) =>
    q.choices
      .filter((c) => c.correct)
      .map((c) => c.text)
      .join("; "),
  options: (q) => q.choices.map((c) => ({ id: c.id, text: c.text })),
  showPartFeedback(el, _q, r) {
    const ids = chosen(r);
    for (const fb of $$("[data-choice-feedback]", el)) show(fb, ids.includes(fb.dataset.choiceFeedback ?? ""));
  },
};
