/**
 * Fits saved learner state to the course as it is now, which may be a later version than the one
 * that saved it. What the learner keeps for each kind of edit is documented in
 * docs/updating-courses.md; in short: everything still in the course is kept, results are never
 * lowered, and only answers that no longer mean what they meant are dropped:
 * - pages: viewed pages that still exist stay viewed; the bookmark moves to the first page not yet
 *   done when its page is gone;
 * - an answer is kept while its question exists, the answer still fits it (its ids exist) and the
 *   question's answer key is the one it was given under;
 * - a quiz attempt in progress keeps the questions it drew that still exist; when none is left, the
 *   attempt is re-opened without using up an attempt. Finished attempts keep their scores;
 * - block progress is kept for blocks still in the course, of the same kind, within their current
 *   number of items; a scenario resumes at the node it was at (found by id); when that node is
 *   gone, the run goes back to its first node (runs and the best ending stay);
 * - completion and a passed result stay (LearnerState.completed, passedWith).
 */
import { keyFingerprint, orderFits, responseFits } from "../../shared/answer-key.js";
import { type CourseData, progressBits, type QuestionData, type ScenarioData } from "../../shared/course-data.js";
import {
  type BlockState,
  emptyLearnerState,
  type LearnerState,
  type QuizAttemptState,
  type Response,
} from "../../shared/learner.js";
import type { SavedState } from "../../shared/state-codec.js";

export const SUMMARY_PAGE = "summary";

export interface Reconciled {
  state: LearnerState;
  /** What the learner lost because the course changed; all empty when nothing did. */
  dropped: {
    /** Questions whose answer in an attempt in progress or in a knowledge check was cleared. */
    answers: string[];
    /** Quizzes whose attempt in progress was re-opened (all its questions were removed). */
    reopened: string[];
    /** Viewed pages the course no longer has. */
    pages: string[];
    /** The bookmarked page is gone. */
    bookmark: boolean;
    /** Blocks whose progress was dropped: the block is gone or is now of another kind. */
    blocks: string[];
    /** Scenarios sent back to their first node: the node the learner was at is gone. */
    scenarios: string[];
  };
}

/** Whether the learner lost anything they would notice (and should be told about). */
export function lostSomething({ dropped }: Reconciled): boolean {
  return dropped.answers.length > 0 || dropped.reopened.length > 0 || dropped.scenarios.length > 0 || dropped.bookmark;
}

export function reconcile(saved: LearnerState | undefined, course: CourseData): Reconciled {
  const dropped: Reconciled["dropped"] = {
    answers: [],
    reopened: [],
    pages: [],
    bookmark: false,
    blocks: [],
    scenarios: [],
  };
  const first = course.pages[0]?.id ?? SUMMARY_PAGE;
  if (!saved) return { state: emptyLearnerState(first), dropped };
  const keys: Record<string, string> = {};
  /** Keeps the answers that still mean what they meant; records kept answers' current key. */
  const keep = (answers: Record<string, Response>, allowed: (q: QuestionData) => boolean, report: boolean) => {
    const out: Record<string, Response> = {};
    for (const [id, response] of Object.entries(answers)) {
      const q = course.questions[id];
      const key = q && keyFingerprint(q);
      const savedKey = saved.keys[id] ?? "";
      if (q && allowed(q) && responseFits(q, response) && (savedKey === "" || savedKey === key)) {
        out[id] = response;
        keys[id] = key!;
      } else if (report) dropped.answers.push(id);
    }
    return out;
  };

  const quizzes: LearnerState["quizzes"] = {};
  for (const [id, attempt] of Object.entries(saved.quizzes)) {
    const quiz = course.quizzes[id];
    if (!quiz) continue;
    const inQuiz = new Set(quiz.banks.flatMap((b) => b.questions));
    const drawn = attempt.drawn.filter((q) => inQuiz.has(q));
    if (!attempt.submitted && drawn.length === 0 && attempt.drawn.length > 0) {
      dropped.reopened.push(id);
      const reopened = reopen(attempt);
      if (reopened) quizzes[id] = reopened;
      continue;
    }
    const answers = keep(attempt.answers, (q) => drawn.includes(q.id), !attempt.submitted);
    quizzes[id] = {
      ...attempt,
      drawn,
      answers,
      orders: Object.fromEntries(
        Object.entries(attempt.orders).filter(
          ([q, order]) => drawn.includes(q) && orderFits(course.questions[q]!, order),
        ),
      ),
    };
  }

  const pages = new Set(course.pages.map((p) => p.id));
  dropped.pages = saved.viewed.filter((id) => !pages.has(id));
  const viewed = saved.viewed.filter((id) => pages.has(id));
  const state: LearnerState = {
    page: saved.page,
    viewed,
    quizzes,
    checks: keep(saved.checks, (q) => !q.graded, true),
    keys,
    completed: saved.completed,
    ...(saved.passedWith !== undefined ? { passedWith: saved.passedWith } : {}),
    ...(saved.blocks ? { blocks: reconcileBlocks(saved.blocks, course, dropped) } : {}),
    ...(saved.extra ? { extra: saved.extra } : {}),
  };
  if (!pages.has(saved.page) && saved.page !== SUMMARY_PAGE) {
    dropped.bookmark = true;
    state.page = firstNotDone(course, state) ?? SUMMARY_PAGE;
  }
  return { state, dropped };
}

