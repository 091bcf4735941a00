/**
 * Lesson completion by blocks, navigation locks and scored scenarios, from the learner state alone
 * (src/runtime/player/completion.ts, locks.ts, status.ts): what a resumed learner gets back is
 * decided by the same pure functions.
 */
import { describe, expect, it } from "vitest";
import type { BlockData, CourseData, QuizData } from "../../src/shared/course-data.js";
import { emptyLearnerState, type LearnerState } from "../../src/shared/learner.js";
import { blockDone, pageDone } from "../../src/runtime/player/completion.js";
import { pageLocks } from "../../src/runtime/player/locks.js";
import { courseStatus } from "../../src/runtime/player/status.js";
import { courseFrame, quizData } from "../support/course-data.js";

const quiz: QuizData = quizData("final", { title: "Final", banks: [{ id: "b", draw: 1, questions: ["q"] }] });

const blocks: Record<string, BlockData> = {
  tabs: { id: "tabs", kind: "tabs", page: "two", title: "Tabs", required: true, items: 3 },
  clip: { id: "clip", kind: "video", page: "two", title: "Clip", required: true, threshold: 0.5, external: false },
  chat: {
    id: "chat",
    kind: "scenario",
    page: "three",
    title: "Chat",
    required: false,
    weight: 0,
    nodes: [
      { id: "start", text: "Hi", choices: [{ id: "a", text: "A", to: 1 }] },
      { id: "end", text: "Bye", choices: [], ending: { score: 60 } },
    ],
  },
};

function course(
  navigation: CourseData["navigation"],
  opensAfter?: "lessons",
  extra: Partial<CourseData> = {},
): CourseData {
  const lesson = (id: string, requires: string[] = []) => ({
    id,
    kind: "lesson" as const,
    title: id,
    minutes: 1,
    checks: [],
    blocks: requires,
    requires,
  });
  return {
    ...courseFrame({ navigation, blocks }),
    completion: "lessons-and-quiz",
    scoreCombination: "weighted-average",
    pages: [
      lesson("one"),
      lesson("two", ["tabs", "clip"]),
      lesson("three"),
      { id: "final", kind: "quiz", title: "Final", minutes: 1, checks: [], blocks: [], requires: [] },
    ],
    quizzes: { final: { ...quiz, ...(opensAfter ? { opensAfter } : {}) } },
    questions: {
      q: { id: "q", type: "true-false", text: "", graded: true, weight: 1, parent: "final", answer: true },
    },
    ...extra,
  };
}

const state = (patch: Partial<LearnerState> = {}): LearnerState => ({ ...emptyLearnerState("one"), ...patch });
const locksOf = (c: CourseData, s: LearnerState) =>
  Object.fromEntries(
    [...pageLocks(c, s, courseStatus(c, s))].map(([id, lock]) => [id, [lock.reason, lock.waitingFor.map((p) => p.id)]]),
  );

describe("blocks and lessons done", () => {
  it("item blocks need every item opened; media the required share of segments; scenarios an ending", () => {
    expect(blockDone(blocks.tabs!, { kind: "seen", seen: 0b011 })).toBe(false);
    expect(blockDone(blocks.tabs!, { kind: "seen", seen: 0b111 })).toBe(true);
    expect(blockDone(blocks.clip!, { kind: "seen", seen: 2 ** 14 - 1 })).toBe(false);
    expect(blockDone(blocks.clip!, { kind: "seen", seen: 2 ** 15 - 1 })).toBe(true);
    expect(blockDone(blocks.chat!, { kind: "scenario", at: 0, run: 2, ended: false })).toBe(false);
    expect(blockDone(blocks.chat!, { kind: "scenario", at: 0, run: 2, ended: true, best: 60 })).toBe(true);
    expect(blockDone(blocks.tabs!, undefined)).toBe(false);
  });

  it("a lesson is done once shown with its required blocks done", () => {
    const c = course("free");
    const two = c.pages[1]!;
    expect(pageDone(c, state({ viewed: ["two"] }), two)).toBe(false);
    const done = state({
      viewed: ["two"],
      blocks: { tabs: { kind: "seen", seen: 7 }, clip: { kind: "seen", seen: 2 ** 30 - 1 } },
    });
    expect(pageDone(c, done, two)).toBe(true);
    expect(pageDone(c, { ...done, viewed: [] }, two)).toBe(false);
  });
});

describe("navigation locks", () => {
  it("free navigation locks nothing", () => {
    expect(locksOf(course("free"), state())).toEqual({});
  });

  it("sequential: each page waits for every page before it", () => {
    const c = course("sequential");
    expect(locksOf(c, state({ viewed: ["one"] }))).toEqual({
      three: ["sequential", ["two"]],
      final: ["sequential", ["two", "three"]],
    });
  });

  it("a quiz that opens after the lessons waits for the lessons not done", () => {
    const c = course("free", "lessons");
    expect(locksOf(c, state({ viewed: ["one", "two", "three"] }))).toEqual({ final: ["quiz", ["two"]] });
    const all = state({
      viewed: ["one", "two", "three"],
      blocks: { tabs: { kind: "seen", seen: 7 }, clip: { kind: "seen", seen: 2 ** 30 - 1 } },
    });
    expect(locksOf(c, all)).toEqual({});
  });

  it("every lock lifts once the course is complete or passed: a reviewing learner moves freely", () => {
    const c = course("sequential", "lessons");
    expect(locksOf(c, state({ completed: true }))).toEqual({});
    const passed = state({
      quizzes: { final: { attempt: 1, drawn: ["q"], orders: {}, answers: {}, submitted: true, score: 100, best: 100 } },
    });
    expect(courseStatus(c, passed).passed).toBe(true);
    expect(locksOf(c, passed)).toEqual({});
  });
});

describe("scored scenarios", () => {
  it("a scenario with a weight joins the course score with its best ending", () => {
    const c = course("free", undefined, {
      blocks: { ...blocks, chat: { ...(blocks.chat as Extract<BlockData, { kind: "scenario" }>), weight: 1 } },
    });
    const s = state({
      quizzes: { final: { attempt: 1, drawn: ["q"], orders: {}, answers: {}, submitted: true, score: 100, best: 100 } },
      blocks: { chat: { kind: "scenario", at: 1, run: 1, ended: true, best: 60 } },
    });
    expect(courseStatus(c, s).score).toBe(80);
    expect(courseStatus(c, { ...s, blocks: {} }).passed).toBeUndefined();
  });
});
