/** True/false. */
import type { TrueFalseQuestionData } from "../../../shared/course-data.js";
import { $$ } from "../../player/dom.js";
import type { QuestionBehaviour } from "./behaviour.js";

const radios = (el: HTMLElement) => $$("input", el) as HTMLInputElement[];
const word = (value: boolean, t: (key: string) => string) => t(value ? "trueLabel" : "falseLabel");

export const trueFalse: QuestionBehaviour<TrueFalseQuestionData> = {
  read(el) {
    const checked = radios(el).find((r) => r.checked);
    return checked ? { kind: "boolean", value: checked.value === "true" } : undefined;
  },
  restore(el, _q, r) {
    for (const radio of radios(el)) radio.checked = r.kind === "boolean" && String(r.value) === radio.value;
  },
  score: (q, r) => (r.kind === "boolean" && r.value === q.answer ? 1 : 0),
  correct: (q) => [{ kind: "boolean", value: q.answer }],
  describe: (_q, r, t) => (r.kind === "boolean" ? word(r.value, t) : ""),
  describeCorrect: (q, t) => word(q.answer, t),
  options: (_q) => [],
};
