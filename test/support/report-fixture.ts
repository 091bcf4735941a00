/**
 * A small course and learner scripts for the report's tests. COURSE is the compiled data of
 * test/fixtures/report/geo (a unit test keeps the two equal), written out so tests need no build. Statements are made by the
 * runtime's own statement builders (src/runtime/tracking/xapi/statements.ts), so the report is
 * tested against exactly what packages send. The figures these scripts produce are worked out by
 * hand in the tests.
 */
import type { CourseData } from "../../src/shared/course-data.js";
import type { AnsweredQuestion, Response } from "../../src/shared/learner.js";
import { VERBS } from "../../src/shared/xapi-vocabulary.js";
import {
  answeredParts,
  courseActivity,
  courseScore,
  lessonActivity,
  makeStatement,
} from "../../src/runtime/tracking/xapi/statements.js";
import { reportCourse, type ReportCourse } from "../../src/report/course.js";

export const IRI = "https://learning.example.com/courses/geo";

export const COURSE: CourseData = {
  schema: 1,
  id: "geo",
  title: "Geography",
  version: "1.0.0",
  contentHash: "0000000",
  navigation: "free",
  blocks: {},
  language: "en",
  direction: "ltr",
  passingScore: 60,
  completion: "lessons-and-quiz",
  scoreCombination: "weighted-average",
  pages: [
    { id: "rivers", kind: "lesson", title: "Rivers", minutes: 5, checks: [], blocks: [], requires: [] },
    { id: "capitals", kind: "lesson", title: "Capitals", minutes: 8, checks: [], blocks: [], requires: [] },
    { id: "quiz", kind: "quiz", title: "Final quiz", minutes: 3, checks: [], blocks: [], requires: [] },
  ],
  quizzes: {
    quiz: {
      id: "quiz",
      title: "Final quiz",
      passingScore: 60,
      attempts: 2,
      feedback: "end",
      review: true,
      shuffleChoices: false,
      shuffleQuestions: false,
      weight: 1,
      banks: [{ id: "quiz", draw: 3, questions: ["longest", "rhine", "capital"] }],
    },
  },
  questions: {
    longest: {
      id: "longest",
      type: "single",
      text: "Which river is the longest?",
      graded: true,
      weight: 1,
      parent: "quiz",
      partialCredit: false,
      choices: [
        { id: "nile", text: "Nile", correct: true },
        { id: "amazon", text: "Amazon", correct: false },
        { id: "danube", text: "Danube", correct: false },
        { id: "thames", text: "Thames", correct: false },
      ],
    },
    rhine: {
      id: "rhine",
      type: "true-false",
      text: "The Rhine flows into the North Sea.",
      graded: true,
      weight: 1,
      parent: "quiz",
      answer: true,
    },
    capital: {
      id: "capital",
      type: "fill-in",
      text: "The capital of France is ____.",
      graded: true,
      weight: 1,
      parent: "quiz",
      answers: ["Paris"],
      caseSensitive: false,
    },
  },
  strings: {},
  tracking: {
    scorm12Status: "passed-incomplete",
    exitWhenComplete: "suspend",
    interactions: true,
    commitSeconds: 60,
    navigationRequests: false,
  },
  activityId: IRI,
};

export function fixtureCourse(data: CourseData = COURSE): ReportCourse {
  return reportCourse(data, [
    { language: "en", activityId: IRI, courseId: "geo" },
    { language: "de", activityId: `${IRI}/de`, courseId: "geo-de" },
  ]);
}

/** One step of a learner's script, `at` minutes after the learner starts. */
export type Step = { at: number } & (
  | { start: true }
  | { end: true }
  | { lesson: string }
  | { answer: string; response: Response; score: number; seconds?: number }
  | { result: boolean; score: number }
  | { completed: true }
);

const T0 = Date.UTC(2026, 0, 5, 9);

