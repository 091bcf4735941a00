/**
 * The durable statement queue (checklist #58, #59) and the bookmark's choice of saved state. The LRS is played by a scripted transport: what
 * is under test is the queue's ordering, persistence, retry and backoff, not HTTP (the browser
 * tests cover that against a real LRS).
 */
import { describe, expect, it } from "vitest";
import { Bookmark, type LoadedBookmark, readBookmark } from "../../src/runtime/tracking/xapi/bookmark.js";
import { LrsError, type LrsClient } from "../../src/runtime/tracking/xapi/client.js";
import { isRetryable, StatementQueue, type KeyValueStorage } from "../../src/runtime/tracking/xapi/queue.js";
import { makeStatement } from "../../src/runtime/tracking/xapi/statements.js";
import type { Statement } from "../../src/runtime/tracking/xapi/types.js";
import { VERBS } from "../../src/shared/xapi-vocabulary.js";

class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

const statement = (n: number): Statement =>
  makeStatement({ mbox: "mailto:j@example.com" }, VERBS.experienced, { id: `https://example.com/lessons/${n}` });

/** A transport that answers from a script of statuses (200 once the script runs out). */
function scripted(statuses: number[]) {
  const calls: { id: string; at: number }[] = [];
  const stored: string[] = [];
  const send = async (s: Statement) => {
    calls.push({ id: s.id, at: Date.now() });
    const status = statuses.shift() ?? 200;
    if (status === -1) {
      stored.push(s.id);
      throw new LrsError(503, "stored, answer lost");
    }
    if (status >= 300 || status === 0) throw new LrsError(status, "scripted");
    if (!stored.includes(s.id)) stored.push(s.id);
  };
  return { calls, stored, send };
}

function queueWith(transport: ReturnType<typeof scripted>, storage = new MemoryStorage(), events: string[] = []) {
  const queue = new StatementQueue({
    storage,
    key: "q",
    send: transport.send,
    baseDelayMs: 10,
    maxDelayMs: 40,
    alertAfter: 3,
    events: {
      failing: () => events.push("failing"),
      recovered: () => events.push("recovered"),
      rejected: (_s, e) => events.push(`rejected ${e.status}`),
    },
  });
  return { queue, storage, events };
}

