/** Likert: one choice on a scale; never scored. */
import type { LikertQuestionData } from "../../../shared/course-data.js";
import type { Response } from "../../../shared/learner.js";
import { $$ } from "../../player/dom.js";
import type { QuestionBehaviour } from "./behaviour.js";

const radios = (el: HTMLElement) => $$("input", el) as HTMLInputElement[];
const chosen = (r: Response) => (r.kind === "choices" ? r.ids[0] : undefined);

export const likert: QuestionBehaviour<LikertQuestionData> = {
  read(el) {
    const checked = radios(el).find((r) => r.checked);
    return checked ? { kind: "choices", ids: [checked.value] } : undefined;
  },
  restore(el, _q, r) {
    for (const radio of radios(el)) radio.checked = radio.value === chosen(r);
  },
  score: () => 0,
  correct: () => undefined,
  describe: (q, r) => q.scale.find((s) => s.id === chosen(r))?.text ?? "",
  describeCorrect: () => "",
  options: (q) => q.scale.map((s) => ({ id: s.id, text: s.text })),
};
