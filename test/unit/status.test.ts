/** Course status: completion rules, score combination, LMS mastery score, no downgrades. */
import { describe, expect, it } from "vitest";
import type { CourseData, QuizData } from "../../src/shared/course-data.js";
import { emptyLearnerState, type LearnerState } from "../../src/shared/learner.js";
import { courseStatus } from "../../src/runtime/player/status.js";
import { courseFrame, quizData } from "../support/course-data.js";

const quiz = (id: string, weight = 1, attempts = 0, passingScore = 80): QuizData =>
  quizData(id, { weight, attempts, passingScore });

function course(
  completion: CourseData["completion"],
  quizzes: QuizData[],
  scoreCombination: CourseData["scoreCombination"] = "weighted-average",
): CourseData {
  return {
    ...courseFrame(),
    completion,
    scoreCombination,
    pages: [
      { id: "l1", kind: "lesson", title: "L1", minutes: 1, checks: [], blocks: [], requires: [] },
      { id: "l2", kind: "lesson", title: "L2", minutes: 1, checks: [], blocks: [], requires: [] },
      ...quizzes.map((q) => ({
        id: q.id,
        kind: "quiz" as const,
        title: q.id,
        minutes: 1,
        checks: [],
        blocks: [],
        requires: [],
      })),
    ],
    quizzes: Object.fromEntries(quizzes.map((q) => [q.id, q])),
    questions: Object.fromEntries(
      quizzes.map((q) => [
        `${q.id}-q`,
        { id: `${q.id}-q`, type: "true-false" as const, text: "", graded: true, weight: 1, parent: q.id, answer: true },
      ]),
    ),
  };
}

function submitted(state: LearnerState, id: string, score: number, attempt = 1): LearnerState {
  state.quizzes[id] = {
    attempt,
    drawn: [`${id}-q`],
    orders: {},
    answers: {},
    submitted: true,
    score,
    best: Math.max(state.quizzes[id]?.best ?? 0, score),
  };
  return state;
}

describe("course status", () => {
  it("lessons rule: complete when every lesson is viewed; progress counts pages", () => {
    const c = course("lessons", []);
    const s = emptyLearnerState("l1");
    s.viewed = ["l1"];
    expect(courseStatus(c, s)).toMatchObject({ completed: false, progress: 0.5, passed: undefined, score: undefined });
    s.viewed.push("l2");
    expect(courseStatus(c, s)).toMatchObject({ completed: true, progress: 1 });
  });

  it("quiz rule: complete when passed, or when the attempts run out", () => {
    const c = course("quiz", [quiz("final", 1, 2)]);
    const s = submitted(emptyLearnerState("l1"), "final", 50);
    expect(courseStatus(c, s)).toMatchObject({ completed: false, passed: false, score: 50 });
    submitted(s, "final", 60, 2);
    expect(courseStatus(c, s)).toMatchObject({ completed: true, passed: false, score: 60 });
    const passed = submitted(emptyLearnerState("l1"), "final", 90);
    expect(courseStatus(c, passed)).toMatchObject({ completed: true, passed: true, score: 90 });
  });

  it("lessons-and-quiz rule needs both", () => {
    const c = course("lessons-and-quiz", [quiz("final")]);
    const s = submitted(emptyLearnerState("l1"), "final", 100);
    expect(courseStatus(c, s).completed).toBe(false);
    s.viewed = ["l1", "l2"];
    expect(courseStatus(c, s).completed).toBe(true);
  });

  it("weighted average of best scores across graded quizzes", () => {
    const c = course("quiz", [quiz("a", 1), quiz("b", 3)]);
    const s = submitted(emptyLearnerState("l1"), "a", 100);
    expect(courseStatus(c, s)).toMatchObject({ score: 100, passed: undefined });
    submitted(s, "b", 60);
    expect(courseStatus(c, s)).toMatchObject({ score: 70, passed: false });
  });

  it("all-must-pass fails when one quiz is below its pass mark", () => {
    const c = course("quiz", [quiz("a"), quiz("b")], "all-must-pass");
    const s = submitted(submitted(emptyLearnerState("l1"), "a", 100), "b", 70);
    expect(courseStatus(c, s).passed).toBe(false);
    submitted(s, "b", 85, 2);
    expect(courseStatus(c, s).passed).toBe(true);
  });

  it("the LMS mastery score wins over the course's pass mark", () => {
    const c = course("quiz", [quiz("final")]);
    const s = submitted(emptyLearnerState("l1"), "final", 70);
    expect(courseStatus(c, s).passed).toBe(false);
    expect(courseStatus(c, s, 60)).toMatchObject({ passed: true, completed: true });
  });

  it("counts a graded quiz as done only when it can change nothing, so progress agrees with completion", () => {
    const c = course("lessons-and-quiz", [quiz("final", 1, 2)]);
    const s = submitted(emptyLearnerState("l1"), "final", 50);
    s.viewed = ["l1", "l2"];
    // Failed with an attempt left: not complete, and not "3 of 3 done" (issue 12).
    expect(courseStatus(c, s)).toMatchObject({ completed: false, progress: 2 / 3, final: false });
    submitted(s, "final", 60, 2);
    expect(courseStatus(c, s)).toMatchObject({ completed: true, passed: false, progress: 1, final: true });
  });

  it("reports the result final once every graded quiz is passed or out of attempts", () => {
    const c = course("lessons-and-quiz", [quiz("a", 1, 1), quiz("b", 1, 0)]);
    const s = submitted(emptyLearnerState("l1"), "a", 10);
    expect(courseStatus(c, s).final).toBe(false);
    submitted(s, "b", 90);
    expect(courseStatus(c, s)).toMatchObject({ final: true, passed: false, completed: false });
  });

  it("never reports a completed course as incomplete again", () => {
    const c = course("lessons", []);
    const s = emptyLearnerState("l1");
    s.completed = true;
    expect(courseStatus(c, s).completed).toBe(true);
  });
});
