/**
 * What a GIFT file says, question by question, before any mapping to Coursepack: the parser's
 * output and the converter's input. Every part keeps the offset it was read at, so warnings and
 * errors can name `bank.gift:LINE:COL`.
 */

/** Moodle's text formats; `moodle` (Moodle auto-format: text with optional HTML) is the default. */
export type TextFormat = "moodle" | "html" | "plain" | "markdown";

export interface GiftText {
  /** Escapes resolved; the `[format]` prefix removed. */
  text: string;
  format: TextFormat;
  /** Offset in the (line-ending-normalised) file. */
  at: number;
}

/** An answer of a choice or short-answer block: `=text`, `~text`, `~%50%text`, each with `#feedback`. */
export interface GiftAnswer {
  text: GiftText;
  /** Percentage of the question's credit, -100..100: `=` is 100, `~` is 0 unless `%n%` says otherwise. */
  weight: number;
  /** True when the answer was written with `=` (Moodle: single-answer multiple choice). */
  equals: boolean;
  feedback?: GiftText;
  at: number;
}

export type NumericValue = { answer: number; tolerance: number } | { min: number; max: number } | "any";

export interface GiftNumericAnswer {
  value: NumericValue;
  weight: number;
  feedback?: GiftText;
  at: number;
}

export interface GiftPair {
  /** Empty for an extra answer that matches nothing (`= -> distractor`). */
  source: GiftText;
  target: string;
  at: number;
}

interface QuestionBase {
  /** Where the question's block starts (its title, or its text). */
  at: number;
  title?: string;
  /** Moodle's ID number, from a `// [id:…]` comment line. */
  idNumber?: string;
  /** From `// [tag:…]` comment lines. */
  tags: string[];
  /** The question text; holds BLANK where a missing-word answer block sat. */
  stem: GiftText;
  /** `####…` at the end of the answer block. */
  generalFeedback?: GiftText;
  /** `$CATEGORY:` in force, if any. */
  category?: string;
}

/** The part of a question that depends on its type (what its answer block holds). */
export type QuestionBody =
  | { kind: "description" }
  | { kind: "essay" }
  | { kind: "choice"; answers: GiftAnswer[]; single: boolean }
  | { kind: "true-false"; answer: boolean; wrongFeedback?: GiftText; rightFeedback?: GiftText }
  | { kind: "short"; answers: GiftAnswer[] }
  | { kind: "numeric"; answers: GiftNumericAnswer[]; wrongFeedback?: GiftText }
  | { kind: "matching"; pairs: GiftPair[] };

export type GiftQuestion = QuestionBase & QuestionBody;

/**
 * Stands for the blank of a missing-word question inside the stem until the stem becomes Markdown
 * (a noncharacter: Unicode guarantees it never appears in interchanged text).
 */
export const BLANK = "\uFDEF";
