/**
 * The shared SCORM tracker against scorm-again's strict runtime in Node (a fake window that holds the
 * API), optionally behaving like Moodle or Forma (lms-quirks.ts): exit values, credit,
 * never-downgrade, the suspend_data limit, terminate-once, resume and refused values.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { SIMULATED_LMS, type SimulatedLms } from "../../src/preview/client/lms-quirks.js";
import { ScormLms } from "../../src/preview/client/scorm-lms.js";
import type { CourseData } from "../../src/shared/course-data.js";
import type { LearnerState } from "../../src/shared/learner.js";
import type { ScormDataModel } from "../../src/runtime/tracking/scorm/data-model.js";
import { scorm12 } from "../../src/runtime/tracking/scorm/scorm12.js";
import { scorm2004 } from "../../src/runtime/tracking/scorm/scorm2004.js";
import { ScormTracker } from "../../src/runtime/tracking/scorm/tracker.js";
import type { CourseStatus, Notice } from "../../src/runtime/tracking/tracker.js";
import { courseFrame, quizData } from "../support/course-data.js";

const course: CourseData = {
  ...courseFrame({ id: "demo", title: "Demo", activityId: "urn:coursepack:demo" }),
  completion: "lessons-and-quiz",
  scoreCombination: "weighted-average",
  pages: [
    { id: "intro", kind: "lesson", title: "Intro", minutes: 1, checks: [], blocks: [], requires: [] },
    { id: "final", kind: "quiz", title: "Final", minutes: 1, checks: [], blocks: [], requires: [] },
  ],
  quizzes: {
    final: quizData("final", { title: "Final", banks: [{ id: "b", draw: 1, questions: ["q1"] }] }),
  },
  questions: {
    q1: { id: "q1", type: "true-false", text: "True?", graded: true, weight: 1, parent: "final", answer: true },
  },
};

const state = (over: Partial<LearnerState> = {}): LearnerState => ({
  page: "intro",
  viewed: ["intro"],
  quizzes: {},
  checks: {},
  completed: false,
  ...over,
});
const incomplete: CourseStatus = { location: "intro", progress: 0.5, completed: false };
const passed: CourseStatus = { location: "summary", progress: 1, completed: true, passed: true, score: 100 };

function setup(
  model: ScormDataModel,
  cmi: Record<string, unknown>,
  tracking: Partial<CourseData["tracking"]> = {},
  lms?: SimulatedLms,
) {
  const host = new ScormLms({
    standard: model === scorm12 ? "scorm12" : "scorm2004",
    cmi: { cmi },
    quirks: lms && SIMULATED_LMS[lms],
  });
  const sets: [string, string][] = [];
  const calls: string[] = [];
  const spy: Record<string, unknown> = {};
  for (const name of Object.values(model.functions)) {
    spy[name] = (...args: string[]) => {
      if (name === model.functions.setValue) sets.push([args[0]!, args[1]!]);
      if (!/Error|Diagnostic|GetValue/.test(name)) calls.push(name);
      return host.api[name]!(...args);
    };
  }
  const listeners: Record<string, () => void> = {};
  const documentListeners: Record<string, () => void> = {};
  const document = {
    addEventListener: (type: string, fn: () => void) => (documentListeners[type] = fn),
    visibilityState: "visible",
  };
  const win = {
    [model.apiName]: spy,
    addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
    document,
  };
  const tracker = new ScormTracker(model, win as unknown as Window);
  const notices: Notice[] = [];
  const start = tracker.start({ ...course, tracking: { ...course.tracking, ...tracking } }, (n) => notices.push(n));
  return {
    host,
    cmi: () => host.cmi().cmi as Record<string, any>,
    sets,
    calls,
    tracker,
    notices,
    start,
    pagehide: () => listeners.pagehide!(),
    hide: () => {
      document.visibilityState = "hidden";
      documentListeners.visibilitychange!();
    },
  };
}

afterEach(() => vi.useRealTimers());

describe("ScormTracker", () => {
  it("exits with suspend once complete when exitWhenComplete is suspend", async () => {
    vi.useFakeTimers();
    const t = setup(scorm2004, { entry: "ab-initio" }, { exitWhenComplete: "suspend", navigationRequests: true });
    await t.start;
    t.tracker.update(passed, state({ page: "summary", viewed: ["intro", "final"], completed: true }));
    await t.tracker.exit();
    const cmi = t.cmi();
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
    expect(launch.state?.page).toBe("intro");
    t.tracker.update({ ...incomplete, passed: false, score: 10 }, state());
    const cmi = t.cmi();
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
    // LMSFinish saves: a Commit right before it reaches Forma after it (issue 12).
    expect(t.calls.at(-1)).toBe("LMSFinish");
    expect(t.calls).not.toContain("LMSCommit");
    expect(t.cmi().core.exit).toBe("suspend");
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
      const cmi = t.cmi();
      expect(Object.keys(cmi.interactions), String(interactions)).toHaveLength(interactions ? 1 : 0);
      if (interactions)
        expect(cmi.interactions["0"]).toMatchObject({
          id: "q1",
          type: "true-false",
          learner_response: "true",
          result: "correct",
        });
    }
  });

  it("resumes whenever the LMS hands back saved data, whatever entry says (Forma, issue 12)", async () => {
    vi.useFakeTimers();
    const t = setup(scorm12, { core: { entry: "ab-initio", lesson_location: "final" } });
    expect((await t.start).state?.page).toBe("final");
    const fresh = setup(scorm12, { core: { entry: "ab-initio" } });
    expect((await fresh.start).state).toBeUndefined();
  });

  it("sends no navigation request unless the course asks for them", async () => {
    vi.useFakeTimers();
    for (const navigationRequests of [false, true]) {
      const t = setup(scorm2004, { entry: "ab-initio" }, { navigationRequests });
      await t.start;
      t.tracker.update(passed, state({ page: "summary", viewed: ["intro", "final"] }));
      await t.tracker.exit();
      const nav = t.sets.filter(([e]) => e === "adl.nav.request").map(([, v]) => v);
      expect(nav).toEqual(navigationRequests ? ["exitAll"] : []);
      expect(t.notices).toEqual(["finished"]);
    }
  });

  it("says the progress is saved when Terminate throws after everything was committed (Moodle, issue 12)", async () => {
    vi.useFakeTimers();
    const committed = setup(scorm2004, { entry: "ab-initio" }, { navigationRequests: true }, "moodle");
    await committed.start;
    committed.tracker.update(passed, state({ page: "summary", viewed: ["intro", "final"] }));
    await vi.advanceTimersByTimeAsync(1000);
    await committed.tracker.exit();
    expect(committed.host.calls.at(-1)).toMatchObject({ method: "Terminate", result: "exception" });
    expect(committed.notices).toEqual(["finished"]);

    const uncommitted = setup(scorm2004, { entry: "ab-initio" }, { navigationRequests: true }, "moodle");
    await uncommitted.start;
    uncommitted.tracker.update(passed, state({ page: "summary", viewed: ["intro", "final"] }));
    await uncommitted.tracker.exit();
    expect(uncommitted.notices).toEqual(["lms-error"]);
  });

  it("never sends a refused value again, and keeps writing the others (Forma, issue 12)", async () => {
    vi.useFakeTimers();
    const t = setup(scorm2004, { entry: "ab-initio" }, {}, "forma");
    await t.start;
    const viewed = state({ page: "final", viewed: ["intro", "final"] });
    t.tracker.update(incomplete, viewed);
    for (let i = 0; i < 5; i++) {
      t.tracker.update({ ...incomplete, progress: 0.5 + i / 100 }, { ...viewed, page: i % 2 ? "intro" : "final" });
      await vi.advanceTimersByTimeAsync(3000);
    }
    t.tracker.update(passed, { ...viewed, page: "summary" });
    await vi.advanceTimersByTimeAsync(3000);
    const refused = t.host.errors().map((c) => `${c.element}=${c.value}`);
    expect(new Set(refused).size).toBe(refused.length);
    expect(refused).toContain("cmi.success_status=passed");
    expect(t.cmi()).toMatchObject({ completion_status: "completed", score: { raw: "100" }, progress_measure: "1" });
    expect(t.cmi().objectives["0"]).toMatchObject({ id: "intro" });
  });

  it("commits when the page is hidden, but leaves the save to Finish when the page closes (Forma, issue 12)", async () => {
    vi.useFakeTimers();
    const hidden = setup(scorm12, { core: { entry: "ab-initio" } });
    await hidden.start;
    hidden.tracker.update(incomplete, state());
    hidden.hide();
    await vi.advanceTimersByTimeAsync(0);
    expect(hidden.calls.at(-1)).toBe("LMSCommit");

    // Closing: visibilitychange and pagehide in one task.
    const closing = setup(scorm12, { core: { entry: "ab-initio" } }, {}, "forma");
    await closing.start;
    closing.tracker.update(incomplete, state({ page: "final" }));
    closing.hide();
    closing.pagehide();
    await vi.advanceTimersByTimeAsync(5000);
    expect(closing.calls.filter((c) => /Commit|Finish/.test(c))).toEqual(["LMSFinish"]);
    const next = closing.host.nextSession().cmi as { core: Record<string, string> };
    expect(next.core).toMatchObject({ entry: "resume", lesson_location: "final" });
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