/** The statements the runtime sends for a script, with timestamps from `at`. */
export function statementsOf(learner: string, steps: Step[], root = IRI): Record<string, unknown>[] {
  const actor = { objectType: "Agent" as const, name: learner, mbox: `mailto:${learner}@example.com` };
  const course = { ...COURSE, activityId: root };
  const courseObject = courseActivity(root, course);
  return steps.map((step) => {
    let statement: Record<string, unknown>;
    if ("start" in step) statement = { ...makeStatement(actor, VERBS.initialized, courseObject) };
    else if ("end" in step) statement = { ...makeStatement(actor, VERBS.terminated, courseObject) };
    else if ("lesson" in step)
      statement = {
        ...makeStatement(
          actor,
          VERBS.experienced,
          lessonActivity(course, course.pages.find((p) => p.id === step.lesson)!),
        ),
      };
    else if ("answer" in step) {
      const q = course.questions[step.answer]!;
      const answer: AnsweredQuestion = {
        questionId: q.id,
        quizId: "quiz",
        attempt: 1,
        type: q.type,
        text: q.text,
        response: step.response,
        result: step.score === 1 ? "correct" : "incorrect",
        score: step.score,
        weight: q.weight,
        latencyMs: (step.seconds ?? 10) * 1000,
        timestamp: new Date(),
        options: q.type === "single" ? q.choices.map((c) => ({ id: c.id, text: c.text })) : [],
      };
      const { object, result } = answeredParts(course, answer);
      statement = { ...makeStatement(actor, VERBS.answered, object, { result }) };
    } else if ("result" in step)
      statement = {
        ...makeStatement(actor, step.result ? VERBS.passed : VERBS.failed, courseObject, {
          result: { success: step.result, completion: step.result, score: courseScore(step.score) },
        }),
      };
    else statement = { ...makeStatement(actor, VERBS.completed, courseObject, { result: { completion: true } }) };
    statement.timestamp = new Date(T0 + step.at * 60_000).toISOString();
    return statement;
  });
}

const choice = (id: string): Response => ({ kind: "choices", ids: [id] });
const truth = (value: boolean): Response => ({ kind: "boolean", value });
const text = (value: string): Response => ({ kind: "text", value });

/**
 * Data set A: five learners, every question answered once.
 *   L1 nile ✓ true ✓ Paris ✓ (3)   L2 nile ✓ true ✓ Rome ✗ (2)   L3 amazon ✗ true ✓ Paris ✓ (2)
 *   L4 nile ✓ false ✗ Lyon ✗ (1)   L5 amazon ✗ false ✗ Rome ✗ (0)
 * L4 skips the second lesson. L1–L3 pass (60 %) and complete; L4 and L5 fail.
 */
export const ANSWERS_A: [string, Response, number][][] = [
  [
    ["longest", choice("nile"), 1],
    ["rhine", truth(true), 1],
    ["capital", text("Paris"), 1],
  ],
  [
    ["longest", choice("nile"), 1],
    ["rhine", truth(true), 1],
    ["capital", text("Rome"), 0],
  ],
  [
    ["longest", choice("amazon"), 0],
    ["rhine", truth(true), 1],
    ["capital", text("Paris"), 1],
  ],
  [
    ["longest", choice("nile"), 1],
    ["rhine", truth(false), 0],
    ["capital", text("Lyon"), 0],
  ],
  [
    ["longest", choice("amazon"), 0],
    ["rhine", truth(false), 0],
    ["capital", text("Rome"), 0],
  ],
];

/** Learner n's script for data set A: start, lessons (5 and 7 minutes), quiz, result, end. */
export function scriptA(n: number): Step[] {
  const answers = ANSWERS_A[n]!;
  const total = answers.reduce((s, [, , score]) => s + score, 0);
  const score = Math.round((total / 3) * 10000) / 100;
  const steps: Step[] = [
    { at: 0, start: true },
    { at: 0, lesson: "rivers" },
  ];
  if (n !== 3) steps.push({ at: 5, lesson: "capitals" });
  for (const [i, [answer, response, s]] of answers.entries())
    steps.push({ at: 12 + i * 0.1, answer, response, score: s, seconds: 10 * (i + 1) });
  steps.push({ at: 12.5, result: score >= 60, score });
  if (score >= 60 && n !== 3) steps.push({ at: 12.5, completed: true });
  steps.push({ at: 13, end: true });
  return steps;
}
