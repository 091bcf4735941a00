/** Numeric: a number within the accepted range; accepts "3,5" as well as "3.5". */
import type { NumericQuestionData } from "../../../shared/course-data.js";
import type { QuestionBehaviour } from "./behaviour.js";
import { textInput } from "./text-input.js";

export function parseNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** Rounds away floating-point noise such as 0.30000000000000004 before comparing. */
const tidy = (n: number) => Math.round(n * 1e9) / 1e9;

export const numeric: QuestionBehaviour<NumericQuestionData> = {
  read(el) {
    const value = parseNumber(textInput(el)?.value ?? "");
    return value === undefined ? undefined : { kind: "number", value };
  },
  restore(el, _q, r) {
    const input = textInput(el);
    if (input && r.kind === "number") input.value = String(r.value);
  },
  score: (q, r) => (r.kind === "number" && tidy(r.value) >= tidy(q.min) && tidy(r.value) <= tidy(q.max) ? 1 : 0),
  correct: (q) => [{ kind: "range", min: q.min, max: q.max }],
  describe: (_q, r) => (r.kind === "number" ? String(r.value) : ""),
  describeCorrect: (q) => (q.min === q.max ? String(q.min) : `${q.min} – ${q.max}`),
  options: () => [],
};
