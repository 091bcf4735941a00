/** The answer block `{…}` of one question, read the way Moodle reads each question type. */
import type {
  GiftAnswer,
  GiftNumericAnswer,
  GiftPair,
  GiftText,
  NumericValue,
  QuestionBody,
  TextFormat,
} from "./ast.js";
import type { Cooked } from "./cooked.js";
import { readText } from "./text-format.js";

type Fail = (at: number, message: string) => void;

/**
 * `answers` is the trimmed text between the braces without the general feedback; `open` is the
 * offset of `{`. The type is decided in Moodle's order: empty → essay, `#…` → numeric, any `~` →
 * multiple choice, `=` with `->` → matching, T/TRUE/F/FALSE → true/false, else short answer.
 */
export function readAnswerBlock(
  answers: Cooked,
  open: number,
  format: TextFormat,
  fail: Fail,
): QuestionBody | undefined {
  if (answers.length === 0) return { kind: "essay" };
  if (answers.startsWith("#")) return readNumeric(answers.slice(1), open, format, fail);
  if (answers.indexOf("~") >= 0) return readChoice(answers, open, format, fail);
  if (answers.indexOf("=") >= 0 && answers.indexOf("->") >= 0) return readMatching(answers, open, format, fail);
  const hash = answers.indexOf("#");
  const verdict = (hash > 0 ? answers.slice(0, hash) : answers).trim().raw;
  // Case-sensitive, as in Moodle: `{true}` is a short answer that accepts "true".
  if (["T", "TRUE", "F", "FALSE"].includes(verdict)) return readTrueFalse(answers, format);
  return readShort(answers, format, fail);
}

/** `=right ~wrong ~%50%half #feedback`: Moodle makes it single-answer when any `=` is present. */
function readChoice(block: Cooked, open: number, format: TextFormat, fail: Fail): QuestionBody | undefined {
  const answers: GiftAnswer[] = [];
  for (const piece of pieces(block, "~=")) {
    const answer = readAnswer(piece, format, 0, fail);
    if (!answer) return undefined;
    answers.push(answer);
  }
  if (answers.length < 2) {
    fail(open, "a multiple-choice question needs at least 2 answers (`=right ~wrong`)");
    return undefined;
  }
  return { kind: "choice", answers, single: block.indexOf("=") >= 0 };
}

/** `=answer =%50%half-credit #feedback`; a lone `{answer}` is accepted too, as in Moodle. */
function readShort(block: Cooked, format: TextFormat, fail: Fail): QuestionBody | undefined {
  const answers: GiftAnswer[] = [];
  for (const piece of pieces(block, "=")) {
    const answer = readAnswer(piece, format, 100, fail);
    if (!answer) return undefined;
    answers.push(answer);
  }
  return { kind: "short", answers };
}

/** `T`/`TRUE`/`F`/`FALSE`, then `#feedback when wrong#feedback when right`. */
function readTrueFalse(block: Cooked, format: TextFormat): QuestionBody {
  const [verdict, wrong, right] = splitFeedback(block, 3);
  const feedback = (c: Cooked | undefined) => (c ? optionalText(c, format) : undefined);
  const wrongFeedback = feedback(wrong);
  const rightFeedback = feedback(right);
  return {
    kind: "true-false",
    answer: verdict!.trim().raw.startsWith("T"),
    ...(wrongFeedback ? { wrongFeedback } : {}),
    ...(rightFeedback ? { rightFeedback } : {}),
  };
}

/** `=source -> target`; an empty source adds a target that matches nothing. */
function readMatching(block: Cooked, open: number, format: TextFormat, fail: Fail): QuestionBody | undefined {
  const pairs: GiftPair[] = [];
  for (const piece of pieces(block, "=")) {
    const body = stripMarker(piece);
    const arrow = body.indexOf("->");
    if (arrow < 0) {
      fail(piece.offset(0), "each matching answer is written `=item -> match`; this one has no `->`");
      return undefined;
    }
    const target = body.slice(arrow + 2).trim();
    if (target.length === 0) {
      fail(body.offset(arrow), "nothing to match after `->`");
      return undefined;
    }
    const source = body.slice(0, arrow).trim();
    pairs.push({ source: readText(source.raw, source.offset(0), format), target: target.text(), at: piece.offset(0) });
  }
  if (pairs.length < 2) {
    fail(open, "a matching question needs at least 2 answers (`=item -> match`)");
    return undefined;
  }
  return { kind: "matching", pairs };
}

