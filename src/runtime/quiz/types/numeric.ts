/** Numeric: a number within the accepted range, read as the course's language writes numbers. */
import type { NumericQuestionData } from "../../../shared/course-data.js";
import { formatNumber } from "../../../shared/numbers.js";
import type { QuestionBehaviour } from "./behaviour.js";
import { courseLocale } from "./course-locale.js";
import { textInput } from "./text-input.js";

/**
 * A typed number, or undefined. Spaces and apostrophes between digits group them ("1 000",
 * "1'000"). Of "," and ".", when both appear the last is the decimal mark ("1,234.5",
 * "1.234,5"); one that appears twice or more groups digits ("1,000,000"); a single one is the
 * decimal mark ("3,5", "2.25"), except before exactly three digits after one to three ("1,000",
 * "1.000"), where English and German disagree: it is a decimal mark only if it is the course
 * language's (`locale`) own.
 */
export function parseNumber(text: string, locale?: string): number | undefined {
  const m = /^([-+\u2212]?)([\d.,]+)(e[-+]?\d+)?$/i.exec(text.trim().replace(/[\s'\u2019]/g, ""));
  if (!m) return undefined;
  const digits = m[2]!;
  const marks = digits.replace(/\d/g, "");
  let decimal = marks.slice(-1);
  if (/^(.)\1+$/.test(marks) || (/^[1-9]\d{0,2}[.,]\d{3}$/.test(digits) && decimal !== decimalMark(locale)))
    decimal = "";
  // Every mark but the decimal one groups digits; a second decimal mark fails the test below.
  const plain = digits.replace(/[.,]/g, (mark) => (mark === decimal ? "." : ""));
  if (!/^(\d+\.?\d*|\.\d+)$/.test(plain)) return undefined;
  return Number(`${m[1] === "\u2212" ? "-" : m[1]}${plain}${m[3] ?? ""}`);
}

/** "." or "," as the locale writes 1.5. */
const decimalMark = (locale: string | undefined) => (1.5).toLocaleString(locale).charAt(1);

/** A number as the review shows it, in the course's language ("2,5" in a German course). */
const shown = (n: number) => formatNumber(n, courseLocale());

/** Rounds away floating-point noise such as 0.30000000000000004 before comparing. */
const tidy = (n: number) => Math.round(n * 1e9) / 1e9;

export const numeric: QuestionBehaviour<NumericQuestionData> = {
  read(el) {
    const value = parseNumber(textInput(el)?.value ?? "", courseLocale());
    return value === undefined ? undefined : { kind: "number", value };
  },
  restore(el, _q, r) {
    const input = textInput(el);
    if (input && r.kind === "number") input.value = String(r.value);
  },
  score: (q, r) => (r.kind === "number" && tidy(r.value) >= tidy(q.min) && tidy(r.value) <= tidy(q.max) ? 1 : 0),
  correct: (q) => [{ kind: "range", min: q.min, max: q.max }],
  describe: (_q, r) => (r.kind === "number" ? shown(r.value) : ""),
  describeCorrect: (q) => (q.min === q.max ? shown(q.min) : `${shown(q.min)} – ${shown(q.max)}`),
  options: () => [],
};
