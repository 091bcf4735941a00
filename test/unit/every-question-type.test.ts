// @vitest-environment happy-dom
/**
 * Every question type through every seam, driven by QUESTION_TYPES so a new type is walked too (and
 * EXAMPLES, a Record over the types, fails the typecheck until it has an authored example): the
 * authored YAML through the schema and the model, its template rendered into the page, the runtime
 * behaviour reading and scoring that markup, and each tracker's encoding of the answer — SCORM 1.2
 * and 2004 interaction writes accepted by scorm-again's strict runtime, the xAPI interaction accepted
 * by Learning Locker's statement rules.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { Scorm12API, Scorm2004API } from "scorm-again";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCourse, type CheckedCourse } from "../../src/compiler/pipeline.js";
import { questionKinds, questionSchema } from "../../src/compiler/questions/index.js";
import { renderCourse } from "../../src/compiler/render/index.js";
import { answeredQuestion, behaviourOf, evaluate } from "../../src/runtime/quiz/types/index.js";
import { INTERACTION_TYPES } from "../../src/runtime/tracking/interaction-types.js";
import type { ScormDataModel } from "../../src/runtime/tracking/scorm/data-model.js";
import { scorm12 } from "../../src/runtime/tracking/scorm/scorm12.js";
import { scorm2004 } from "../../src/runtime/tracking/scorm/scorm2004.js";
import { answeredParts, makeStatement, uuid } from "../../src/runtime/tracking/xapi/statements.js";
import { QUESTION_TYPES, type QuestionData, type QuestionType } from "../../src/shared/course-data.js";
import type { AnsweredQuestion, Response } from "../../src/shared/learner.js";
import { VERBS } from "../../src/shared/xapi-vocabulary.js";
import { oneQuizCourse, ROOT } from "../support/build.js";
import { statementWarnings } from "../support/xapi-validation.js";

interface Example {
  /** The question as an author writes it in a quiz file. */
  authored: Record<string, unknown>;
  /** What a learner who knows the answer gives (ids as the model derives them). */
  right: Response;
  /** A wrong answer; surveys have none. */
  wrong?: Response;
  /** `right` as each standard's response syntax writes it (SCORM RTE 4.2.9, xAPI 1.0.3 §2.4.4.1). */
  reported: { scorm12: string; scorm2004: string; xapi: string };
}

