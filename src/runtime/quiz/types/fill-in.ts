/** Fill in: typed text compared with the accepted answers (spaces normalised, case per the question). */
import type { FillInQuestionData } from "../../../shared/course-data.js";
import type { QuestionBehaviour } from "./behaviour.js";
import { courseLocale } from "./course-locale.js";
import { normalizeSpaces, textInput } from "./text-input.js";

function same(q: FillInQuestionData, a: string, b: string): boolean {
  const x = normalizeSpaces(a);
  const y = normalizeSpaces(b);
  if (q.caseSensitive) return x === y;
  // A Turkish browser's rules lowercase "I" to "ı": "ISTANBUL" would not match "istanbul".
  const locale = courseLocale();
  return x.toLocaleLowerCase(locale) === y.toLocaleLowerCase(locale);
}

export const fillIn: QuestionBehaviour<FillInQuestionData> = {
  read(el) {
    const value = normalizeSpaces(textInput(el)?.value ?? "");
    return value ? { kind: "text", value } : undefined;
  },
  restore(el, _q, r) {
    const input = textInput(el);
    if (input && r.kind === "text") input.value = r.value;
  },
  score: (q, r) => (r.kind === "text" && q.answers.some((a) => same(q, a, r.value)) ? 1 : 0),
  correct: (q) => q.answers.map((value) => ({ kind: "text" as const, value })),
  describe: (_q, r) => (r.kind === "text" ? r.value : ""),
  describeCorrect: (q) => q.answers.join(" / "),
  options: () => [],
};
