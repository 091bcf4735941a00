/**
 * What a learner keeps when version 1's saved state resumes in version 2, for every kind of edit
 * (issue 14), on the real course data the compiler makes for each pair; plus the pure rules:
 * answer keys, re-opened attempts, bookmarks, results never lowered, and older state formats.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { courseStatus } from "../../src/runtime/player/status.js";
import { reconcile, resumeFrom, stampKeys } from "../../src/runtime/player/reconcile.js";
import type { CourseData } from "../../src/shared/course-data.js";
import type { LearnerState } from "../../src/shared/learner.js";
import { decodeState, encodeState } from "../../src/shared/state-codec.js";
import { courseVersion, EDIT_KINDS, type EditKind } from "../support/course-edits.js";
import { encodeStateV1, V1_MID_QUIZ } from "../support/state-v1.js";

const data = async (kind?: EditKind) => (await checkCourse(await courseVersion(kind))).data;

let v1: CourseData;
const v2 = {} as Record<EditKind, CourseData>;

beforeAll(async () => {
  v1 = await data();
  for (const kind of EDIT_KINDS) v2[kind] = await data(kind);
});

/** Half way through: two lessons viewed, the knowledge check answered, the quiz begun (q1 and q2 answered). */
function midCourse(): LearnerState {
  // The state 0.1.0 saved half way (q1 answered), with q2 and the knowledge check answered too.
  const base = structuredClone(V1_MID_QUIZ);
  const state: LearnerState = {
    ...base,
    quizzes: {
      final: {
        ...base.quizzes.final!,
        answers: { ...base.quizzes.final!.answers, q2: { kind: "boolean", value: false } },
      },
    },
    checks: { "kc-practice": { kind: "choices", ids: ["compare-the-old-and"] } },
    keys: {},
  };
  stampKeys(state, v1);
  // Saved and read back, as the LMS hands it to version 2.
  return decodeState(encodeState(state))!;
}

/** Finished: every lesson viewed, the quiz passed with 100 %. */
function passed(): LearnerState {
  const state: LearnerState = {
    page: "summary",
    viewed: ["basics", "practice", "wrap-up", "final"],
    quizzes: {
      final: {
        attempt: 1,
        drawn: ["q1", "q2", "q3", "q4"],
        orders: {},
        answers: {},
        submitted: true,
        score: 100,
        best: 100,
      },
    },
    checks: {},
    keys: {},
    completed: true,
    passedWith: 100,
  };
  return decodeState(encodeState(state))!;
}

