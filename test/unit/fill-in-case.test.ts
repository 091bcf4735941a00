// @vitest-environment happy-dom
/**
 * A fill-in answer that ignores case folds it by the course's language (the page's `lang`), never
 * by the learner's browser: the same typed answer scores the same for every learner.
 */
import { afterEach, describe, expect, it } from "vitest";
import { evaluate } from "../../src/runtime/quiz/types/index.js";
import type { QuestionData } from "../../src/shared/course-data.js";

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
