/**
 * The shared SCORM tracker against scorm-again's strict runtime in Node (a fake window that holds the
 * API): exit values, credit, never-downgrade, the suspend_data limit and terminate-once.
 */
import { Scorm12API, Scorm2004API } from "scorm-again";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CourseData } from "../../src/shared/course-data.js";
import type { LearnerState } from "../../src/shared/learner.js";
import type { ScormDataModel } from "../../src/runtime/tracking/scorm/data-model.js";
import { scorm12 } from "../../src/runtime/tracking/scorm/scorm12.js";
import { scorm2004 } from "../../src/runtime/tracking/scorm/scorm2004.js";
import { ScormTracker } from "../../src/runtime/tracking/scorm/tracker.js";
import type { CourseStatus, Notice } from "../../src/runtime/tracking/tracker.js";

const course: CourseData = {
  schema: 1,
  id: "demo",
  title: "Demo",
  version: "1",
  contentHash: "0000000",
  language: "en",
  direction: "ltr",
  passingScore: 80,
  completion: "lessons-and-quiz",
  scoreCombination: "weighted-average",
  pages: [
    { id: "intro", kind: "lesson", title: "Intro", minutes: 1, checks: [] },
    { id: "final", kind: "quiz", title: "Final", minutes: 1, checks: [] },
  ],
  quizzes: {
    final: {
      id: "final",
      title: "Final",
      passingScore: 80,
      attempts: 0,
      feedback: "end",
      review: true,
      shuffleChoices: false,
      shuffleQuestions: false,
      weight: 1,
      banks: [{ id: "b", draw: 1, questions: ["q1"] }],
    },
  },
  questions: {
    q1: { id: "q1", type: "true-false", text: "True?", graded: true, weight: 1, parent: "final", answer: true },
  },
  strings: {},
  tracking: { scorm12Status: "passed-incomplete", exitWhenComplete: "normal", interactions: true, commitSeconds: 45 },
  activityId: "urn:coursepack:demo",
};

const state = (over: Partial<LearnerState> = {}): LearnerState => ({
  page: "intro",
  viewed: ["intro"],
  quizzes: {},
  checks: {},
  keys: {},
  completed: false,
  ...over,
});
const incomplete: CourseStatus = { location: "intro", progress: 0.5, completed: false };
const passed: CourseStatus = { location: "summary", progress: 1, completed: true, passed: true, score: 100 };

type Api = Record<string, (...args: string[]) => string> & { renderCMIToJSONObject(): { cmi: Record<string, any> } };

function setup(model: ScormDataModel, cmi: Record<string, unknown>, tracking: Partial<CourseData["tracking"]> = {}) {
  const settings = { autocommit: false, lmsCommitUrl: false as const, logLevel: 5 as const };
  const api = (model === scorm12 ? new Scorm12API(settings) : new Scorm2004API(settings)) as unknown as Api;
  (api as unknown as { loadFromJSON(j: unknown): void }).loadFromJSON({ cmi });
  const sets: [string, string][] = [];
  const calls: string[] = [];
  const spy: Record<string, unknown> = {};
  for (const name of Object.values(model.functions)) {
    spy[name] = (...args: string[]) => {
      if (name === model.functions.setValue) sets.push([args[0]!, args[1]!]);
      if (!/Error|Diagnostic|GetValue/.test(name)) calls.push(name);
      return api[name]!(...args);
    };
  }
  const listeners: Record<string, () => void> = {};
  const win = {
    [model.apiName]: spy,
    addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
    document: { addEventListener: () => undefined, visibilityState: "visible" },
  };
  const tracker = new ScormTracker(model, win as unknown as Window);
  const notices: Notice[] = [];
  const start = tracker.start({ ...course, tracking: { ...course.tracking, ...tracking } }, (n) => notices.push(n));
  return { api, sets, calls, tracker, notices, start, pagehide: () => listeners.pagehide!() };
}

afterEach(() => vi.useRealTimers());

