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

describe("Bookmark", () => {
  const scope = {
    activityId: "https://example.com/c",
    agent: { mbox: "mailto:j@example.com" },
    registration: "6fbd600f-d17e-4f8b-9f5c-3c1fd6ee5f2e",
  };
  const stateOf = (loaded: LoadedBookmark) => (typeof loaded === "object" ? loaded.state : loaded);
  /** An LRS State resource that answers GET with `answer`. */
  const stateLrs = (answer: () => Promise<{ data: unknown }>) =>
    ({ getState: answer, setState: async () => ({ data: undefined }) }) as unknown as LrsClient;

  it("treats 404, an empty body and {} as no state (checklist #57)", async () => {
    for (const answer of [
      () => Promise.reject(new LrsError(404, "")),
      async () => ({ data: "" }),
      async () => ({ data: {} }),
    ]) {
      const bookmark = new Bookmark(stateLrs(answer), stateLrs(answer), scope, new MemoryStorage(), "b");
      expect(await bookmark.load()).toBeUndefined();
    }
  });

  it("calls any other document unreadable, unless this browser has its own copy (issue 12 §3)", async () => {
    for (const data of ["garbage", [1, 2], { state: 42 }, { someone: "else" }]) {
      const bookmark = new Bookmark(
        stateLrs(async () => ({ data })),
        stateLrs(async () => ({ data })),
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
      stateLrs(async () => ({ data: {} })),
      scope,
      storage,
      "b",
    );
    expect(stateOf(await withCopy.load())).toBe("mine");
  });

  it("prefers the newer of the LRS copy and the local copy, and falls back to the local one when the LRS is down", async () => {
    const storage = new MemoryStorage();
    const older = { state: "old", reported: { completed: false }, savedAt: "2026-01-01T00:00:00.000Z" };
    const local = new Bookmark(
      stateLrs(() => Promise.reject(new LrsError(0, "down"))),
      stateLrs(async () => ({ data: {} })),
      scope,
      storage,
      "b",
      5,
    );
    local.save({ state: "new", reported: { completed: true } });
    expect(stateOf(await local.load())).toBe("new");
    const remoteOlder = new Bookmark(
      stateLrs(async () => ({ data: older })),
      stateLrs(async () => ({ data: {} })),
      scope,
      storage,
      "b",
    );
    expect(stateOf(await remoteOlder.load())).toBe("new");
    const remoteNewer = new Bookmark(
      stateLrs(async () => ({ data: { ...older, state: "newest", savedAt: "2099-01-01T00:00:00.000Z" } })),
      stateLrs(async () => ({ data: {} })),
      scope,
      storage,
      "b",
    );
    expect(stateOf(await remoteNewer.load())).toBe("newest");
    await local.flush();
  });
});
