/**
 * Build-time warning when a learner's saved state could outgrow an LMS's suspend_data limit
 * (checklist #31). The estimate encodes a maximal learner state with the runtime's own codec, so it
 * measures exactly the characters the runtime would write: every page viewed, every quiz in its
 * last allowed attempt with all drawn questions answered at length and in shuffled orders, every
 * knowledge check answered, every block fully opened and every scenario many runs in.
 */
import { keyFingerprint, optionIds } from "../../../shared/answer-key.js";
import {
  type BlockData,
  type CourseData,
  type FormatId,
  progressBits,
  type QuestionData,
  type QuizData,
} from "../../../shared/course-data.js";
import type { BlockState, LearnerState, QuizAttemptState, Response } from "../../../shared/learner.js";
import { once } from "../../../shared/once.js";
import { encodeState } from "../../../shared/state-codec.js";
import type { Diagnostics } from "../../diagnostics.js";
import type { CourseModel } from "../../model/index.js";

/** Attempt number assumed for quizzes with unlimited attempts. */
const UNLIMITED_ATTEMPTS = 99;
/** Length assumed for a typed answer beyond the longest accepted one. */
const TYPED_ANSWER_SLACK = 20;

const longest = (ids: string[]) => ids.reduce((a, b) => (b.length > a.length ? b : a), "");

/** Text that LZ compression cannot shrink much, like real typing. */
function typedText(length: number): string {
  let seed = length * 7919;
  let text = "";
  while (text.length < length) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    text += "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[seed % 63];
  }
  return text;
}

function longestResponse(q: QuestionData): Response {
  switch (q.type) {
    case "single":
      return { kind: "choices", ids: [longest(q.choices.map((c) => c.id))] };
    case "multiple":
      return { kind: "choices", ids: q.choices.map((c) => c.id) };
    case "true-false":
      return { kind: "boolean", value: false };
    case "fill-in":
      return { kind: "text", value: typedText(longest(q.answers).length + TYPED_ANSWER_SLACK) };
    case "numeric":
      return { kind: "number", value: -1234567.891 };
    case "matching": {
      const targets = q.pairs.map((p) => p.target).reverse();
      return { kind: "pairs", pairs: q.pairs.map((p, i) => [p.source, targets[i]!]) };
    }
    case "sequencing":
      return { kind: "order", ids: q.items.map((i) => i.id).reverse() };
    case "likert":
      return { kind: "choices", ids: [longest(q.scale.map((s) => s.id))] };
  }
}

function worstAttempt(quiz: QuizData, data: CourseData): QuizAttemptState {
  const drawn = quiz.banks.flatMap((bank) =>
    [...bank.questions].sort((a, b) => b.length - a.length).slice(0, Math.min(bank.draw, bank.questions.length)),
  );
  const questions = drawn.map((id) => data.questions[id]).filter((q): q is QuestionData => q !== undefined);
  return {
    attempt: quiz.attempts || UNLIMITED_ATTEMPTS,
    drawn,
    orders: quiz.shuffleChoices
      ? Object.fromEntries(questions.filter((q) => optionIds(q).length > 1).map((q) => [q.id, optionIds(q).reverse()]))
      : {},
    answers: Object.fromEntries(questions.map((q) => [q.id, longestResponse(q)])),
    submitted: false,
    score: 66.67,
    best: 66.67,
  };
}

/** A block with everything opened (every bit set), or a scenario deep in its UNLIMITED_ATTEMPTS-th run. */
function fullBlock(block: BlockData): BlockState {
  const bits = progressBits(block);
  if (bits !== undefined) return { kind: "seen", seen: 2 ** bits - 1 };
  const nodes = block.kind === "scenario" ? block.nodes : [];
  const node = longest(nodes.map((n) => n.id));
  return {
    kind: "scenario",
    at: Math.max(nodes.length - 1, 0),
    run: UNLIMITED_ATTEMPTS,
    ended: true,
    best: 66.67,
    node,
  };
}

export function worstCaseState(data: CourseData): LearnerState {
  const pages = data.pages.map((p) => p.id);
  const checks = Object.values(data.questions).filter((q) => !q.graded && !data.quizzes[q.parent]);
  return {
    page: longest(pages),
    viewed: pages,
    quizzes: Object.fromEntries(Object.values(data.quizzes).map((quiz) => [quiz.id, worstAttempt(quiz, data)])),
    checks: Object.fromEntries(checks.map((q) => [q.id, longestResponse(q)])),
    keys: Object.fromEntries(Object.values(data.questions).map((q) => [q.id, keyFingerprint(q)])),
    completed: true,
    passedWith: 66.67,
    blocks: Object.fromEntries(Object.values(data.blocks).map((b) => [b.id, fullBlock(b)])),
  };
}

/**
 * The worst case's length, once per course data: SCORM 1.2 and both SCORM 2004 editions check the
 * same data, and encoding a 1,000-lesson course's worst case takes about 60 ms.
 */
const worstCaseLengths = new WeakMap<CourseData, number>();

/** Warns when the worst case exceeds `limit` characters; the runtime then sheds detail to stay within it. */
export function checkSuspendData(
  format: FormatId,
  limit: number,
  model: CourseModel,
  data: CourseData,
  diagnostics: Diagnostics,
): void {
  const size = once(worstCaseLengths, data, () => encodeState(worstCaseState(data)).length);
  if (size <= limit) return;
  const index = model.config.formats.indexOf(format);
  diagnostics.warning(
    model.courseSource.position(index >= 0 ? ["formats", index] : ["formats"]),
    `${format}: a learner's saved progress can reach about ${size.toLocaleString("en")} characters, over the ` +
      `${limit.toLocaleString("en")} this format's LMSs are required to keep (checklist #31). The course still works: ` +
      `when it would not fit, the package drops the least important detail (knowledge-check answers first, then ` +
      `answers of finished attempts…) so a resume may lose some of it. Fewer attempts or smaller question banks ` +
      `shrink it${format === "scorm12" ? "; SCORM 2004 allows 64,000 characters" : ""}.`,
  );
}
