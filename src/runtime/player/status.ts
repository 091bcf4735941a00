/**
 * Course status from learner state: progress, completion, pass/fail and score, following the
 * course's completion rule and score combination. Pure, so it is unit-tested without a browser.
 */
import type { CourseData, QuizData } from "../../shared/course-data.js";
import type { LearnerState } from "../../shared/learner.js";
import type { CourseStatus } from "../tracking/tracker.js";

/** Quizzes with at least one graded question count towards the score. */
export function gradedQuizzes(course: CourseData): QuizData[] {
  return Object.values(course.quizzes).filter((quiz) =>
    quiz.banks.some((b) => b.questions.some((id) => course.questions[id]?.graded)),
  );
}

export function quizPassMark(quiz: QuizData, masteryScore: number | undefined): number {
  return masteryScore ?? quiz.passingScore;
}

export function courseStatus(course: CourseData, state: LearnerState, masteryScore?: number): CourseStatus {
  const lessons = course.pages.filter((p) => p.kind === "lesson");
  const viewed = new Set(state.viewed);
  const quizzes = gradedQuizzes(course);
  const results = quizzes.map((quiz) => {
    const a = state.quizzes[quiz.id];
    const best = a?.best;
    const passed = best !== undefined && best >= quizPassMark(quiz, masteryScore);
    const attemptsUsed = a ? a.attempt - (a.submitted ? 0 : 1) : 0;
    const exhausted = quiz.attempts > 0 && attemptsUsed >= quiz.attempts;
    return { quiz, best, passed, finished: passed || exhausted };
  });

  const scored = results.filter((r) => r.best !== undefined);
  const totalWeight = scored.reduce((n, r) => n + r.quiz.weight, 0);
  const score =
    scored.length && totalWeight
      ? Math.round((scored.reduce((n, r) => n + r.best! * r.quiz.weight, 0) / totalWeight) * 100) / 100
      : undefined;

  // Pass/fail is known once every graded quiz has a score (or, for all-must-pass, once all passed).
  const allScored = results.length > 0 && scored.length === results.length;
  const passed =
    course.scoreCombination === "all-must-pass"
      ? results.length > 0 && results.every((r) => r.passed)
        ? true
        : allScored
          ? false
          : undefined
      : allScored
        ? score! >= (masteryScore ?? course.passingScore)
        : undefined;

  const lessonsDone = lessons.every((p) => viewed.has(p.id));
  const quizzesDone = results.length > 0 && results.every((r) => r.finished);
  const completed =
    state.completed ||
    (course.completion === "lessons"
      ? lessonsDone
      : course.completion === "quiz"
        ? quizzesDone
        : lessonsDone && quizzesDone);

  // A graded quiz is done once it can change nothing (passed or out of attempts), as for completion;
  // a complete course is all done — so the progress bar and the summary always agree (issue 12).
  const finished = new Set(results.filter((r) => r.finished).map((r) => r.quiz.id));
  const graded = new Set(quizzes.map((q) => q.id));
  const done = course.pages.filter((p) => {
    if (p.kind === "lesson") return viewed.has(p.id);
    return graded.has(p.id) ? finished.has(p.id) : state.quizzes[p.id]?.submitted === true;
  }).length;
  return {
    location: state.page,
    progress: completed || !course.pages.length ? 1 : done / course.pages.length,
    completed,
    passed,
    score,
    final: quizzesDone,
  };
}
