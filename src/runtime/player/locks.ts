/**
 * Navigation locks, in one place: with `navigation: sequential` a page opens once every page before
 * it is done; a quiz with `opensAfter: lessons` opens once every lesson before it is done. Locks
 * come from the learner state alone, so they survive a resume, and they all lift once the course is
 * complete or passed: a learner reviewing the course moves freely. Pure, so it is unit-tested.
 */
import type { CourseData, PageData } from "../../shared/course-data.js";
import type { LearnerState } from "../../shared/learner.js";
import type { CourseStatus } from "../tracking/tracker.js";
import { pageDone } from "./completion.js";

export interface PageLock {
  /** Why: the course is taken in order, or this quiz waits for the lessons. */
  reason: "sequential" | "quiz";
  /** The pages still to do before it opens. */
  waitingFor: PageData[];
}

export type PageLocks = Map<string, PageLock>;

export function pageLocks(course: CourseData, state: LearnerState, status: CourseStatus): PageLocks {
  const locks: PageLocks = new Map();
  if (state.completed || status.completed || status.passed === true) return locks;
  const todo: PageData[] = [];
  for (const page of course.pages) {
    const lessonsToDo = todo.filter((p) => p.kind === "lesson");
    if (course.navigation === "sequential" && todo.length)
      locks.set(page.id, { reason: "sequential", waitingFor: [...todo] });
    else if (page.kind === "quiz" && course.quizzes[page.id]?.opensAfter === "lessons" && lessonsToDo.length)
      locks.set(page.id, { reason: "quiz", waitingFor: lessonsToDo });
    if (!pageDone(course, state, page)) todo.push(page);
  }
  return locks;
}
