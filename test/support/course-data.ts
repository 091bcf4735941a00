/** Hand-built course data for runtime unit tests: one quiz and one course frame, overridden per test. */
import type { CourseData, QuizData } from "../../src/shared/course-data.js";
import { DEFAULT_TRACKING } from "./tracking.js";

/** A quiz of one bank drawing one question (`<id>-q` unless `banks` says otherwise). */
export function quizData(id: string, overrides: Partial<QuizData> = {}): QuizData {
  return {
    id,
    title: id,
    passingScore: 80,
    attempts: 0,
    feedback: "end",
    review: true,
    shuffleChoices: false,
    shuffleQuestions: false,
    weight: 1,
    banks: [{ id, draw: 1, questions: [`${id}-q`] }],
    ...overrides,
  };
}

type CourseFrame = Omit<CourseData, "pages" | "quizzes" | "questions" | "completion" | "scoreCombination">;

/** Everything of a course but its pages, quizzes, questions and rules, with the defaults a build gives. */
export function courseFrame(overrides: Partial<CourseFrame> = {}): CourseFrame {
  return {
    schema: 1,
    id: "c",
    title: "C",
    version: "1",
    language: "en",
    direction: "ltr",
    passingScore: 80,
    strings: {},
    activityId: "urn:c",
    navigation: "free",
    blocks: {},
    tracking: DEFAULT_TRACKING,
    ...overrides,
  };
}
