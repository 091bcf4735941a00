/**
 * What changed between two builds of a course, from their course data and build stamps: lessons
 * and quizzes, questions and their answer keys, pass marks, draws, attempts, the completion rule.
 * Each change says what learners with saved progress lose, following the runtime's own rules
 * (src/runtime/player/reconcile.ts): only answers to changed or removed questions.
 */
import { answerKey } from "../shared/answer-key.js";
import type { BuildStamp } from "../shared/build-stamp.js";
import type { CourseData, PageData, QuestionData, QuizData } from "../shared/course-data.js";

export type ChangeKind =
  | "course-id"
  | "format"
  | "manifest"
  | "files"
  | "course-title"
  | "page-added"
  | "page-removed"
  | "page-title"
  | "page-text"
  | "pages-reordered"
  | "question-added"
  | "question-removed"
  | "question-moved"
  | "question-reworded"
  | "answer-key"
  | "question-scoring"
  | "pass-mark"
  | "draw-size"
  | "attempts"
  | "quiz-settings"
  | "completion-rule"
  | "score-combination"
  | "tracking-options"
  | "content";

export interface Change {
  kind: ChangeKind;
  /** The page, quiz or question it is about. */
  id?: string;
  message: string;
  /** Learners with saved progress lose their saved answers to this question (or these questions). */
  dropsAnswers: boolean;
}

const change = (kind: ChangeKind, message: string, id?: string, dropsAnswers = false): Change => ({
  kind,
  ...(id === undefined ? {} : { id }),
  message,
  dropsAnswers,
});

const pageName = (p: PageData) => `${p.kind === "lesson" ? "lesson" : "quiz"} "${p.title}" (${p.id})`;

function comparePages(a: CourseData, b: CourseData, stamps: [BuildStamp?, BuildStamp?]): Change[] {
  const out: Change[] = [];
  const before = new Map(a.pages.map((p) => [p.id, p]));
  const after = new Map(b.pages.map((p) => [p.id, p]));
  for (const p of b.pages)
    if (!before.has(p.id))
      out.push(
        change("page-added", `${pageName(p)} added: learners who have not completed the course will need it`, p.id),
      );
  for (const p of a.pages) {
    const now = after.get(p.id);
    if (!now || now.kind !== p.kind) {
      // A quiz in progress is lost with it; a viewed lesson simply no longer counts.
      out.push(change("page-removed", `${pageName(p)} removed`, p.id, p.kind === "quiz"));
      continue;
    }
    if (now.title !== p.title) out.push(change("page-title", `${pageName(p)} renamed "${now.title}"`, p.id));
    const [old, updated] = [stamps[0]?.pages[p.id], stamps[1]?.pages[p.id]];
    if (old && updated && old !== updated) out.push(change("page-text", `${pageName(now)}: text changed`, p.id));
  }
  const common = (pages: PageData[], other: Map<string, PageData>) =>
    pages.map((p) => p.id).filter((id) => other.has(id));
  if (common(a.pages, after).join("\n") !== common(b.pages, before).join("\n"))
    out.push(change("pages-reordered", `pages reordered: ${b.pages.map((p) => p.id).join(", ")}`));
  return out;
}

const where = (q: QuestionData, course: CourseData) =>
  course.quizzes[q.parent] ? `question ${q.id} of quiz ${q.parent}` : `knowledge check ${q.id} in lesson ${q.parent}`;