const EXAMPLES: Record<QuestionType, Example> = {
  single: {
    authored: {
      type: "single",
      prompt: "Which number shows pipeline health?",
      choices: [
        { id: "coverage", text: "Coverage against the remaining quota", correct: true },
        { id: "emails", text: "Emails sent" },
      ],
    },
    right: { kind: "choices", ids: ["coverage"] },
    wrong: { kind: "choices", ids: ["emails"] },
    reported: { scorm12: "a", scorm2004: "coverage", xapi: "coverage" },
  },
  multiple: {
    authored: {
      type: "multiple",
      prompt: "Which are leading indicators?",
      choices: [
        { id: "meetings", text: "Meetings booked", correct: true },
        { id: "opportunities", text: "Opportunities created", correct: true },
        { id: "revenue", text: "Revenue closed last quarter" },
      ],
    },
    right: { kind: "choices", ids: ["meetings", "opportunities"] },
    wrong: { kind: "choices", ids: ["revenue"] },
    reported: { scorm12: "a,b", scorm2004: "meetings[,]opportunities", xapi: "meetings[,]opportunities" },
  },
  "true-false": {
    authored: { type: "true-false", prompt: "Generic training covers forecasting in depth.", answer: false },
    right: { kind: "boolean", value: false },
    wrong: { kind: "boolean", value: true },
    reported: { scorm12: "f", scorm2004: "false", xapi: "false" },
  },
  "fill-in": {
    authored: { type: "fill-in", prompt: "Open pipeline divided by the remaining quota?", answers: ["coverage"] },
    right: { kind: "text", value: "Coverage" },
    wrong: { kind: "text", value: "conversion" },
    reported: { scorm12: "Coverage", scorm2004: "Coverage", xapi: "Coverage" },
  },
  numeric: {
    authored: { type: "numeric", prompt: "What is 15 % of 200?", answer: 30, tolerance: 0.5, unit: "deals" },
    right: { kind: "number", value: 30.25 },
    wrong: { kind: "number", value: 31 },
    reported: { scorm12: "30.25", scorm2004: "30.25", xapi: "30.25" },
  },
  matching: {
    authored: {
      type: "matching",
      prompt: "Match the driver to the reward.",
      pairs: [
        { source: "Money", target: "Commission" },
        { source: "Recognition", target: "Public praise" },
      ],
      distractors: ["A longer lunch"],
    },
    right: {
      kind: "pairs",
      pairs: [
        ["money", "commission"],
        ["recognition", "public-praise"],
      ],
    },
    wrong: {
      kind: "pairs",
      pairs: [
        ["money", "public-praise"],
        ["recognition", "a-longer-lunch"],
      ],
    },
    reported: {
      scorm12: "a.a,b.b",
      // 2004 identifiers are letters and digits (docs/scorm.md, Identifiers); xAPI keeps the ids.
      scorm2004: "money[.]commission[,]recognition[.]publicPraise",
      xapi: "money[.]commission[,]recognition[.]public-praise",
    },
  },
  sequencing: {
    authored: { type: "sequencing", prompt: "Order the stages.", items: ["Prospect", "Qualify", "Propose"] },
    right: { kind: "order", ids: ["prospect", "qualify", "propose"] },
    wrong: { kind: "order", ids: ["propose", "qualify", "prospect"] },
    reported: { scorm12: "a,b,c", scorm2004: "prospect[,]qualify[,]propose", xapi: "prospect[,]qualify[,]propose" },
  },
  likert: {
    authored: { type: "likert", prompt: "This quiz was useful.", scale: ["Not at all", "Somewhat", "Very"] },
    right: { kind: "choices", ids: ["very"] },
    reported: { scorm12: "c", scorm2004: "very", xapi: "very" },
  },
};

const idOf = (type: QuestionType) => `q-${type}`;
const authored = (type: QuestionType) => ({ id: idOf(type), ...EXAMPLES[type].authored });

let checked: CheckedCourse;
let page: Document;

beforeAll(async () => {
  const dir = await oneQuizCourse(
    "every-type",
    {
      id: "every-type",
      title: "Every question type",
      description: "One question of each type in a graded quiz.",
      formats: ["web", "scorm12", "scorm2004", "xapi", "cmi5"],
      activityId: "https://learning.example.com/courses/every-type",
    },
    { id: "quiz", title: "Every type", questions: QUESTION_TYPES.map(authored) },
  );
  checked = await checkCourse(dir);
  const rendered = await renderCourse(checked.model, checked.templates, checked.data);
  page = new DOMParser().parseFromString(rendered.page.toString(), "text/html");
});

/** The modelled question of a type, as the runtime receives it. */
function data(type: QuestionType): QuestionData {
  return checked.data.questions[idOf(type)]!;
}

/** The answer a tracker receives for a response, as the quiz reports it. */
function answered(q: QuestionData, response: Response): AnsweredQuestion {
  const at = { quizId: "quiz", attempt: 2, latencyMs: 12_340, timestamp: new Date("2026-01-02T03:04:05Z") };
  return answeredQuestion(q, response, evaluate(q, response), at);
}

type ScormApi = Record<string, (...args: string[]) => string>;

/** Performs an adapter's interaction writes on scorm-again's strict LMS side; returns each refusal. */
function refusedWrites(model: ScormDataModel, answer: AnsweredQuestion): string[] {
  const settings = { autocommit: false, lmsCommitUrl: false as const, logLevel: 5 as const };
  const api = (model === scorm12 ? new Scorm12API(settings) : new Scorm2004API(settings)) as unknown as ScormApi;
  const f = model.functions;
  expect(api[f.initialize]!("")).toBe("true");
  const refused: string[] = [];
  const writes = model.interactionWrites(0, answer);
  for (const [element, value] of writes) {
    if (api[f.setValue]!(element, value) !== "true") refused.push(`${element}=${value}: ${api[f.getLastError]!()}`);
  }
  return refused;
}

