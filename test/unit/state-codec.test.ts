import { describe, expect, it } from "vitest";
import type { LearnerState } from "../../src/shared/learner.js";
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
};

describe("learner state codec", () => {
  it("round-trips every field", () => {
    expect(decodeState(encodeState(state))).toEqual(state);
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