function compareQuestions(a: CourseData, b: CourseData): Change[] {
  const out: Change[] = [];
  for (const q of Object.values(b.questions))
    if (!a.questions[q.id]) out.push(change("question-added", `${where(q, b)} added`, q.id));
  for (const q of Object.values(a.questions)) {
    const now = b.questions[q.id];
    if (!now) {
      out.push(change("question-removed", `${where(q, a)} removed: saved answers to it are dropped`, q.id, true));
      continue;
    }
    if (now.parent !== q.parent) {
      // Knowledge-check answers are kept by question id; a quiz attempt holds only its own questions.
      const drops = Boolean(a.quizzes[q.parent] || b.quizzes[now.parent]);
      const what = drops ? "saved answers to it are dropped" : "saved answers are kept";
      out.push(change("question-moved", `${where(q, a)} moved to ${now.parent}: ${what}`, q.id, drops));
      continue;
    }
    if (answerKey(q) !== answerKey(now) || q.type !== now.type) {
      out.push(
        change("answer-key", `${where(now, b)}: answer key changed: saved answers to it are dropped`, q.id, true),
      );
    } else if (q.text !== now.text) {
      out.push(
        change("question-reworded", `${where(now, b)} reworded (same answer key: saved answers are kept)`, q.id),
      );
    }
    const scoring = (x: QuestionData) =>
      JSON.stringify([x.weight, x.graded, "partialCredit" in x ? x.partialCredit : null]);
    if (scoring(q) !== scoring(now))
      out.push(
        change(
          "question-scoring",
          `${where(now, b)}: weight or partial credit changed (applies to new attempts)`,
          q.id,
        ),
      );
  }
  return out;
}

function compareQuiz(q: QuizData, now: QuizData): Change[] {
  const out: Change[] = [];
  if (q.passingScore !== now.passingScore)
    out.push(
      change(
        "pass-mark",
        `quiz ${q.id}: pass mark ${q.passingScore} % → ${now.passingScore} % (learners who passed stay passed)`,
        q.id,
      ),
    );
  const draws = (x: QuizData) =>
    x.banks
      .map((b) => `${b.id}: ${b.draw >= b.questions.length ? "all" : `${b.draw} of ${b.questions.length}`}`)
      .join(", ");
  if (draws(q) !== draws(now))
    out.push(
      change("draw-size", `quiz ${q.id}: questions drawn ${draws(q)} → ${draws(now)} (from the next attempt)`, q.id),
    );
  if (q.attempts !== now.attempts)
    out.push(
      change("attempts", `quiz ${q.id}: attempts ${q.attempts || "unlimited"} → ${now.attempts || "unlimited"}`, q.id),
    );
  const settings = (x: QuizData) =>
    JSON.stringify([x.feedback, x.review, x.shuffleChoices, x.shuffleQuestions, x.weight]);
  if (settings(q) !== settings(now))
    out.push(change("quiz-settings", `quiz ${q.id}: feedback, review, shuffling or weight changed`, q.id));
  return out;
}

/** Every change between two builds' course data; `stamps` name the pages whose text changed. */
export function compareCourses(a: CourseData, b: CourseData, stamps: [BuildStamp?, BuildStamp?] = []): Change[] {
  const out: Change[] = [];
  if (a.id !== b.id) out.push(change("course-id", `course id ${a.id} → ${b.id}: LMSs see a different course`));
  if (a.title !== b.title) out.push(change("course-title", `course title "${a.title}" → "${b.title}"`));
  out.push(...comparePages(a, b, stamps), ...compareQuestions(a, b));
  for (const q of Object.values(a.quizzes)) {
    const now = b.quizzes[q.id];
    if (now) out.push(...compareQuiz(q, now));
  }
  if (a.passingScore !== b.passingScore)
    out.push(
      change(
        "pass-mark",
        `course pass mark ${a.passingScore} % → ${b.passingScore} % (learners who passed stay passed)`,
      ),
    );
  if (a.completion !== b.completion)
    out.push(
      change(
        "completion-rule",
        `completion rule ${a.completion} → ${b.completion} (a completed course stays completed)`,
      ),
    );
  if (a.scoreCombination !== b.scoreCombination)
    out.push(change("score-combination", `score combination ${a.scoreCombination} → ${b.scoreCombination}`));
  if (JSON.stringify(a.tracking) !== JSON.stringify(b.tracking) || a.activityId !== b.activityId)
    out.push(change("tracking-options", "tracking options or activity id changed"));
  if (out.length === 0 && a.contentHash !== b.contentHash)
    out.push(change("content", "styles, images or interface text changed; lessons and questions did not"));
  return out;
}