/** `#3.14:0.01`, `#1..5`, `#=%100%42:0 =%50%40:2 ~#feedback for other answers`. */
function readNumeric(block: Cooked, open: number, format: TextFormat, fail: Fail): QuestionBody | undefined {
  let body = block;
  let wrongFeedback: GiftText | undefined;
  const tilde = body.indexOf("~");
  if (tilde >= 0) {
    const [, feedback] = splitFeedback(body.slice(tilde + 1), 2);
    wrongFeedback = feedback ? optionalText(feedback, format) : undefined;
    body = body.slice(0, tilde);
  }
  const answers: GiftNumericAnswer[] = [];
  for (const piece of pieces(body.trim(), "=")) {
    const { weight, rest } = readWeight(stripMarker(piece), 100, fail);
    if (weight === undefined) return undefined;
    const [value, feedbackText] = splitFeedback(rest, 2);
    const parsed = numericValue(value!.trim(), fail);
    if (parsed === undefined) return undefined;
    const feedback = feedbackText ? optionalText(feedbackText, format) : undefined;
    answers.push({ value: parsed, weight, ...(feedback ? { feedback } : {}), at: piece.offset(0) });
  }
  if (answers.length === 0) {
    fail(open, "a numeric question needs an answer after `#`, e.g. `{#42}`, `{#3.14:0.01}` or `{#1..5}`");
    return undefined;
  }
  return { kind: "numeric", answers, ...(wrongFeedback ? { wrongFeedback } : {}) };
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function numericValue(value: Cooked, fail: Fail): NumericValue | undefined {
  const text = value.text().trim();
  if (text === "*") return "any";
  const number = (s: string, at: number): number | undefined => {
    const t = s.trim();
    if (NUMBER.test(t)) return Number(t);
    fail(
      at,
      t === ""
        ? "a number is missing here"
        : `"${t}" is not a number${/^\d+,\d+$/.test(t) ? ` (write ${t.replace(",", ".")})` : ""}`,
    );
    return undefined;
  };
  const dots = text.indexOf("..");
  if (dots > 0) {
    const min = number(text.slice(0, dots), value.offset(0));
    const max = min === undefined ? undefined : number(text.slice(dots + 2), value.offset(dots + 2));
    return max === undefined || min === undefined ? undefined : { min, max };
  }
  const colon = text.indexOf(":");
  const answer = number(colon > 0 ? text.slice(0, colon) : text, value.offset(0));
  if (answer === undefined) return undefined;
  if (colon <= 0) return { answer, tolerance: 0 };
  const tolerance = number(text.slice(colon + 1), value.offset(colon + 1));
  if (tolerance === undefined) return undefined;
  if (tolerance < 0) {
    fail(value.offset(colon + 1), "the margin after `:` must not be negative");
    return undefined;
  }
  return { answer, tolerance };
}

/** One `=…`/`~…` answer: optional `%weight%`, text, optional `#feedback`. */
function readAnswer(piece: Cooked, format: TextFormat, defaultWeight: number, fail: Fail): GiftAnswer | undefined {
  const equals = piece.startsWith("=");
  const { weight, rest } = readWeight(stripMarker(piece), equals ? 100 : defaultWeight, fail);
  if (weight === undefined) return undefined;
  const [text, feedbackText] = splitFeedback(rest, 2);
  const answerText = text!.trim();
  if (answerText.length === 0) {
    fail(piece.offset(0), "this answer is empty");
    return undefined;
  }
  const feedback = feedbackText ? optionalText(feedbackText, format) : undefined;
  return {
    text: readText(answerText.raw, answerText.offset(0), format),
    weight,
    equals,
    ...(feedback ? { feedback } : {}),
    at: piece.offset(0),
  };
}

/** `%50%`, `%-33.33333%` right after the marker (Moodle's answer weight). */
function readWeight(body: Cooked, fallback: number, fail: Fail): { weight?: number; rest: Cooked } {
  const match = /^%(-?\d+(?:\.\d+)?)%/.exec(body.raw);
  if (!match) return { weight: fallback, rest: body };
  const weight = Number(match[1]);
  if (Math.abs(weight) > 100) {
    fail(body.offset(0), `answer weight ${weight} % is outside -100 %..100 %`);
    return { rest: body };
  }
  return { weight, rest: body.slice(match[0].length) };
}

/** Splits the block before each marker; an empty lead (text before the first marker) is dropped, as Moodle does. */
function pieces(block: Cooked, markers: string): Cooked[] {
  const all = block.splitBefore(markers).map((p) => p.trim());
  return all[0]!.length === 0 ? all.slice(1) : all;
}

function stripMarker(piece: Cooked): Cooked {
  return (piece.startsWith("=") || piece.startsWith("~") ? piece.slice(1) : piece).trim();
}

/** Splits at the first `limit - 1` unescaped `#`s. */
function splitFeedback(c: Cooked, limit: number): (Cooked | undefined)[] {
  const parts: Cooked[] = [];
  let rest = c;
  while (parts.length < limit - 1) {
    const hash = rest.indexOf("#");
    if (hash < 0) break;
    parts.push(rest.slice(0, hash));
    rest = rest.slice(hash + 1);
  }
  parts.push(rest);
  return parts;
}

function optionalText(c: Cooked, format: TextFormat): GiftText | undefined {
  const trimmed = c.trim();
  const text = readText(trimmed.raw, trimmed.offset(0), format);
  return text.text === "" ? undefined : text;
}
