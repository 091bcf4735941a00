// @vitest-environment happy-dom
/**
 * Typed answers are read, and shown back, by the course's language (the page's `lang`), never by
 * the learner's browser: the same typed answer scores the same for every learner. (parseNumber's
 * reading of decimal and grouping marks is in scoring.test.ts.)
 */
import { afterEach, describe, expect, it } from "vitest";
import { behaviourOf, evaluate } from "../../src/runtime/quiz/types/index.js";
import { parseNumber } from "../../src/runtime/quiz/types/numeric.js";
import type { QuestionData } from "../../src/shared/course-data.js";
import { plannedAnswer } from "../../src/tester/client/answers.js";

const city = (answer: string): QuestionData => ({
  text: "Which city?",
  graded: true,
  weight: 1,
  parent: "quiz",
  id: "city",
  type: "fill-in",
  caseSensitive: false,
  answers: [answer],
});
const numeric = (min: number, max: number): QuestionData => ({
  text: "How many?",
  graded: true,
  weight: 1,
  parent: "quiz",
  id: "n",
  type: "numeric",
  min,
  max,
});
const typed = (answer: string, value: string) => evaluate(city(answer), { kind: "text", value }).result;

afterEach(() => {
  document.documentElement.lang = "";
});

describe("a fill-in answer's case", () => {
  it("is folded by Turkish rules in a Turkish course: İ is the capital of i, I of ı", () => {
    document.documentElement.lang = "tr";
    expect(typed("istanbul", "İSTANBUL")).toBe("correct");
    expect(typed("ırmak", "IRMAK")).toBe("correct");
    expect(typed("istanbul", "ISTANBUL")).toBe("incorrect");
  });

  it("is folded by English rules in an English course, whatever the browser's language", () => {
    document.documentElement.lang = "en";
    expect(typed("istanbul", "ISTANBUL")).toBe("correct");
    expect(typed("Pipeline coverage", "PIPELINE COVERAGE")).toBe("correct");
  });
});

describe("a numeric answer in the review", () => {
  it("is written as the course's language writes numbers, without grouping", () => {
    document.documentElement.lang = "de";
    const b = behaviourOf(numeric(2.5, 2.5));
    expect(b.describe(numeric(2.5, 2.5), { kind: "number", value: 1822.5 }, (k) => k)).toBe("1822,5");
    expect(b.describeCorrect(numeric(2.5, 2.5), (k) => k)).toBe("2,5");
    document.documentElement.lang = "en";
    expect(b.describeCorrect(numeric(1000, 1200), (k) => k)).toBe("1000 – 1200");
  });
});

describe("the test robot's typed numbers", () => {
  it("read back as the number meant in the course's language", () => {
    for (const language of ["en", "de", "fr", "sv", "de-CH"])
      for (const value of [1.125, 2.5, 1000, 0.001, -3.75, 1822, 123456.5]) {
        const plan = plannedAnswer(numeric(value, value), true, language);
        expect(plan.kind).toBe("text");
        if (plan.kind === "text") expect([language, parseNumber(plan.value, language)]).toEqual([language, value]);
      }
  });
});
