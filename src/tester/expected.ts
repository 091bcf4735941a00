/**
 * What the LMS must record after a learner passes or fails a Coursepack course, worked out from
 * the course's own data (completion rule, quizzes and their attempts, tracking options) and the
 * reporting the docs promise (docs/scorm.md, docs/xapi-cmi5.md) — not from the runtime's code, so
 * a runtime that reports something else fails.
 */
import type { CourseData, TrackingOptions } from "../shared/course-data.js";

export interface Outcome {
  /** The learner answered every question right (pass) or wrong, until no attempt was left (fail). */
  passed: boolean;
  completed: boolean;
  /** Pass/fail is known: the course has a graded quiz. */
  assessed: boolean;
  /** Score 0..100, when assessed. */
  score: number | undefined;
  /** Interactions (graded answers) the quizzes report: one per drawn graded question per attempt. */
  answers: number;
  /** Attempts taken at each graded quiz. */
  attempts: number;
  /** No graded quiz can change the result any more: each is passed or out of attempts. */
  final: boolean;
}

function gradedQuizzes(course: CourseData) {
  return Object.values(course.quizzes).filter((q) =>
    q.banks.some((b) => b.questions.some((id) => course.questions[id]?.graded)),
  );
}

/** Graded questions one attempt of a quiz draws (a bank draws `draw` of its questions). */
function gradedPerAttempt(course: CourseData, quizId: string): number {
  const quiz = course.quizzes[quizId]!;
  return quiz.banks.reduce((n, bank) => {
    const graded = bank.questions.filter((id) => course.questions[id]?.graded).length;
    return n + Math.min(bank.draw, graded);
  }, 0);
}

/** The learner views every page and takes every quiz, all right (pass) or all wrong until attempts run out. */
export function expectedOutcome(course: CourseData, pass: boolean): Outcome {
  const quizzes = gradedQuizzes(course);
  const assessed = quizzes.length > 0;
  // Failing: unlimited attempts end after one; limited ones are all used.
  const attempts = pass ? 1 : Math.max(1, ...quizzes.map((q) => q.attempts));
  const quizzesFinished = quizzes.every((q) => pass || q.attempts > 0);
  const completed = course.completion === "lessons" ? true : assessed ? quizzesFinished : course.completion !== "quiz";
  const answers = course.tracking.interactions
    ? quizzes.reduce((n, q) => n + gradedPerAttempt(course, q.id) * (pass ? 1 : Math.max(1, q.attempts)), 0)
    : 0;
  return {
    passed: pass && assessed,
    completed,
    assessed,
    score: assessed ? (pass ? 100 : 0) : undefined,
    answers,
    attempts,
    final: assessed && quizzesFinished,
  };
}

/**
 * SCORM 1.2's one status for an outcome, by the course's status pair (docs/scorm.md): the success
 * word once complete and not failed; `failed` on a failing score for the *-failed pairs, and for
 * passed-incomplete once no attempt is left; else `incomplete` (`completed-incomplete` reports
 * completion whatever the score).
 */
export function lessonStatus(outcome: Outcome, pair: TrackingOptions["scorm12Status"]): string {
  const [success, otherwise] = pair.split("-") as ["passed" | "completed", "incomplete" | "failed"];
  const failing = outcome.assessed && !outcome.passed;
  if (outcome.completed && !failing) return outcome.assessed && success === "passed" ? "passed" : "completed";
  if (failing && (otherwise === "failed" || (success === "passed" && outcome.final))) return "failed";
  if (outcome.completed && success === "completed") return "completed";
  return "incomplete";
}

/** SCORM exit value once the session ends: `suspend` while incomplete, else the course's choice. */
export function exitValue(standard: "scorm12" | "scorm2004", completed: boolean, tracking: TrackingOptions): string {
  if (!completed || tracking.exitWhenComplete === "suspend") return "suspend";
  return standard === "scorm12" ? "" : "normal";
}
