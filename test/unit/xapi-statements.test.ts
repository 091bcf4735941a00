/**
 * Statement building for every question type and Response kind: interaction definitions in xAPI's
 * response syntax, results, stable IRIs, exact verb IRIs — each statement checked by Learning
 * Locker's validator with zero warnings.
 */
import { describe, expect, it } from "vitest";
import type { CourseData, QuestionData } from "../../src/shared/course-data.js";
import type { AnsweredQuestion } from "../../src/shared/learner.js";
import { encodeResponse, interactionDefinition } from "../../src/runtime/tracking/xapi/interaction.js";
import {
  answeredParts,
  courseActivity,
  courseScore,
  extendContext,
  isoDuration,
  lessonActivity,
  makeStatement,
  quizActivity,
  uuid,
} from "../../src/runtime/tracking/xapi/statements.js";
import { VERBS } from "../../src/shared/xapi-vocabulary.js";
import { expectValidStatements, statementWarnings } from "../support/xapi-validation.js";

const base = { graded: true, weight: 2, parent: "final" };
const questions: QuestionData[] = [
  {
    ...base,
    id: "q-single",
    type: "single",
    text: "Pick one",
    partialCredit: false,
    choices: [
      { id: "a", text: "A", correct: true },
      { id: "b", text: "B", correct: false },
    ],
  },
  {
    ...base,
    id: "q-multiple",
    type: "multiple",
    text: "Pick some",
    partialCredit: true,
    choices: [
      { id: "a", text: "A", correct: true },
      { id: "b", text: "B", correct: true },
      { id: "c", text: "C", correct: false },
    ],
  },
  { ...base, id: "q-tf", type: "true-false", text: "True?", answer: false },
  {
    ...base,
    id: "q-fill",
    type: "fill-in",
    text: "Capital of France?",
    answers: ["Paris", "{Paris}"],
    caseSensitive: false,
  },
  { ...base, id: "q-fill-case", type: "fill-in", text: "Symbol of sodium?", answers: ["Na"], caseSensitive: true },
  { ...base, id: "q-num", type: "numeric", text: "Pi to 2 places?", min: 3.14, max: 3.15 },
  { ...base, id: "q-num-exact", type: "numeric", text: "2+2?", min: 4, max: 4 },
  {
    ...base,
    id: "q-match",
    type: "matching",
    text: "Match",
    partialCredit: false,
    distractors: [],
    pairs: [
      { source: "s1", sourceText: "Dog", target: "t1", targetText: "Bark" },
      { source: "s2", sourceText: "Cat", target: "t2", targetText: "Meow" },
    ],
  },
  {
    ...base,
    id: "q-seq",
    type: "sequencing",
    text: "Order",
    items: [
      { id: "first", text: "1" },
      { id: "second", text: "2" },
    ],
  },
  {
    ...base,
    id: "q-likert",
    type: "likert",
    text: "How useful?",
    graded: false,
    scale: [
      { id: "low", text: "Low" },
      { id: "high", text: "High" },
    ],
  },
];

const course = {
  id: "sales",
  title: "Sales",
  language: "en-GB",
  activityId: "https://learning.example.com/courses/sales",
  pages: [{ id: "intro", kind: "lesson", title: "Intro", minutes: 5, checks: [] }],
  quizzes: { final: { id: "final", title: "Final quiz" } },
  questions: Object.fromEntries(questions.map((q) => [q.id, q])),
  tracking: { interactions: true },
} as unknown as CourseData;

function answer(id: string, over: Partial<AnsweredQuestion>): AnsweredQuestion {
  const q = course.questions[id]!;
  return {
    questionId: id,
    quizId: "final",
    attempt: 1,
    type: q.type,
    text: q.text,
    result: "correct",
    score: 1,
    weight: 2,
    latencyMs: 65_430,
    timestamp: new Date(),
    options: [],
    response: { kind: "choices", ids: [] },
    ...over,
  };
}

