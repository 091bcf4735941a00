/**
 * The learner-state codec: round trips, URI-safe text, reading every version (older ones migrated,
 * newer ones refused untouched), unreadable and oversized state reported as such (issue 12 §3),
 * fields of a newer minor format carried through, and shedding detail to fit SCORM 1.2.
 */
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import type { LearnerState } from "../../src/shared/learner.js";
import {
  decodeState,
  encodeState,
  encodeStateWithin,
  MAX_STATE_CHARS,
  readState,
  STATE_VERSION,
} from "../../src/shared/state-codec.js";
import { encodeStateV1 } from "../support/state-v1.js";

const state: LearnerState = {
  page: "metrics",
  viewed: ["intro", "metrics"],
  quizzes: {
    final: {
      attempt: 2,
      drawn: ["q1", "q2"],
      orders: { q1: ["b", "a"] },
      answers: {
        q1: { kind: "choices", ids: ["b"] },
        q2: {
          kind: "pairs",
          pairs: [
            ["x", "1"],
            ["y", "2"],
          ],
        },
      },
      submitted: true,
      score: 50,
      best: 75,
    },
  },
  checks: {
    kc1: { kind: "text", value: "pipeline" },
    kc2: { kind: "number", value: 4.5 },
    kc3: { kind: "boolean", value: false },
  },
  keys: { q1: "1a2b", q2: "zz00", kc1: "k001", kc2: "k002", kc3: "k003" },
  completed: false,
  passedWith: 87.5,
  blocks: {
    tabs1: { kind: "seen", seen: 0b101 },
    // Bit 31 set: the unsigned 32-bit value survives the round trip.
    video1: { kind: "seen", seen: 2 ** 31 + 1 },
    coaching: { kind: "scenario", at: 3, run: 2, ended: true, best: 80, node: "decline" },
    unscored: { kind: "scenario", at: 0, run: 1, ended: false },
    unnamed: { kind: "scenario", at: 1, run: 1, ended: false, node: "ask" },
  },
};

/** What Coursepack 0.1.0 (state format 1) wrote for the starter course, mid-quiz in attempt 2. */
const V1_STARTER =
  "N4IgbiBcCMA0IAcogO4FMA2BjA9gWzRHhSgG1VNcCjUAnASwBd6A7AcwFoM0BnHnFjxABdeAEcooLAAs0WANYcAnjgCutDqpYATNLR6MAhjtZsyAJljk1jDKzQcctXbRrc+AjgkO1GQ+DJy8jwcuFqMIrDAAL5RIDZ2LA5OLmQgWDSMso6qtvZc9AYcrKFq+g5KeBgisQAMsCyqGBiwAMytAHTtwrHpkqiytA7aOFy8-IIFYISQ5BnwJVkVhlUcAEYYOAochowcS-s4CI4AZvvZ7hM18NpQtdFAA";

const packed = (value: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(value));

