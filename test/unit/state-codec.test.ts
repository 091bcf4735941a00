import { describe, expect, it } from "vitest";
import type { LearnerState } from "../../src/shared/learner.js";
import LZString from "lz-string";
import { decodeState, encodeState, encodeStateWithin } from "../../src/shared/state-codec.js";

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
  completed: false,
  blocks: {
    tabs1: { kind: "seen", seen: 0b101 },
    // Bit 31 set: the unsigned 32-bit value survives the round trip.
    video1: { kind: "seen", seen: 2 ** 31 + 1 },
    coaching: { kind: "scenario", at: 3, run: 2, ended: true, best: 80 },
    unscored: { kind: "scenario", at: 0, run: 1, ended: false },
  },
};

describe("learner state codec", () => {
  it("round-trips every field", () => {
    expect(decodeState(encodeState(state))).toEqual(state);
  });

  it("adds block progress as an optional key that older states lack and older decoders ignore", () => {
    const { blocks: _blocks, ...withoutBlocks } = state;
    expect(decodeState(encodeState(withoutBlocks))).toEqual(withoutBlocks);
    const packed = JSON.parse(LZString.decompressFromEncodedURIComponent(encodeState(state))) as Record<
      string,
      unknown
    >;
    expect(packed.v).toBe(1);
    expect(packed.b).toEqual({ tabs1: 5, video1: 2 ** 31 + 1, coaching: [3, 2, 1, 80], unscored: [0, 1, 0] });
  });

  it("keeps block progress while it sheds everything else", () => {
    const { text } = encodeStateWithin(state, 1);
    expect(text).toBe("");
    const tight = encodeStateWithin({ ...state, viewed: [], quizzes: {}, checks: {} }, 200);
    expect(decodeState(tight.text)?.blocks).toEqual(state.blocks);
  });

  it("uses only URI-safe printable ASCII", () => {
    expect(encodeState(state)).toMatch(/^[A-Za-z0-9+\-$]+$/);
  });

  it("treats garbage and other versions as no state", () => {
    expect(decodeState("")).toBeUndefined();
    expect(decodeState("not compressed at all")).toBeUndefined();
  });

  it("sheds detail to fit a limit, bookmark last", () => {
    const full = encodeState(state).length;
    const { text, shed } = encodeStateWithin(state, full - 1);
    expect(shed).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(full);
    const decoded = decodeState(text)!;
    expect(decoded.page).toBe("metrics");
    expect(decoded.checks).toEqual({});
  });
});