const answers: Record<string, AnsweredQuestion> = {
  "q-single": answer("q-single", {
    response: { kind: "choices", ids: ["a"] },
    correct: [{ kind: "choices", ids: ["a"] }],
    options: [
      { id: "a", text: "A" },
      { id: "b", text: "B" },
    ],
  }),
  "q-multiple": answer("q-multiple", {
    response: { kind: "choices", ids: ["a", "c"] },
    correct: [{ kind: "choices", ids: ["a", "b"] }],
    result: "partial",
    score: 0.5,
    options: [
      { id: "a", text: "A" },
      { id: "b", text: "B" },
      { id: "c", text: "C" },
    ],
  }),
  "q-tf": answer("q-tf", {
    response: { kind: "boolean", value: true },
    correct: [{ kind: "boolean", value: false }],
    result: "incorrect",
    score: 0,
  }),
  "q-fill": answer("q-fill", {
    response: { kind: "text", value: "paris" },
    correct: [
      { kind: "text", value: "Paris" },
      { kind: "text", value: "{Paris}" },
    ],
  }),
  "q-fill-case": answer("q-fill-case", {
    response: { kind: "text", value: "Na" },
    correct: [{ kind: "text", value: "Na" }],
  }),
  "q-num": answer("q-num", {
    response: { kind: "number", value: 3.145 },
    correct: [{ kind: "range", min: 3.14, max: 3.15 }],
  }),
  "q-num-exact": answer("q-num-exact", {
    response: { kind: "number", value: 4 },
    correct: [{ kind: "range", min: 4, max: 4 }],
  }),
  "q-match": answer("q-match", {
    response: {
      kind: "pairs",
      pairs: [
        ["s1", "t2"],
        ["s2", "t1"],
      ],
    },
    correct: [
      {
        kind: "pairs",
        pairs: [
          ["s1", "t1"],
          ["s2", "t2"],
        ],
      },
    ],
    result: "incorrect",
    score: 0,
    options: [
      { id: "s1", text: "Dog", group: "source" },
      { id: "s2", text: "Cat", group: "source" },
      { id: "t1", text: "Bark", group: "target" },
      { id: "t2", text: "Meow", group: "target" },
    ],
  }),
  "q-seq": answer("q-seq", {
    response: { kind: "order", ids: ["first", "second"] },
    correct: [{ kind: "order", ids: ["first", "second"] }],
    options: [
      { id: "first", text: "1" },
      { id: "second", text: "2" },
    ],
  }),
  "q-likert": answer("q-likert", {
    response: { kind: "choices", ids: ["high"] },
    result: "neutral",
    score: 0,
    options: [
      { id: "low", text: "Low" },
      { id: "high", text: "High" },
    ],
  }),
};

const actor = { objectType: "Agent" as const, account: { homePage: "https://lms.example.com", name: "jane" } };
const context = { registration: uuid(), contextActivities: { parent: [quizActivity(course, "final")] } };

describe("answered statements for every question type", () => {
  const definitions = Object.fromEntries(Object.values(answers).map((a) => [a.questionId, answeredParts(course, a)]));

  it("pass the validator with zero warnings", () => {
    expectValidStatements(
      Object.values(definitions).map(({ object, result }) =>
        makeStatement(actor, VERBS.answered, object, { result, context }),
      ),
    );
  });

  it("use the xAPI interaction types and response patterns", () => {
    const summary = Object.fromEntries(
      Object.entries(definitions).map(([id, { object, result }]) => [
        id,
        {
          type: object.definition?.interactionType,
          pattern: object.definition?.correctResponsesPattern,
          response: result.response,
        },
      ]),
    );
    expect(summary).toEqual({
      "q-single": { type: "choice", pattern: ["a"], response: "a" },
      "q-multiple": { type: "choice", pattern: ["a[,]b"], response: "a[,]c" },
      "q-tf": { type: "true-false", pattern: ["false"], response: "true" },
      "q-fill": { type: "fill-in", pattern: ["Paris", "{case_matters=false}{Paris}"], response: "paris" },
      "q-fill-case": { type: "fill-in", pattern: ["{case_matters=true}Na"], response: "Na" },
      "q-num": { type: "numeric", pattern: ["3.14[:]3.15"], response: "3.145" },
      "q-num-exact": { type: "numeric", pattern: ["4"], response: "4" },
      "q-match": { type: "matching", pattern: ["s1[.]t1[,]s2[.]t2"], response: "s1[.]t2[,]s2[.]t1" },
      "q-seq": { type: "sequencing", pattern: ["first[,]second"], response: "first[,]second" },
      "q-likert": { type: "likert", pattern: undefined, response: "high" },
    });
  });

  it("describe the components each type needs in the course language", () => {
    expect(definitions["q-single"]!.object.definition!.choices).toEqual([
      { id: "a", description: { "en-GB": "A" } },
      { id: "b", description: { "en-GB": "B" } },
    ]);
    expect(definitions["q-likert"]!.object.definition!.scale).toHaveLength(2);
    expect(definitions["q-match"]!.object.definition!.source!.map((c) => c.id)).toEqual(["s1", "s2"]);
    expect(definitions["q-match"]!.object.definition!.target!.map((c) => c.id)).toEqual(["t1", "t2"]);
    expect(definitions["q-seq"]!.object.definition!.choices!.map((c) => c.id)).toEqual(["first", "second"]);
    expect(definitions["q-tf"]!.object.definition!.choices).toBeUndefined();
  });

  it("report success, a weighted score and the latency; surveys report no judgement", () => {
    expect(definitions["q-multiple"]!.result).toEqual({
      response: "a[,]c",
      duration: "PT1M5.43S",
      success: false,
      score: { scaled: 0.5, raw: 1, min: 0, max: 2 },
    });
    expect(definitions["q-single"]!.result).toMatchObject({ success: true, score: { scaled: 1, raw: 2 } });
    expect(definitions["q-likert"]!.result).toEqual({ response: "high", duration: "PT1M5.43S" });
  });

  it("derive stable activity ids from the course IRI and element ids", () => {
    expect(definitions["q-single"]!.object.id).toBe("https://learning.example.com/courses/sales/questions/q-single");
    expect(answeredParts(course, answers["q-single"]!).object.id).toBe(definitions["q-single"]!.object.id);
    expect(lessonActivity(course, course.pages[0]!).id).toBe(
      "https://learning.example.com/courses/sales/lessons/intro",
    );
    expect(quizActivity(course, "final").id).toBe("https://learning.example.com/courses/sales/quizzes/final");
    const urnCourse = { ...course, activityId: "urn:coursepack:sales" };
    expect(lessonActivity(urnCourse, course.pages[0]!).id).toBe("urn:coursepack:sales/lessons/intro");
  });

  it("encode every Response kind", () => {
    expect(encodeResponse({ kind: "choices", ids: [] })).toBe("");
    expect(encodeResponse({ kind: "number", value: 0.1 + 0.2 })).toBe("0.3");
    expect(encodeResponse({ kind: "number", value: -12 })).toBe("-12");
    expect(encodeResponse({ kind: "boolean", value: false })).toBe("false");
    expect(encodeResponse({ kind: "pairs", pairs: [] })).toBe("");
    expect(encodeResponse({ kind: "range", min: -1, max: 2.5 })).toBe("-1[:]2.5");
  });

  it("fall back to the answer's own data when the course no longer knows the question", () => {
    expect(interactionDefinition(answers["q-fill"]!, undefined, "en").correctResponsesPattern).toEqual([
      "Paris",
      "{case_matters=false}{Paris}",
    ]);
  });
});