describe("learner state codec", () => {
  it("round-trips every field", () => {
    expect(readState(encodeState(state))).toEqual({ kind: "ok", state, version: STATE_VERSION });
  });

  it("adds block progress as an optional key that older states lack and older decoders ignore", () => {
    const { blocks: _blocks, ...withoutBlocks } = state;
    expect(decodeState(encodeState(withoutBlocks))).toEqual(withoutBlocks);
    const raw = JSON.parse(LZString.decompressFromEncodedURIComponent(encodeState(state))) as Record<string, unknown>;
    expect(raw.v).toBe(STATE_VERSION);
    expect(raw.b).toEqual({
      tabs1: 5,
      video1: 2 ** 31 + 1,
      coaching: [3, 2, 1, 80, "decline"],
      unscored: [0, 1, 0],
      unnamed: [1, 1, 0, null, "ask"],
    });
  });

  it("carries block progress saved in format 1 through the migration", () => {
    const v1 = packed({ v: 1, p: "intro", w: ["intro"], q: {}, c: {}, d: 0, b: { tabs1: 3, chat: [2, 1, 0] } });
    expect(readState(v1)).toMatchObject({
      kind: "ok",
      version: 1,
      state: { blocks: { tabs1: { kind: "seen", seen: 3 }, chat: { kind: "scenario", at: 2, run: 1, ended: false } } },
    });
  });

  it("keeps block progress while it sheds everything else", () => {
    const { text } = encodeStateWithin(state, 1);
    expect(text).toBe("");
    const tight = encodeStateWithin({ ...state, viewed: [], quizzes: {}, checks: {} }, 260);
    expect(decodeState(tight.text)?.blocks).toEqual(state.blocks);
  });

  it("uses only URI-safe printable ASCII", () => {
    expect(encodeState(state)).toMatch(/^[A-Za-z0-9+\-$]+$/);
  });

  it("reports no state, garbage and oversized state instead of guessing (issue 12 §3)", () => {
    expect(readState("")).toEqual({ kind: "none" });
    for (const text of ["not compressed at all", packed("just a string"), packed({ p: "page" }), packed({ v: 0 })])
      expect(readState(text)).toEqual({ kind: "unreadable", reason: "garbage" });
    expect(readState(packed({ v: 2, w: [] }))).toEqual({ kind: "unreadable", reason: "garbage" });
    // A 20 MB document is refused before it is decompressed.
    const huge = "A".repeat(20 * 1024 * 1024);
    const started = performance.now();
    expect(readState(huge)).toEqual({ kind: "unreadable", reason: "too-large" });
    expect(performance.now() - started).toBeLessThan(50);
    expect(readState("A".repeat(MAX_STATE_CHARS + 1))).toEqual({ kind: "unreadable", reason: "too-large" });
    expect(decodeState("not compressed at all")).toBeUndefined();
  });

  it("refuses state a newer version saved, so the runtime keeps it untouched", () => {
    const newer = packed({ v: STATE_VERSION + 1, p: "intro", future: { shape: "unknown" } });
    expect(readState(newer)).toEqual({ kind: "newer", version: STATE_VERSION + 1 });
    expect(decodeState(newer)).toBeUndefined();
  });

  it("migrates state format 1 (Coursepack 0.1.0): every answer kept, its answer key unknown", () => {
    const saved = readState(V1_STARTER);
    expect(saved.kind).toBe("ok");
    if (saved.kind !== "ok") return;
    expect(saved.version).toBe(1);
    expect(saved.state).toEqual({
      page: "welcome",
      viewed: ["welcome", "writing-lessons"],
      quizzes: {
        "check-your-understanding": {
          attempt: 2,
          drawn: ["outline-order", "lesson-parts", "checks-count"],
          orders: {},
          answers: { "outline-order": { kind: "choices", ids: ["the-outline-list-in-course-yml"] } },
          submitted: false,
          best: 33.33,
        },
      },
      checks: { "where-do-lessons-live": { kind: "choices", ids: ["in-the-yaml-block-at-the-top-of-the-lesson"] } },
      keys: { "outline-order": "", "where-do-lessons-live": "" },
      completed: false,
    });
  });

  it("the frozen format-1 encoder the browser tests use writes what 0.1.0 wrote", () => {
    const v1 = readState(V1_STARTER);
    if (v1.kind !== "ok") throw new Error("fixture unreadable");
    const { keys: _, ...rest } = v1.state;
    expect(encodeStateV1(rest)).toBe(V1_STARTER);
    // Every response kind survives the migration.
    const all = encodeStateV1({ ...rest, checks: state.checks, quizzes: { final: state.quizzes.final! } });
    const migrated = decodeState(all)!;
    expect(migrated.checks).toEqual(state.checks);
    expect(migrated.quizzes.final!.answers).toEqual(state.quizzes.final!.answers);
  });

  it("carries fields of a newer minor format through untouched", () => {
    const withNotes = packed({ v: STATE_VERSION, p: "intro", w: ["intro"], q: {}, c: {}, d: 0, n: { tabs: [1, 2] } });
    const decoded = decodeState(withNotes)!;
    expect(decoded.extra).toEqual({ n: { tabs: [1, 2] } });
    const again = JSON.parse(LZString.decompressFromEncodedURIComponent(encodeState(decoded)));
    expect(again.n).toEqual({ tabs: [1, 2] });
  });

  it("sheds detail to fit a limit, bookmark and results last", () => {
    const full = encodeState(state).length;
    const { text, shed } = encodeStateWithin(state, full - 1);
    expect(shed).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(full);
    const decoded = decodeState(text)!;
    expect(decoded.page).toBe("metrics");
    expect(decoded.checks).toEqual({});
    const minimal = decodeState(encodeStateWithin({ ...state, blocks: {} }, 80).text)!;
    expect(minimal).toMatchObject({ page: "metrics", quizzes: {}, viewed: [], passedWith: 87.5 });
  });
});