describe("version 1's state in version 2", () => {
  it("checks the fixture: version 1's state fits version 1 untouched", () => {
    const { state, dropped } = reconcile(midCourse(), v1);
    expect(state).toEqual(midCourse());
    expect(dropped).toEqual({ answers: [], reopened: [], pages: [], bookmark: false, blocks: [], scenarios: [] });
  });

  const keepsAll: EditKind[] = [
    "text",
    "lesson-added",
    "lessons-reordered",
    "lesson-split",
    "question-added",
    "question-reworded",
    "draw-size",
    "pass-mark",
  ];
  it.each(keepsAll)("%s: the learner keeps everything", (kind) => {
    const { state, dropped } = reconcile(midCourse(), v2[kind]);
    expect(dropped).toEqual({ answers: [], reopened: [], pages: [], bookmark: false, blocks: [], scenarios: [] });
    expect(state.viewed).toEqual(["basics", "practice", "final"]);
    expect(state.page).toBe("final");
    expect(state.quizzes.final).toMatchObject({ attempt: 1, drawn: ["q1", "q2", "q3", "q4"], submitted: false });
    expect(Object.keys(state.quizzes.final!.answers)).toEqual(["q1", "q2"]);
    expect(Object.keys(state.checks)).toEqual(["kc-practice"]);
  });

  it("lesson added or split: the new lesson is still to do, so the course is not complete yet", () => {
    for (const kind of ["lesson-added", "lesson-split"] as const) {
      const { state } = reconcile(midCourse(), v2[kind]);
      expect(courseStatus(v2[kind], state).completed).toBe(false);
      const done = reconcile(passed(), v2[kind]).state;
      expect(courseStatus(v2[kind], done)).toMatchObject({ completed: true, passed: true, score: 100 });
    }
  });

  it("lesson removed: its view and its knowledge-check answer go, the rest stays", () => {
    const { state, dropped } = reconcile(midCourse(), v2["lesson-removed"]);
    expect(dropped).toEqual({
      answers: ["kc-practice"],
      reopened: [],
      pages: ["practice"],
      bookmark: false,
      blocks: [],
      scenarios: [],
    });
    expect(state.viewed).toEqual(["basics", "final"]);
    expect(Object.keys(state.quizzes.final!.answers)).toEqual(["q1", "q2"]);
  });

  it("question removed: the attempt in progress goes on without it", () => {
    const { state, dropped } = reconcile(midCourse(), v2["question-removed"]);
    expect(dropped.answers).toEqual(["q2"]);
    expect(state.quizzes.final).toMatchObject({ attempt: 1, drawn: ["q1", "q3", "q4"], submitted: false });
    expect(Object.keys(state.quizzes.final!.answers)).toEqual(["q1"]);
  });

  it("answer key changed: that answer is dropped and the question asked again; others stay", () => {
    const { state, dropped } = reconcile(midCourse(), v2["answer-key"]);
    expect(dropped.answers).toEqual(["q1"]);
    expect(state.quizzes.final!.drawn).toEqual(["q1", "q2", "q3", "q4"]);
    expect(Object.keys(state.quizzes.final!.answers)).toEqual(["q2"]);
    // Saved again, the kept answer carries version 2's key.
    stampKeys(state, v2["answer-key"]);
    expect(reconcile(decodeState(encodeState(state)), v2["answer-key"]).dropped.answers).toEqual([]);
  });

  it("pass mark raised: a learner who passed stays passed with the same score", () => {
    const { state } = reconcile(passed(), v2["pass-mark"]);
    expect(courseStatus(v2["pass-mark"], state)).toMatchObject({ completed: true, passed: true, score: 100 });
    const scored85 = passed();
    scored85.quizzes.final!.best = 85;
    scored85.passedWith = 85;
    expect(courseStatus(v2["pass-mark"], reconcile(scored85, v2["pass-mark"]).state)).toMatchObject({
      passed: true,
      score: 85,
    });
  });

  it("every edit keeps a finished learner complete and passed", () => {
    for (const kind of EDIT_KINDS) {
      const { state } = reconcile(passed(), v2[kind]);
      expect(courseStatus(v2[kind], state), kind).toMatchObject({ completed: true, passed: true, score: 100 });
    }
  });
});

