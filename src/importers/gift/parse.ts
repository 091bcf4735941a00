/**
 * GIFT parser. Written by hand rather than taken from npm: the one maintained JavaScript parser
 * (gift-pegjs 1.0.2) gives questions no source positions — so it could not name `bank.gift:LINE` in
 * warnings and errors — rejects input Moodle accepts (`{#3.14:0.01#feedback}`), and depends on
 * the unmaintained pegjs 0.10. This one follows Moodle's own importer (question/format/gift,
 * `qformat_gift::readquestion`) rule for rule, so a file means here what it means in Moodle:
 *
 * - questions are separated by blank lines; each line is trimmed; `//` lines are comments
 *   (Moodle reads `[id:…]` and `[tag:…]` from them);
 * - escapes `\: \# \= \{ \} \~ \\ \n` are resolved first;
 * - `$CATEGORY: path` switches the category; `::title::` names a question;
 * - the first `{…}` holds the answers; text after it makes a missing-word question (a blank
 *   replaces the block); the type follows from the answers, tested in Moodle's order.
 *
 * Where Moodle itself refuses a question (unclosed braces, too few answers, a number that is not a
 * number) this reports an error with its position; it also refuses a few things Moodle would quietly
 * misread (a second answer block, nested braces, an unclosed title).
 */
import type { GiftQuestion, GiftText } from "./ast.js";
import { BLANK } from "./ast.js";
import { readAnswerBlock } from "./answers.js";
import { Cooked } from "./cooked.js";
import { readText } from "./text-format.js";

export interface GiftError {
  at: number;
  message: string;
}

export interface ParsedGift {
  questions: GiftQuestion[];
  errors: GiftError[];
}

/** Parses normalised GIFT text (see `normalizeSource`). */
export function parseGift(source: string): ParsedGift {
  const questions: GiftQuestion[] = [];
  const errors: GiftError[] = [];
  let category: string | undefined;
  let lines: Cooked[] = [];
  let comments: string[] = [];

  const flush = () => {
    if (lines.length > 0) {
      const block = Cooked.joinLines(lines);
      const fail = (at: number, message: string) => errors.push({ at, message });
      if (block.startsWith("$CATEGORY:")) {
        const end = block.indexOf("\n");
        const name = block
          .slice("$CATEGORY:".length, end < 0 ? block.length : end)
          .text()
          .trim();
        if (name) category = name;
        else fail(block.offset(0), "`$CATEGORY:` needs a category name, e.g. `$CATEGORY: Sales/Pipeline`");
        // Moodle expects a blank line after the category line; a question that follows at once is read too.
        const rest = end < 0 ? undefined : block.slice(end + 1).trim();
        if (rest && rest.length > 0) readQuestion(rest, [], category, fail, questions);
      } else {
        readQuestion(block, comments, category, fail, questions);
      }
    }
    lines = [];
    comments = [];
  };

  let lineStart = 0;
  for (const line of source.split("\n")) {
    const trimmed = line.trim();
    const start = lineStart + (line.length - line.trimStart().length);
    lineStart += line.length + 1;
    if (trimmed === "") flush();
    else if (trimmed.startsWith("//")) comments.push(trimmed);
    else lines.push(Cooked.fromSource(source, start, start + trimmed.length));
  }
  flush();
  return { questions, errors };
}

function readQuestion(
  block: Cooked,
  comments: string[],
  category: string | undefined,
  fail: (at: number, message: string) => void,
  out: GiftQuestion[],
): void {
  const at = block.offset(0);
  let rest = block;
  let title: string | undefined;
  if (rest.startsWith("::")) {
    const end = rest.indexOf("::", 2);
    if (end < 0) {
      fail(at, "the question title is never closed: write it as `::Title::` before the question text");
      return;
    }
    title = rest.slice(2, end).text().trim() || undefined;
    rest = rest.slice(end + 2).trim();
  }

  const open = rest.indexOf("{");
  const close = rest.indexOf("}");
  const base = { at, title, ...commentInfo(comments), category };
  if (open < 0 && close < 0) {
    out.push({ ...base, kind: "description", stem: readText(rest.raw, rest.offset(0), "moodle") });
    return;
  }
  if (close >= 0 && (open < 0 || close < open)) {
    fail(rest.offset(close), "`}` closes no answer block; write `\\}` for a literal brace");
    return;
  }
  if (close < 0) {
    fail(
      rest.offset(open),
      "this answer block is never closed: add `}` after the answers (or write `\\{` for a literal brace)",
    );
    return;
  }
  const nested = rest.indexOf("{", open + 1);
  if (nested >= 0 && nested < close) {
    fail(
      rest.offset(nested),
      "`{` inside an answer block: close the block first with `}`, or write `\\{` for a literal brace",
    );
    return;
  }
  const after = rest.slice(close + 1);
  const extra = [after.indexOf("{"), after.indexOf("}")].filter((i) => i >= 0);
  if (extra.length > 0) {
    fail(
      after.offset(Math.min(...extra)),
      "a question has one answer block: put a blank line between two questions, or write `\\{` `\\}` for literal braces",
    );
    return;
  }

  const stem = readText(stemWithBlank(rest.slice(0, open).raw, after.raw), rest.offset(0), "moodle");
  let answers = rest.slice(open + 1, close);
  let generalFeedback: GiftText | undefined;
  const gf = answers.lastIndexOf("####");
  if (gf >= 0) {
    const text = answers.slice(gf + 4).trim();
    if (text.length > 0) generalFeedback = readText(text.raw, text.offset(0), stem.format);
    answers = answers.slice(0, gf);
  }
  const question = readAnswerBlock(answers.trim(), rest.offset(open), stem.format, fail);
  if (question) out.push({ ...base, stem, ...(generalFeedback ? { generalFeedback } : {}), ...question });
}

/**
 * The question text around the answer block. Text after the block makes it a missing-word question:
 * the block becomes a blank (on the same line, so it can never stand alone as a Markdown rule).
 */
function stemWithBlank(before: string, after: string): string {
  if (after.trim() === "") return before;
  const gapBefore = /\s$/.test(before) ? " " : "";
  const gapAfter = /^\s/.test(after) ? " " : "";
  return `${before.trimEnd()}${gapBefore}${BLANK}${gapAfter}${after.trimStart()}`;
}

/** Moodle 3.6+ keeps a question's ID number and tags in comment lines: `// [id:Q-12] [tag:sales]`. */
function commentInfo(comments: string[]): { idNumber?: string; tags: string[] } {
  const text = comments.join("\n");
  const id = /\[id:((?:\\\]|[^\]\n])+)\]/.exec(text)?.[1];
  const tags = [...text.matchAll(/\[tag:((?:\\\]|[^\]\n])+)\]/g)].map((m) => m[1]!.replace(/\\\]/g, "]").trim());
  return { ...(id ? { idNumber: id.replace(/\\\]/g, "]").trim() } : {}), tags };
}
