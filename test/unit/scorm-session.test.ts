/** SCORM session plumbing without a browser: API discovery, the Initialize/Terminate state machine, commit timing. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ScormConnection } from "../../src/runtime/tracking/scorm/connection.js";
import { findApi, waitForApi } from "../../src/runtime/tracking/scorm/discovery.js";
import { CommitScheduler } from "../../src/runtime/tracking/scorm/scheduler.js";
import { scorm2004 } from "../../src/runtime/tracking/scorm/scorm2004.js";
import type { Notice } from "../../src/runtime/tracking/tracker.js";

type FakeWindow = { parent?: FakeWindow; opener?: FakeWindow | null; top?: FakeWindow; [key: string]: unknown };

const api = () => ({ Initialize: () => "true" });

/** A chain of windows, child first; each window's parent is the next one, the last is its own top. */
function chain(length: number): FakeWindow[] {
  const wins: FakeWindow[] = Array.from({ length }, () => ({}));
  for (const [i, w] of wins.entries()) w.parent = wins[i + 1] ?? w;
  for (const w of wins) w.top = wins.at(-1)!;
  return wins;
}

/** A window from another origin: every property access throws, like a browser does. */
function crossOrigin(parent: FakeWindow): FakeWindow {
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (key === "parent") return parent;
        throw new DOMException("Blocked a frame with origin", "SecurityError");
      },
    },
  ) as FakeWindow;
}

const find = (win: FakeWindow) => findApi(win as unknown as Window, "API_1484_11", "Initialize");

describe("API discovery (checklist #11, #12)", () => {
  it("finds the API in the window itself, then up the parent chain", () => {
    const [own] = chain(1);
    own!.API_1484_11 = api();
    expect(find(own!)).toBe(own!.API_1484_11);
    const wins = chain(4);
    wins[3]!.API_1484_11 = api();
    expect(find(wins[0]!)).toBe(wins[3]!.API_1484_11);
  });

  it("skips cross-origin windows that throw on access", () => {
    const [top] = chain(1);
    top!.API_1484_11 = api();
    const middle = crossOrigin(top!);
    const [sco] = chain(1);
    sco!.parent = middle;
    expect(find(sco!)).toBe(top!.API_1484_11);
  });

  it("finds the API through the opener and the top window's opener (popup launch)", () => {
    const lms = chain(2);
    lms[1]!.API_1484_11 = api();
    const [popup] = chain(1);
    popup!.opener = lms[0]!;
    expect(find(popup!)).toBe(lms[1]!.API_1484_11);
    const frames = chain(2);
    frames[1]!.opener = lms[0]!;
    expect(find(frames[0]!)).toBe(lms[1]!.API_1484_11);
  });

  it("ignores objects that are not the API and gives up after 500 levels", () => {
    const [own] = chain(1);
    own!.API_1484_11 = { notAnApi: true };
    expect(find(own!)).toBeUndefined();
    const deep = chain(503);
    deep[502]!.API_1484_11 = api();
    expect(find(deep[0]!)).toBeUndefined();
    expect(find(deep[2]!)).toBe(deep[502]!.API_1484_11);
  });
});

describe("an API that appears late (Open edX, issue 13)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const wait = (win: FakeWindow) => waitForApi(win as unknown as Window, "API_1484_11", "Initialize");

  it("keeps looking while the page is framed, and finds it when the LMS installs it", async () => {
    const [sco, lms] = chain(2);
    const found = wait(sco!);
    await vi.advanceTimersByTimeAsync(1500);
    lms!.API_1484_11 = api();
    await vi.advanceTimersByTimeAsync(100);
    expect(await found).toBe(lms!.API_1484_11);
  });

  it("gives up after five seconds in a frame, and at once in a page of its own", async () => {
    const [sco] = chain(2);
    let framed: unknown = "pending";
    void wait(sco!).then((api) => (framed = api));
    await vi.advanceTimersByTimeAsync(4900);
    expect(framed).toBe("pending");
    await vi.advanceTimersByTimeAsync(200);
    expect(framed).toBeUndefined();
    const [alone] = chain(1);
    let own: unknown = "pending";
    void wait(alone!).then((api) => (own = api));
    await vi.advanceTimersByTimeAsync(0);
    expect(own).toBeUndefined();
  });
});

describe("session lifecycle (checklist #14, #35)", () => {
  function recordingApi(results: Record<string, unknown> = {}) {
    const calls: [string, ...string[]][] = [];
    const fake: Record<string, (...args: string[]) => unknown> = {};
    for (const name of Object.values(scorm2004.functions)) {
      fake[name] = (...args: string[]) => {
        calls.push([name, ...args]);
        const result = results[name];
        if (result instanceof Error) throw result;
        return result ?? (name === "GetLastError" ? "0" : "true");
      };
    }
    return { calls, connection: new ScormConnection(fake, scorm2004.functions) };
  }

  it('initializes once and terminates exactly once, passing ""', () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { calls, connection } = recordingApi();
    expect(connection.initialize()).toBe(true);
    expect(connection.initialize()).toBe(false);
    expect(connection.commit()).toBe(true);
    expect(connection.terminate()).toBe(true);
    expect(connection.terminate()).toBe(false);
    expect(connection.set("cmi.exit", "suspend")).toBe(false);
    expect(calls.map((c) => c.join(" "))).toEqual(["Initialize ", "Commit ", "Terminate "]);
  });

  it("treats an API that throws as a failed call", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { connection } = recordingApi({ SetValue: new Error("LMS gone"), GetLastError: "101" });
    connection.initialize();
    expect(connection.set("cmi.location", "intro")).toBe(false);
  });
});

describe("commit scheduler (checklist #17, #34)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const timing = { soonMs: 250, laterMs: 2000, periodicMs: 45_000, retryMs: 1000, maxRetryMs: 30_000 };

  it("turns a burst of changes into one commit, sooner for status changes", () => {
    const commit = vi.fn(() => true);
    const scheduler = new CommitScheduler(commit, () => undefined, timing);
    for (let i = 0; i < 5; i++) scheduler.request(false);
    vi.advanceTimersByTime(1999);
    expect(commit).not.toHaveBeenCalled();
    scheduler.request(true);
    vi.advanceTimersByTime(250);
    expect(commit).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it("commits periodically to keep the session alive", () => {
    const commit = vi.fn(() => true);
    const scheduler = new CommitScheduler(commit, () => undefined, timing);
    scheduler.start();
    vi.advanceTimersByTime(90_000);
    expect(commit).toHaveBeenCalledTimes(2);
    scheduler.stop();
    vi.advanceTimersByTime(90_000);
    expect(commit).toHaveBeenCalledTimes(2);
  });

  it("retries with backoff, warns after two failures and says when the LMS recovers", () => {
    const results = [false, false, false, true];
    const commit = vi.fn(() => results.shift() ?? true);
    const notices: Notice[] = [];
    const scheduler = new CommitScheduler(commit, (n) => notices.push(n), timing);
    scheduler.request(true);
    vi.advanceTimersByTime(250);
    expect(notices).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(notices).toEqual(["lms-error"]);
    vi.advanceTimersByTime(2000);
    expect(commit).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(4000);
    expect(commit).toHaveBeenCalledTimes(4);
    expect(notices).toEqual(["lms-error", "lms-recovered"]);
  });
});