describe("fitting saved state to a course", () => {
  it("re-opens an attempt whose questions were all removed, without using up an attempt", () => {
    const state = midCourse();
    state.quizzes.final = { ...state.quizzes.final!, attempt: 2, drawn: ["gone-1", "gone-2"], best: 50 };
    const { state: fitted, dropped } = reconcile(state, v1);
    expect(dropped.reopened).toEqual(["final"]);
    expect(fitted.quizzes.final).toMatchObject({ attempt: 1, submitted: true, best: 50, drawn: [] });
    state.quizzes.final = { ...state.quizzes.final!, attempt: 1, best: undefined };
    expect(reconcile(state, v1).state.quizzes.final).toBeUndefined();
  });

  it("moves a bookmark on a removed page to the first page not done, and drops answers that no longer fit", () => {
    const state = midCourse();
    state.page = "gone";
    state.quizzes.final!.answers.q3 = { kind: "choices", ids: ["no-such-choice"] };
    state.quizzes.final!.orders.q1 = ["manifest", "gone"];
    const { state: fitted, dropped } = reconcile(state, v1);
    expect(dropped.bookmark).toBe(true);
    expect(fitted.page).toBe("wrap-up");
    expect(dropped.answers).toEqual(["q3"]);
    expect(fitted.quizzes.final!.orders).toEqual({});
  });

  it("migrates format 1 state: answers kept while they fit, no key to compare", () => {
    const v1State = encodeStateV1({ ...V1_MID_QUIZ, viewed: ["basics"] });
    const { state, notice } = resumeFrom({ kind: "ok", state: decodeState(v1State)!, version: 1 }, undefined, v1);
    expect(notice).toBe("resumed");
    expect(state.quizzes.final!.answers).toEqual({ q1: { kind: "choices", ids: ["manifest"] } });
  });

  it("block progress: removed blocks dropped, item bits cut to size, a scenario found by its node id", () => {
    const node = (id: string, to?: number) => ({
      id,
      text: id,
      choices: to === undefined ? [] : [{ id: "go", text: "Go", to }],
    });
    const base = { page: "basics", title: "B", required: false } as const;
    const course = (nodes: string[]): CourseData => ({
      ...v1,
      blocks: {
        tabs: { ...base, id: "tabs", kind: "tabs", items: 2 },
        chat: { ...base, id: "chat", kind: "scenario", weight: 0, nodes: nodes.map((id, i) => node(id, i + 1)) },
      },
    });
    const before = course(["start", "ask", "end"]);
    const state = midCourse();
    state.blocks = {
      tabs: { kind: "seen", seen: 0b111 },
      gone: { kind: "seen", seen: 1 },
      chat: { kind: "scenario", at: 1, run: 2, ended: true, best: 80 },
    };
    stampKeys(state, before);
    expect(state.blocks.chat).toMatchObject({ node: "ask" });
    const saved = decodeState(encodeState(state))!;

    const same = reconcile(saved, before);
    expect(same.dropped).toMatchObject({ blocks: ["gone"], scenarios: [] });
    expect(same.state.blocks).toMatchObject({ tabs: { seen: 0b11 }, chat: { at: 1, node: "ask" } });
    // A node inserted before it: the learner stays on "ask", now the third node.
    expect(reconcile(saved, course(["start", "intro", "ask", "end"])).state.blocks!.chat).toMatchObject({ at: 2 });
    // Node ids changed: the run goes back to its start; runs and the best ending stay, and the learner is told.
    const changed = reconcile(saved, course(["begin", "question", "end"]));
    expect(changed.dropped.scenarios).toEqual(["chat"]);
    expect(changed.state.blocks!.chat).toEqual({
      kind: "scenario",
      at: 0,
      run: 2,
      ended: true,
      best: 80,
      node: "begin",
    });
    expect(
      resumeFrom({ kind: "ok", state: saved, version: 2 }, undefined, course(["begin", "question", "end"])).notice,
    ).toBe("updated");
    // A block that became another kind loses its progress.
    const asReveal = {
      ...before,
      blocks: { ...before.blocks, chat: { ...base, id: "chat", kind: "reveal", items: 1 } },
    };
    expect(reconcile(saved, asReveal as CourseData).dropped.blocks).toEqual(["gone", "chat"]);
  });

  it("says what happened: resumed, updated, unreadable, newer; keeps the LMS bookmark when the state is lost", () => {
    expect(resumeFrom({ kind: "ok", state: midCourse(), version: 2 }, undefined, v2["answer-key"]).notice).toBe(
      "updated",
    );
    expect(resumeFrom({ kind: "none" }, undefined, v1)).toEqual({ state: reconcile(undefined, v1).state });
    const unreadable = resumeFrom({ kind: "unreadable", reason: "garbage" }, "practice", v1);
    expect(unreadable).toMatchObject({ notice: "state-unreadable", state: { page: "practice", viewed: [] } });
    expect(resumeFrom({ kind: "newer", version: 3 }, "nowhere", v1)).toMatchObject({
      notice: "state-newer",
      state: { page: "basics" },
    });
  });
});