/** Keeps the progress of blocks the course still has, of the same kind, within their current size. */
function reconcileBlocks(
  saved: Record<string, BlockState>,
  course: CourseData,
  dropped: Reconciled["dropped"],
): Record<string, BlockState> {
  const kept: Record<string, BlockState> = {};
  for (const [id, state] of Object.entries(saved)) {
    const block = course.blocks[id];
    const bits = block && progressBits(block);
    if (bits !== undefined && state.kind === "seen")
      kept[id] = { kind: "seen", seen: (state.seen & (2 ** bits - 1)) >>> 0 };
    else if (block?.kind === "scenario" && state.kind === "scenario") {
      const at = scenarioPosition(block, state);
      if (at === undefined) dropped.scenarios.push(id);
      kept[id] = { ...state, at: at ?? 0, node: block.nodes[at ?? 0]?.id };
    } else dropped.blocks.push(id);
  }
  return kept;
}

/** Where a saved scenario run now stands: its node found by id; undefined when that node is gone. */
function scenarioPosition(block: ScenarioData, state: Extract<BlockState, { kind: "scenario" }>): number | undefined {
  // Saved before node ids were stamped: the position holds while it is in range.
  if (state.node === undefined) return block.nodes[state.at] ? state.at : undefined;
  const at = block.nodes.findIndex((n) => n.id === state.node);
  return at < 0 ? undefined : at;
}

/**
 * An attempt in progress whose questions were all removed goes back to before it started: the
 * previous attempt's result shows and the learner can start again with the same attempt number.
 */
function reopen(attempt: QuizAttemptState): QuizAttemptState | undefined {
  if (attempt.attempt <= 1 || attempt.best === undefined) return undefined;
  return {
    attempt: attempt.attempt - 1,
    drawn: [],
    orders: {},
    answers: {},
    submitted: true,
    score: attempt.best,
    best: attempt.best,
  };
}

/** The first lesson not viewed or quiz not finished, in learner order. */
export function firstNotDone(course: CourseData, state: LearnerState): string | undefined {
  return course.pages.find((p) =>
    p.kind === "lesson" ? !state.viewed.includes(p.id) : state.quizzes[p.id]?.submitted !== true,
  )?.id;
}

const fingerprints = new WeakMap<QuestionData, string>();

function fingerprint(q: QuestionData): string {
  let key = fingerprints.get(q);
  if (key === undefined) fingerprints.set(q, (key = keyFingerprint(q)));
  return key;
}

/**
 * Records the current answer key of every stored answer and the node id of every scenario's
 * position, just before the state is saved.
 */
export function stampKeys(state: LearnerState, course: CourseData): void {
  for (const [id, block] of Object.entries(state.blocks ?? {})) {
    const data = course.blocks[id];
    if (block.kind === "scenario" && data?.kind === "scenario") block.node = data.nodes[block.at]?.id;
  }
  const keys: Record<string, string> = {};
  const stamp = (answers: Record<string, Response>) => {
    for (const id of Object.keys(answers)) {
      const q = course.questions[id];
      if (q) keys[id] = fingerprint(q);
    }
  };
  for (const attempt of Object.values(state.quizzes)) stamp(attempt.answers);
  stamp(state.checks);
  state.keys = keys;
}

/** What the learner is told about their saved state at launch. */
export type ResumeNotice = "resumed" | "updated" | "state-unreadable" | "state-newer";

/**
 * The state a launch starts from: the saved state fitted to the course, or a fresh one that keeps
 * what can be kept (the LMS's bookmark) when the saved state could not be used, and what to say.
 */
export function resumeFrom(
  saved: SavedState,
  bookmark: string | undefined,
  course: CourseData,
): { state: LearnerState; notice?: ResumeNotice } {
  const fresh = () => {
    const { state } = reconcile(undefined, course);
    if (bookmark && course.pages.some((p) => p.id === bookmark)) state.page = bookmark;
    return state;
  };
  switch (saved.kind) {
    case "ok": {
      const reconciled = reconcile(saved.state, course);
      if (lostSomething(reconciled)) return { state: reconciled.state, notice: "updated" };
      return reconciled.state.viewed.length > 0 ? { state: reconciled.state, notice: "resumed" } : reconciled;
    }
    case "none":
      return { state: fresh() };
    case "unreadable":
      return { state: fresh(), notice: "state-unreadable" };
    case "newer":
      return { state: fresh(), notice: "state-newer" };
  }
}
