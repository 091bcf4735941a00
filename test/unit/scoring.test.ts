/** Scoring of every question type, including partial credit and edge cases. */
import { describe, expect, it } from "vitest";
import type { QuestionData } from "../../src/shared/course-data.js";
import { evaluate } from "../../src/runtime/quiz/types/index.js";
import { parseNumber } from "../../src/runtime/quiz/types/numeric.js";

const base = { text: "Q", graded: true, weight: 1, parent: "quiz" };
const single: QuestionData = {
  ...base,
  id: "s",
  type: "single",
  partialCredit: false,
  choices: [
    { id: "a", text: "A", correct: true },
    { id: "b", text: "B", correct: false },
  ],
};
const multiple = (partialCredit: boolean): QuestionData => ({
  ...base,
  id: "m",
  type: "multiple",
  partialCredit,
  choices: [
    { id: "a", text: "A", correct: true },
    { id: "b", text: "B", correct: true },
    { id: "c", text: "C", correct: false },
    { id: "d", text: "D", correct: true },
  ],
});

describe("scoring", () => {
  it("single choice: the correct choice only", () => {
    expect(evaluate(single, { kind: "choices", ids: ["a"] })).toEqual({ score: 1, result: "correct" });
    expect(evaluate(single, { kind: "choices", ids: ["b"] })).toEqual({ score: 0, result: "incorrect" });
    expect(evaluate(single, { kind: "choices", ids: ["a", "b"] }).score).toBe(0);
  });

  it("multiple response: all or nothing by default", () => {
    expect(evaluate(multiple(false), { kind: "choices", ids: ["a", "b", "d"] }).result).toBe("correct");
    expect(evaluate(multiple(false), { kind: "choices", ids: ["a", "b"] }).result).toBe("incorrect");
    expect(evaluate(multiple(false), { kind: "choices", ids: ["a", "b", "c", "d"] }).result).toBe("incorrect");
  });

  it("multiple response with partial credit: right minus wrong, never below zero", () => {
    expect(evaluate(multiple(true), { kind: "choices", ids: ["a", "b"] })).toEqual({ score: 2 / 3, result: "partial" });
    expect(evaluate(multiple(true), { kind: "choices", ids: ["a", "c"] })).toEqual({ score: 0, result: "incorrect" });
    expect(evaluate(multiple(true), { kind: "choices", ids: ["c"] }).score).toBe(0);
  });

  it("true/false", () => {
    const q: QuestionData = { ...base, id: "t", type: "true-false", answer: false };
    expect(evaluate(q, { kind: "boolean", value: false }).result).toBe("correct");
    expect(evaluate(q, { kind: "boolean", value: true }).result).toBe("incorrect");
  });

  it("fill-in: any accepted answer, spaces normalised, case per setting", () => {
    const q = (caseSensitive: boolean): QuestionData => ({
      ...base,
      id: "f",
      type: "fill-in",
      caseSensitive,
      answers: ["Pipeline coverage", "coverage ratio"],
    });
    expect(evaluate(q(false), { kind: "text", value: "  pipeline   COVERAGE " }).result).toBe("correct");
    expect(evaluate(q(false), { kind: "text", value: "Coverage ratio" }).result).toBe("correct");
    expect(evaluate(q(true), { kind: "text", value: "pipeline coverage" }).result).toBe("incorrect");
    expect(evaluate(q(true), { kind: "text", value: "Pipeline  coverage" }).result).toBe("correct");
    expect(evaluate(q(false), { kind: "text", value: "pipeline" }).result).toBe("incorrect");
  });

  it("numeric: inclusive range, floating-point safe", () => {
    const q: QuestionData = { ...base, id: "n", type: "numeric", min: 0.3, max: 0.3 };
    expect(evaluate(q, { kind: "number", value: 0.1 + 0.2 }).result).toBe("correct");
    const range: QuestionData = { ...base, id: "r", type: "numeric", min: 10, max: 20 };
    expect(evaluate(range, { kind: "number", value: 10 }).result).toBe("correct");
    expect(evaluate(range, { kind: "number", value: 20 }).result).toBe("correct");
    expect(evaluate(range, { kind: "number", value: 20.01 }).result).toBe("incorrect");
  });

  it("numeric input accepts comma decimals and rejects words", () => {
    expect(parseNumber("3,5")).toBe(3.5);
    expect(parseNumber(" 1 000 ")).toBe(1000);
    expect(parseNumber("-2.5e3")).toBe(-2500);
    expect(parseNumber("ten")).toBeUndefined();
    expect(parseNumber("")).toBeUndefined();
  });

  it("numeric input reads grouping and decimal marks as the course's language writes them", () => {
    // Unambiguous in every language: both marks, a repeated mark, or not three digits after one.
    for (const locale of ["en", "de", "fr"]) {
      expect(parseNumber("1,234.5", locale)).toBe(1234.5);
      expect(parseNumber("1.234,5", locale)).toBe(1234.5);
      expect(parseNumber("1,000,000", locale)).toBe(1_000_000);
      expect(parseNumber("1.000.000", locale)).toBe(1_000_000);
      expect(parseNumber("3,5", locale)).toBe(3.5);
      expect(parseNumber("0,125", locale)).toBe(0.125);
      expect(parseNumber("1'000", locale)).toBe(1000);
      expect(parseNumber("\u22122,5", locale)).toBe(-2.5);
      expect(parseNumber("1,2,3.4,5", locale)).toBeUndefined();
      expect(parseNumber("1.2.3,4.5", locale)).toBeUndefined();
    }
    // One mark before three digits: English groups with ",", German and French with ".".
    expect(parseNumber("1,000", "en")).toBe(1000);
    expect(parseNumber("1.000", "en")).toBe(1);
    expect(parseNumber("1.000", "de")).toBe(1000);
    expect(parseNumber("1,000", "de")).toBe(1);
    expect(parseNumber("2,500", "fr")).toBe(2.5);
  });

  it("matching: all pairs, or a share of them with partial credit", () => {
    const q = (partialCredit: boolean): QuestionData => ({
      ...base,
      id: "mt",
      type: "matching",
      partialCredit,
      distractors: [],
      pairs: [
        ["a", "1"],
        ["b", "2"],
        ["c", "3"],
        ["d", "4"],
      ].map(([s, t]) => ({ source: s!, sourceText: s!, target: t!, targetText: t! })),
    });
    const three: [string, string][] = [
      ["a", "1"],
      ["b", "2"],
      ["c", "3"],
      ["d", "3"],
    ];
    expect(evaluate(q(false), { kind: "pairs", pairs: three }).result).toBe("incorrect");
    expect(evaluate(q(true), { kind: "pairs", pairs: three })).toEqual({ score: 0.75, result: "partial" });
    expect(
      evaluate(q(false), {
        kind: "pairs",
        pairs: [
          ["a", "1"],
          ["b", "2"],
          ["c", "3"],
          ["d", "4"],
        ],
      }).result,
    ).toBe("correct");
  });

  it("sequencing: the exact order", () => {
    const q: QuestionData = {
      ...base,
      id: "sq",
      type: "sequencing",
      items: ["x", "y", "z"].map((id) => ({ id, text: id })),
    };
    expect(evaluate(q, { kind: "order", ids: ["x", "y", "z"] }).result).toBe("correct");
    expect(evaluate(q, { kind: "order", ids: ["x", "z", "y"] }).result).toBe("incorrect");
  });

  it("likert: neutral, never scored", () => {
    const q: QuestionData = {
      ...base,
      graded: false,
      id: "l",
      type: "likert",
      scale: [
        { id: "lo", text: "Low" },
        { id: "hi", text: "High" },
      ],
    };
    expect(evaluate(q, { kind: "choices", ids: ["hi"] })).toEqual({ score: 0, result: "neutral" });
  });
});