describe("ScormTracker", () => {
  it("exits with suspend once complete when exitWhenComplete is suspend", async () => {
    vi.useFakeTimers();
    const t = setup(scorm2004, { entry: "ab-initio" }, { exitWhenComplete: "suspend" });
    await t.start;
    t.tracker.update(passed, state({ page: "summary", viewed: ["intro", "final"], completed: true }));
    await t.tracker.exit();
    const cmi = t.api.renderCMIToJSONObject().cmi;
    expect(cmi).toMatchObject({ exit: "suspend", completion_status: "completed", success_status: "passed" });
    expect(t.sets.filter(([e]) => e === "adl.nav.request").at(-1)).toEqual(["adl.nav.request", "suspendAll"]);
    expect(t.notices).toEqual(["finished"]);
  });

  it("keeps the bookmark but records no result without credit (checklist #16)", async () => {
    vi.useFakeTimers();
    const t = setup(scorm12, { core: { entry: "ab-initio", credit: "no-credit", lesson_mode: "normal" } });
    await t.start;
    t.tracker.update(passed, state({ page: "summary" }));
    const written = new Set(t.sets.map(([e]) => e));
    expect(written.has("cmi.core.lesson_location")).toBe(true);
    expect(written.has("cmi.suspend_data")).toBe(true);
    expect([...written].filter((e) => /status|score|objectives/.test(e))).toEqual([]);
  });

  it("never downgrades a status the LMS already holds (checklist #25)", async () => {
    vi.useFakeTimers();
    const t = setup(scorm2004, {
      entry: "resume",
      completion_status: "completed",
      success_status: "passed",
      location: "intro",
    });
    const launch = await t.start;
    expect(launch.bookmark).toBe("intro");
    t.tracker.update({ ...incomplete, passed: false, score: 10 }, state());
    const cmi = t.api.renderCMIToJSONObject().cmi;
    expect(cmi).toMatchObject({ completion_status: "completed", success_status: "passed" });
    expect(t.sets.map(([e]) => e)).not.toContain("cmi.completion_status");
    expect(t.sets.map(([e]) => e)).toContain("cmi.score.raw");
  });

  it("never writes more suspend_data than SCORM 1.2 allows (checklist #31)", async () => {
    vi.useFakeTimers();
    const t = setup(scorm12, { core: { entry: "ab-initio" } });
    await t.start;
    const checks = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [
        `check-${i}-${"x".repeat(i % 50)}`,
        { kind: "text" as const, value: `answer ${i * 7919}` },
      ]),
    );
    t.tracker.update(incomplete, state({ checks }));
    const data = t.sets.filter(([e]) => e === "cmi.suspend_data").at(-1)![1];
    expect(data.length).toBeGreaterThan(0);
    expect(data.length).toBeLessThanOrEqual(4096);
  });

  it("terminates once: pagehide after Exit, or twice, does nothing (checklist #14, #38)", async () => {
    vi.useFakeTimers();
    const t = setup(scorm12, { core: { entry: "ab-initio" } });
    await t.start;
    t.tracker.update(incomplete, state());
    t.pagehide();
    t.pagehide();
    await t.tracker.exit();
    t.tracker.update(passed, state());
    expect(t.calls.filter((c) => c === "LMSFinish")).toHaveLength(1);
    expect(t.calls.slice(-2)).toEqual(["LMSCommit", "LMSFinish"]);
    expect(t.api.renderCMIToJSONObject().cmi.core.exit).toBe("suspend");
    expect(t.sets.map(([e]) => e)).not.toContain("cmi.core.score.raw");
  });

  it("records interactions unless the course turns them off", async () => {
    vi.useFakeTimers();
    const answer = {
      questionId: "q1",
      quizId: "final",
      attempt: 1,
      type: "true-false" as const,
      text: "True?",
      response: { kind: "boolean" as const, value: true },
      correct: [{ kind: "boolean" as const, value: true }],
      result: "correct" as const,
      score: 1,
      weight: 1,
      latencyMs: 1200,
      timestamp: new Date(),
      options: [],
    };
    for (const interactions of [true, false]) {
      const t = setup(scorm2004, { entry: "ab-initio" }, { interactions });
      await t.start;
      t.tracker.answered(answer);
      const cmi = t.api.renderCMIToJSONObject().cmi;
      expect(Object.keys(cmi.interactions), String(interactions)).toHaveLength(interactions ? 1 : 0);
      if (interactions)
        expect(cmi.interactions["0"]).toMatchObject({
          id: "urn:coursepack:demo:q1",
          type: "true-false",
          learner_response: "true",
          result: "correct",
        });
    }
  });

  it("falls back to this browser without an LMS and says so", async () => {
    const store = new Map<string, string>();
    vi.stubGlobal("localStorage", {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    });
    const win = { addEventListener: () => undefined, document: { addEventListener: () => undefined } };
    const tracker = new ScormTracker(scorm2004, win as unknown as Window);
    const notices: Notice[] = [];
    await tracker.start(course, (n) => notices.push(n));
    tracker.update(incomplete, state());
    expect(notices).toEqual(["no-lms"]);
    expect(store.has("coursepack:demo")).toBe(true);
    vi.unstubAllGlobals();
  });
});
