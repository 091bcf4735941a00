/**
 * Course status from learner state: progress, completion, pass/fail and score, following the
 * course's completion rule and score combination. Pure, so it is unit-tested without a browser.
 */
import type { CompletionRule, CourseData, QuizData, ScoreCombination } from "../../shared/course-data.js";
import type { LearnerState } from "../../shared/learner.js";
import type { CourseStatus } from "../tracking/tracker.js";
import { pageDone } from "./completion.js";

/** Quizzes with at least one graded question count towards the score. */
export function gradedQuizzes(course: CourseData): QuizData[] {
  return Object.values(course.quizzes).filter((quiz) =>
    quiz.banks.some((b) => b.questions.some((id) => course.questions[id]?.graded)),
  );
}

export function quizPassMark(quiz: QuizData, masteryScore: number | undefined): number {
  return masteryScore ?? quiz.passingScore;
}

/** What counts towards the course score: each graded quiz, and each scenario given a weight. */
interface ScoredPart {
  weight: number;
  best: number | undefined;
  passed: boolean;
  /** Passed, out of attempts (a quiz) or ended (a scenario). */
  finished: boolean;
  /** The quiz's id (undefined for a scenario). */
  quiz?: string;
}

function scoredParts(course: CourseData, state: LearnerState, masteryScore: number | undefined): ScoredPart[] {
  const quizzes = gradedQuizzes(course).map((quiz) => {
    const a = state.quizzes[quiz.id];
    const best = a?.best;
    const passed = best !== undefined && best >= quizPassMark(quiz, masteryScore);
    const attemptsUsed = a ? a.attempt - (a.submitted ? 0 : 1) : 0;
    const exhausted = quiz.attempts > 0 && attemptsUsed >= quiz.attempts;
    return { weight: quiz.weight, best, passed, finished: passed || exhausted, quiz: quiz.id };
  });
  const scenarios = Object.values(course.blocks).flatMap((block) => {
    if (block.kind !== "scenario" || block.weight <= 0) return [];
    const s = state.blocks?.[block.id];
    const best = s?.kind === "scenario" ? s.best : undefined;
    const passed = best !== undefined && best >= (masteryScore ?? course.passingScore);
    return [{ weight: block.weight, best, passed, finished: s?.kind === "scenario" && s.ended }];
  });
  return [...quizzes, ...scenarios];
}

export function courseStatus(course: CourseData, state: LearnerState, masteryScore?: number): CourseStatus {
  const lessons = course.pages.filter((p) => p.kind === "lesson");
  const results = scoredParts(course, state, masteryScore);

  const scored = results.filter((r) => r.best !== undefined);
  const totalWeight = scored.reduce((n, r) => n + r.weight, 0);
  const score =
    scored.length && totalWeight
      ? Math.round((scored.reduce((n, r) => n + r.best! * r.weight, 0) / totalWeight) * 100) / 100
      : undefined;

  // Pass/fail is known once every graded quiz has a score (or, for all-must-pass, once all passed).
  const allScored = results.length > 0 && scored.length === results.length;
  const verdicts: Record<ScoreCombination, () => boolean | undefined> = {
    "weighted-average": () => (allScored ? score! >= (masteryScore ?? course.passingScore) : undefined),
    "all-must-pass": () =>
      results.length > 0 && results.every((r) => r.passed) ? true : allScored ? false : undefined,
  };
  const passed = verdicts[course.scoreCombination]();

  const lessonsDone = lessons.every((p) => pageDone(course, state, p));
  const quizzesDone = results.length > 0 && results.every((r) => r.finished);
  const completedBy: Record<CompletionRule, boolean> = {
    lessons: lessonsDone,
    quiz: quizzesDone,
    "lessons-and-quiz": lessonsDone && quizzesDone,
  };
  const completed = state.completed || completedBy[course.completion];

  // A graded quiz is done once it can change nothing (passed or out of attempts), as for completion;
  // a complete course is all done — so the progress bar and the summary always agree (issue 12).
  const graded = new Map(results.flatMap((r) => (r.quiz ? [[r.quiz, r.finished] as const] : [])));
  const done = course.pages.filter((p) =>
    p.kind === "quiz" && graded.has(p.id) ? graded.get(p.id) : pageDone(course, state, p),
  ).length;
  return {
    location: state.page,
    progress: completed || !course.pages.length ? 1 : done / course.pages.length,
    completed,
    passed,
    score,
    final: quizzesDone,
  };
}