describe("the question type list", () => {
  it("matches the compiler's modules and every question template is used", () => {
    expect(Object.keys(questionKinds).sort()).toEqual([...QUESTION_TYPES].sort());
    const used = new Set(Object.values(questionKinds).map((k) => `${k.template}.hbs`));
    const templates = readdirSync(path.join(ROOT, "templates", "questions")).map((f) => `questions/${f}`);
    expect(templates.filter((t) => !used.has(t))).toEqual([]);
  });
});

describe.each(QUESTION_TYPES)("question type %s", (type) => {
  const example = EXAMPLES[type];

  it("parses as authored and is modelled with its type", () => {
    const parsed = questionSchema.safeParse(authored(type));
    expect(parsed.error).toBeUndefined();
    expect(parsed.data?.type).toBe(type);
    expect(checked.diagnostics.errorCount).toBe(0);
    expect(checked.model.questions.find((q) => q.id === idOf(type))).toBeDefined();
    expect(data(type)).toMatchObject({ id: idOf(type), type, parent: "quiz" });
  });

  it("renders with its template into the page", () => {
    const kind = questionKinds[type];
    expect(existsSync(path.join(ROOT, "templates", `${kind.template}.hbs`)), kind.template).toBe(true);
    const el = page.querySelector<HTMLElement>(`[data-question="${idOf(type)}"]`);
    expect(el?.dataset.type).toBe(type);
    expect(el?.querySelector("input, select, [data-option]")).not.toBeNull();
  });

  it("reads back an answer restored into its markup, and scores it", () => {
    const q = data(type);
    const b = behaviourOf(q);
    const el = page.querySelector<HTMLElement>(`[data-question="${idOf(type)}"]`)!;
    const { right, wrong } = example;
    b.restore(el, q, right);
    expect(b.read(el, q)).toEqual(right);
    if (wrong) {
      b.restore(el, q, wrong);
      expect(b.read(el, q)).toEqual(wrong);
      expect(evaluate(q, right)).toEqual({ score: 1, result: "correct" });
      expect(evaluate(q, wrong)).toEqual({ score: 0, result: "incorrect" });
      expect(b.correct(q)?.length).toBeGreaterThan(0);
    } else {
      expect(q.graded).toBe(false);
      expect(evaluate(q, right)).toEqual({ score: 0, result: "neutral" });
    }
  });

  it.each([
    ["scorm12", scorm12, "student_response"],
    ["scorm2004", scorm2004, "learner_response"],
  ] as const)("is recorded as a %s interaction the LMS accepts", (standard, model, responseElement) => {
    const q = data(type);
    for (const response of [example.right, ...(example.wrong ? [example.wrong] : [])]) {
      const answer = answered(q, response);
      expect(refusedWrites(model, answer)).toEqual([]);
      const writes = new Map(model.interactionWrites(0, answer));
      expect(writes.get("cmi.interactions.0.type")).toBe(INTERACTION_TYPES[type]);
      if (response === example.right)
        expect(writes.get(`cmi.interactions.0.${responseElement}`)).toBe(example.reported[standard]);
      // A 1.2 numeric pattern is one number, so a tolerance or range cannot be reported (scorm12.ts).
      const inexpressible = model === scorm12 && q.type === "numeric" && q.min !== q.max;
      if (example.wrong && !inexpressible)
        expect(writes.has("cmi.interactions.0.correct_responses.0.pattern")).toBe(true);
    }
  });

  it("is sent as an xAPI interaction the LRS accepts", () => {
    const q = data(type);
    const answer = answered(q, example.right);
    const { object, result } = answeredParts(checked.data, answer);
    expect(object.definition?.interactionType).toBe(INTERACTION_TYPES[type]);
    expect(result.response).toBe(example.reported.xapi);
    expect(result.success).toBe(example.wrong ? true : undefined);
    if (example.wrong) expect(object.definition?.correctResponsesPattern?.length).toBeGreaterThan(0);
    const actor = { objectType: "Agent" as const, account: { homePage: "https://lms.example.com", name: "jane" } };
    const statement = makeStatement(actor, VERBS.answered, object, { result, context: { registration: uuid() } });
    expect(statementWarnings(statement)).toEqual([]);
  });
});