describe("course statements", () => {
  const courseObject = courseActivity(course.activityId, course);
  const statements = [
    makeStatement(actor, VERBS.initialized, courseObject, { context }),
    makeStatement(actor, VERBS.experienced, lessonActivity(course, course.pages[0]!), { context }),
    makeStatement(actor, VERBS.passed, courseObject, {
      result: { success: true, completion: true, score: courseScore(83.33), duration: isoDuration(3_723_450) },
      context,
    }),
    makeStatement(actor, VERBS.failed, courseObject, {
      result: { success: false, completion: false, score: courseScore(0), duration: isoDuration(0) },
      context,
    }),
    makeStatement(actor, VERBS.completed, courseObject, {
      result: { completion: true, duration: isoDuration(999) },
      context,
    }),
    makeStatement(actor, VERBS.terminated, courseObject, { result: { duration: isoDuration(61_000) }, context }),
  ];

  it("pass the validator with zero warnings", () => expectValidStatements(statements));

  it("use the exact ADL verb IRIs", () => {
    expect(statements.map((s) => s.verb.id)).toEqual(
      ["initialized", "experienced", "passed", "failed", "completed", "terminated"].map(
        (v) => `http://adlnet.gov/expapi/verbs/${v}`,
      ),
    );
  });

  it("carry a fresh UUID and a UTC timestamp each", () => {
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    for (const s of statements) expect(s.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("send scaled, raw, min and max scores and ISO 8601 durations", () => {
    expect(courseScore(83.33)).toEqual({ scaled: 0.8333, raw: 83.33, min: 0, max: 100 });
    expect(courseScore(120)).toEqual({ scaled: 1, raw: 100, min: 0, max: 100 });
    expect(isoDuration(3_723_450)).toBe("PT1H2M3.45S");
    expect(isoDuration(0)).toBe("PT0S");
    expect(isoDuration(3_600_000)).toBe("PT1H");
    expect(statementWarnings({ ...statements[0], result: { duration: isoDuration(3_600_000) } })).toEqual([]);
  });
});

describe("extendContext (cmi5 contextTemplate)", () => {
  const template = {
    contextActivities: { grouping: [{ objectType: "Activity" as const, id: "https://publisher.example/au" }] },
    extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1" },
    registration: "keep-me",
  };

  it("adds to the template without overwriting or dropping any of its values", () => {
    const merged = extendContext(template, {
      registration: "other",
      contextActivities: {
        grouping: [{ id: "https://publisher.example/au" }, { id: "https://x/y" }],
        category: [{ id: "https://c" }],
      },
      extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-2", "https://e": 1 },
    });
    expect(merged).toEqual({
      registration: "keep-me",
      contextActivities: {
        grouping: [{ objectType: "Activity", id: "https://publisher.example/au" }, { id: "https://x/y" }],
        category: [{ id: "https://c" }],
      },
      extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1", "https://e": 1 },
    });
    expect(template.contextActivities.grouping).toHaveLength(1);
  });
});
