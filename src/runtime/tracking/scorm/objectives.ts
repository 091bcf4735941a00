/**
 * SCORM objectives: one per viewed lesson, per attempted quiz and per scenario run to an end, each
 * in a fixed slot of cmi.objectives. Slots the LMS already holds are read back at launch so a resumed learner's
 * objectives keep their index; a new objective takes the next slot only once the LMS has accepted
 * its id (objectives must be appended at _count, and an id cannot be changed). An id the LMS
 * refuses is never offered again.
 */
import type { CourseData } from "../../../shared/course-data.js";
import type { LearnerState } from "../../../shared/learner.js";
import { pageDone } from "../../player/completion.js";
import { gradedQuizzes, quizPassMark } from "../../player/status.js";
import type { ObjectiveReport, ScormDataModel } from "./data-model.js";

export interface ObjectiveSlot {
  n: number;
  /** The id the slot holds (an earlier version's id when the LMS has that one). */
  id: string;
}

/**
 * One objective per viewed lesson (completed once every block it requires is done), per attempted
 * quiz and per scenario run to an end.
 */
export function objectiveReports(
  course: CourseData,
  state: LearnerState,
  masteryScore: number | undefined,
): ObjectiveReport[] {
  const graded = new Set(gradedQuizzes(course).map((q) => q.id));
  const viewed = new Set(state.viewed);
  const pages = course.pages.flatMap((page): ObjectiveReport[] => {
    if (page.kind === "lesson")
      return viewed.has(page.id) ? [{ page: page.id, completed: pageDone(course, state, page) }] : [];
    const attempt = state.quizzes[page.id];
    const quiz = course.quizzes[page.id];
    if (!attempt || !quiz) return [];
    const best = attempt.best;
    if (!graded.has(quiz.id) || best === undefined) return [{ page: page.id, completed: attempt.submitted }];
    return [{ page: page.id, completed: true, score: best, passed: best >= quizPassMark(quiz, masteryScore) }];
  });
  return [...pages, ...scenarioObjectives(course, state, masteryScore)];
}

/** A scenario that reached an ending: completed, with the best ending's score when endings are scored. */
function scenarioObjectives(course: CourseData, state: LearnerState, mastery: number | undefined): ObjectiveReport[] {
  return Object.values(course.blocks).flatMap((block): ObjectiveReport[] => {
    const s = state.blocks?.[block.id];
    if (block.kind !== "scenario" || s?.kind !== "scenario" || !s.ended) return [];
    if (s.best === undefined) return [{ page: block.id, completed: true }];
    const passed = block.weight > 0 ? s.best >= (mastery ?? course.passingScore) : undefined;
    return [{ page: block.id, completed: true, score: s.best, passed }];
  });
}

export class ObjectiveSlots {
  private readonly slots = new Map<string, number>();
  private readonly refused = new Set<string>();
  private next = 0;

  constructor(
    private readonly model: ScormDataModel,
    private readonly courseId: string,
  ) {}

  /** Learns the slots an earlier session filled. */
  read(get: (element: string) => string): void {
    const count = Number(get(this.model.elements.objectiveCount)) || 0;
    for (let n = 0; n < count; n++) {
      const id = get(this.model.elements.objectiveId(n));
      if (id) this.slots.set(id, n);
    }
    this.next = count;
  }

  /**
   * The slot of a page's objective; a new one is claimed by writing its id with `claim`, which
   * returns whether the LMS accepted it. Undefined when the LMS refuses the id.
   */
  slot(page: string, claim: (n: number, id: string) => boolean): ObjectiveSlot | undefined {
    const ids = this.model.objectiveIds(this.courseId, page);
    for (const id of ids) {
      const n = this.slots.get(id);
      if (n !== undefined) return { n, id };
    }
    const [id] = ids;
    if (this.refused.has(id)) return undefined;
    if (!claim(this.next, id)) {
      this.refused.add(id);
      return undefined;
    }
    this.slots.set(id, this.next);
    return { n: this.next++, id };
  }
}
