/** Question banks: seeded draws and shuffles are reproducible and respect each bank's count. */
import { describe, expect, it } from "vitest";
import type { QuizData } from "../../src/shared/course-data.js";
import { drawQuestions, seededRandom, shuffle } from "../../src/runtime/quiz/draw.js";

const quiz = (shuffleQuestions: boolean): QuizData => ({
  id: "q",
  title: "Q",
  passingScore: 80,
  attempts: 0,
  feedback: "end",
  review: true,
  shuffleChoices: false,
  shuffleQuestions,
  weight: 1,
  banks: [
    { id: "a", draw: 2, questions: ["a1", "a2", "a3", "a4", "a5"] },
    { id: "b", draw: 3, questions: ["b1", "b2", "b3"] },
  ],
});

describe("draws", () => {
  it("draws each bank's count, in authored order unless shuffled", () => {
    const drawn = drawQuestions(quiz(false), seededRandom(42));
    expect(drawn).toHaveLength(5);
    expect(drawn.filter((id) => id.startsWith("a"))).toHaveLength(2);
    expect(drawn.slice(2)).toEqual(["b1", "b2", "b3"]);
    const a = drawn.slice(0, 2);
    expect([...a].sort()).toEqual(a);
  });

  it("is reproducible for a seed and varies across seeds", () => {
    expect(drawQuestions(quiz(true), seededRandom(7))).toEqual(drawQuestions(quiz(true), seededRandom(7)));
    const seen = new Set(Array.from({ length: 20 }, (_, i) => drawQuestions(quiz(true), seededRandom(i)).join()));
    expect(seen.size).toBeGreaterThan(10);
  });

  it("shuffles without losing or duplicating items", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = shuffle(items, seededRandom(3));
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
  });
});