describe("StatementQueue", () => {
  it("sends one statement at a time in the order they were queued", async () => {
    const t = scripted([]);
    const { queue } = queueWith(t);
    const list = [1, 2, 3, 4].map(statement);
    for (const s of list) queue.push(s);
    expect(await queue.drain(1000)).toBe(true);
    expect(t.calls.map((c) => c.id)).toEqual(list.map((s) => s.id));
  });

  it("persists every statement before sending and forgets it once acknowledged", async () => {
    const storage = new MemoryStorage();
    let seenInStorage = false;
    const queue = new StatementQueue({
      storage,
      key: "q",
      events: { failing() {}, recovered() {}, rejected() {} },
      send: async (s) => {
        seenInStorage = storage.getItem("q")?.includes(s.id) ?? false;
      },
    });
    queue.push(statement(1));
    expect(await queue.drain(1000)).toBe(true);
    expect(seenInStorage).toBe(true);
    expect(storage.getItem("q")).toBeNull();
  });

  it("retries a failing LRS with growing delays, the same statement and id, then reports recovery", async () => {
    const t = scripted([503, 0, 401, 502, 200]);
    const { queue, events } = queueWith(t);
    const first = statement(1);
    queue.push(first);
    queue.push(statement(2));
    expect(await queue.drain(5000)).toBe(true);
    expect(t.calls.slice(0, 5).map((c) => c.id)).toEqual(Array(5).fill(first.id));
    const gaps = t.calls.slice(1, 5).map((c, i) => c.at - t.calls[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(9);
    expect(gaps[1]).toBeGreaterThanOrEqual(19);
    expect(gaps[3]).toBeGreaterThanOrEqual(39); // capped at maxDelayMs
    expect(events).toEqual(["failing", "recovered"]);
    expect(t.stored).toHaveLength(2);
  });

  it("does not store twice when the LRS stored a statement but the answer was lost", async () => {
    const t = scripted([-1, 200]);
    const { queue } = queueWith(t);
    queue.push(statement(1));
    expect(await queue.drain(2000)).toBe(true);
    expect(t.calls).toHaveLength(2);
    expect(t.calls[0]!.id).toBe(t.calls[1]!.id);
    expect(t.stored).toHaveLength(1);
  });

  it("takes 409 (the LRS already has this id) as delivered, and drops what the LRS refuses so the rest still goes", async () => {
    const t = scripted([409, 400, 200]);
    const { queue, events } = queueWith(t);
    for (const n of [1, 2, 3]) queue.push(statement(n));
    expect(await queue.drain(1000)).toBe(true);
    expect(t.calls).toHaveLength(3);
    expect(events).toEqual(["rejected 400"]);
  });

  it("resumes statements left by an earlier page, first and in order", async () => {
    const down = scripted([503, 503, 503, 503, 503, 503, 503, 503]);
    const earlier = queueWith(down);
    const left = [statement(1), statement(2)];
    for (const s of left) earlier.queue.push(s);
    expect(await earlier.queue.drain(30)).toBe(false);

    const up = scripted([]);
    const later = queueWith(up, earlier.storage);
    expect(later.queue.size).toBe(2);
    const fresh = statement(3);
    later.queue.push(fresh);
    expect(await later.queue.drain(1000)).toBe(true);
    expect(up.calls.map((c) => c.id)).toEqual([...left, fresh].map((s) => s.id));
  });

  it("classifies failures: the network, timeouts, auth, throttling and 5xx are retried; other 4xx are not", () => {
    for (const status of [0, 401, 408, 429, 500, 503]) expect(isRetryable(new LrsError(status, ""))).toBe(true);
    for (const status of [400, 403, 404, 413]) expect(isRetryable(new LrsError(status, ""))).toBe(false);
    expect(isRetryable(new TypeError("Failed to fetch"))).toBe(true);
  });
});

const stateOf = (loaded: LoadedBookmark) => (typeof loaded === "object" ? loaded.state : loaded);

describe("Bookmark", () => {
  const scope = {
    activityId: "https://example.com/c",
    agent: { mbox: "mailto:j@example.com" },
    registration: "6fbd600f-d17e-4f8b-9f5c-3c1fd6ee5f2e",
  };
  /** An LRS State resource that answers GET with `answer`. */
  const stateLrs = (answer: () => Promise<{ data: unknown }>) =>
    ({ getState: answer, setState: async () => ({ data: undefined }) }) as unknown as LrsClient;

  it("treats 404, an empty body and {} as no state (checklist #57)", async () => {
    for (const answer of [
      () => Promise.reject(new LrsError(404, "")),
      async () => ({ data: "" }),
      async () => ({ data: {} }),
    ]) {
      const bookmark = new Bookmark(stateLrs(answer), noKeepalive, scope, new MemoryStorage(), "b");
      expect(await bookmark.load()).toBeUndefined();
    }
  });

  it("calls any other document unreadable, unless this browser has its own copy (issue 12 §3)", async () => {
    for (const data of ["garbage", [1, 2], { state: 42 }, { someone: "else" }]) {
      const bookmark = new Bookmark(
        stateLrs(async () => ({ data })),
        noKeepalive,
        scope,
        new MemoryStorage(),
        "b",
      );
      const loaded = await bookmark.load();
      expect(loaded).toBe("unreadable");
      expect(readBookmark(loaded).saved).toEqual({ kind: "unreadable", reason: "garbage" });
    }
    const storage = new MemoryStorage();
    const mine = { state: "mine", reported: { completed: false }, savedAt: "2026-01-01T00:00:00.000Z" };
    storage.setItem("b", JSON.stringify(mine));
    const withCopy = new Bookmark(
      stateLrs(async () => ({ data: "garbage" })),
      noKeepalive,
      scope,
      storage,
      "b",
    );
    expect(stateOf(await withCopy.load())).toBe("mine");
  });

  it("prefers the newer of the LRS copy and the local copy, and falls back to the local one when the LRS is down", async () => {
    const storage = new MemoryStorage();
    const older = { state: "old", reported: { completed: false }, savedAt: "2026-01-01T00:00:00.000Z" };
    const fast = { debounceMs: 5, retryPausesMs: [], readTimeoutMs: 50, recheckMs: 60_000 };
    const local = new Bookmark(
      stateLrs(() => Promise.reject(new LrsError(404, ""))),
      noKeepalive,
      scope,
      storage,
      "b",
      fast,
    );
    expect(await local.load()).toBeUndefined();
    local.save({ state: "new", reported: { completed: true } });
    await local.flush();
    const down = new Bookmark(
      stateLrs(() => Promise.reject(new LrsError(0, "down"))),
      noKeepalive,
      scope,
      storage,
      "b",
      fast,
    );
    expect(stateOf(await down.load())).toBe("new");
    const remoteOlder = new Bookmark(
      stateLrs(async () => ({ data: older })),
      noKeepalive,
      scope,
      storage,
      "b",
      fast,
    );
    expect(stateOf(await remoteOlder.load())).toBe("new");
    const remoteNewer = new Bookmark(
      stateLrs(async () => ({ data: { ...older, state: "newest", savedAt: "2099-01-01T00:00:00.000Z" } })),
      noKeepalive,
      scope,
      storage,
      "b",
      fast,
    );
    expect(stateOf(await remoteNewer.load())).toBe("newest");
  });
});

describe("Bookmark on pagehide", () => {
  const scope = { activityId: "https://example.com/c", agent: { mbox: "mailto:j@example.com" } };

  it("sends the bookmark with keepalive when its last PUT is still in flight (the page cancels that one)", async () => {
    const keepalive: unknown[] = [];
    let release: () => void = () => undefined;
    const client = {
      getState: async () => {
        throw new LrsError(404, "");
      },
      // The PUT never answers before the page goes, as when the learner closes the tab mid-save.
      setState: () =>
        new Promise((resolve) => {
          release = () => resolve({ data: undefined });
        }),
    } as unknown as LrsClient;
    const bookmark = new Bookmark(
      client,
      (_params, document) => keepalive.push(document),
      scope,
      new MemoryStorage(),
      "b",
      { debounceMs: 60_000, retryPausesMs: [], readTimeoutMs: 50, recheckMs: 60_000 },
    );
    await bookmark.load();
    bookmark.save({ state: "quiz, q1 answered", reported: { completed: false } });
    const saving = bookmark.flush();
    bookmark.flushKeepalive();
    expect(keepalive).toHaveLength(1);
    expect(keepalive[0]).toMatchObject({ state: "quiz, q1 answered" });
    release();
    await saving;
    // Delivered: nothing left for a later pagehide to send.
    bookmark.flushKeepalive();
    expect(keepalive).toHaveLength(1);
  });
});

/**
 * An LRS State resource for the guarded bookmark: GET answers from `reads` (an error status, or a
 * document; undefined = 404) and then `after`; PUTs are recorded.
 */
/** A pagehide PUT that goes nowhere, for bookmarks whose last save a test does not look at. */
const noKeepalive = () => undefined;

function lrs(reads: (number | object | undefined)[] = [], after: number | object | undefined = undefined) {
  const puts: unknown[] = [];
  let gets = 0;
  const client = {
    getState: async () => {
      gets++;
      const answer = reads.length ? reads.shift() : after;
      if (answer === undefined) throw new LrsError(404, "");
      if (typeof answer === "number") throw new LrsError(answer, "simulated");
      return { data: answer };
    },
    setState: async ({ state }: { state: unknown }) => {
      puts.push(state);
      return { data: undefined };
    },
  } as unknown as LrsClient;
  return { client, puts, gets: () => gets };
}

describe("Bookmark when the LRS cannot be read at launch (issue 12)", () => {
  const scope = { activityId: "https://example.com/c", agent: { mbox: "mailto:j@example.com" } };
  const saved = {
    state: "lesson 5, quiz passed",
    reported: { completed: true, passed: true },
    savedAt: "2026-01-01T00:00:00.000Z",
  };
  const options = (told: string[]) => ({
    debounceMs: 1,
    retryPausesMs: [1, 1],
    readTimeoutMs: 100,
    recheckMs: 5,
    onUnavailable: () => told.push("unavailable"),
  });
  const settle = () => new Promise((r) => setTimeout(r, 60));

  it("retries a failed read and resumes from what the LRS holds", async () => {
    const { client, gets } = lrs([503, 500], saved);
    const told: string[] = [];
    const bookmark = new Bookmark(client, noKeepalive, scope, new MemoryStorage(), "b", options(told));
    expect(stateOf(await bookmark.load())).toBe(saved.state);
    expect(gets()).toBe(3);
    expect(told).toEqual([]);
  });

  it("never writes over the LRS's bookmark while it cannot be read, and tells the learner", async () => {
    const { client, puts } = lrs([], 503);
    const keepalive = lrs();
    const told: string[] = [];
    const storage = new MemoryStorage();
    const bookmark = new Bookmark(
      client,
      (_params, document) => keepalive.puts.push(document),
      scope,
      storage,
      "b",
      options(told),
    );
    expect(await bookmark.load()).toBeUndefined();
    expect(told).toEqual(["unavailable"]);
    bookmark.save({ state: "lesson 1", reported: { completed: false } });
    expect(await bookmark.flush()).toBe(true);
    bookmark.flushKeepalive();
    await settle();
    expect(puts).toEqual([]);
    expect(keepalive.puts).toEqual([]);
    // Kept on this device, marked as made without the LRS's copy.
    expect(JSON.parse(storage.getItem("b")!)).toMatchObject({ state: "lesson 1", basedOn: "" });
  });

  it("keeps its hands off once the LRS answers with progress this session never saw", async () => {
    const { client, puts } = lrs([503, 503, 503], saved);
    const told: string[] = [];
    const storage = new MemoryStorage();
    const bookmark = new Bookmark(client, noKeepalive, scope, storage, "b", options(told));
    expect(await bookmark.load()).toBeUndefined();
    bookmark.save({ state: "lesson 1", reported: { completed: false } });
    await settle();
    expect(bookmark.guarded).toBe(true);
    expect(puts).toEqual([]);
    // The next launch prefers the LRS's copy over the local one made without seeing it.
    const next = new Bookmark(lrs([saved]).client, noKeepalive, scope, storage, "b", options([]));
    expect(stateOf(await next.load())).toBe(saved.state);
  });

  it("saves to the LRS again once it answers that it holds nothing", async () => {
    const { client, puts } = lrs([503, 503, 503], undefined);
    const bookmark = new Bookmark(client, noKeepalive, scope, new MemoryStorage(), "b", options([]));
    expect(await bookmark.load()).toBeUndefined();
    bookmark.save({ state: "lesson 1", reported: { completed: false } });
    await settle();
    expect(bookmark.guarded).toBe(false);
    expect(puts).toEqual([{ state: "lesson 1", reported: { completed: false }, savedAt: expect.any(String) }]);
  });
});
