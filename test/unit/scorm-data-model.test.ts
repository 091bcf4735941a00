/**
 * The SCORM data-model adapters: time formats, status vocabularies, interaction encodings for every
 * question type — and every write they produce is accepted by scorm-again's strict runtime.
 */
import { Scorm12API, Scorm2004API } from "scorm-again";
import { describe, expect, it } from "vitest";
import type { TrackingOptions } from "../../src/shared/course-data.js";
import type { AnsweredQuestion } from "../../src/shared/learner.js";
import type { Write } from "../../src/runtime/tracking/scorm/data-model.js";
import { lessonStatus, response12, scorm12, timespan12 } from "../../src/runtime/tracking/scorm/scorm12.js";
import { duration2004, response2004, scorm2004, timestamp2004 } from "../../src/runtime/tracking/scorm/scorm2004.js";
import { DEFAULT_TRACKING } from "../support/tracking.js";

const base = {
  quizId: "final",
  attempt: 1,
  text: "What is it?",
  score: 1,
  weight: 2,
  latencyMs: 61_500,
  timestamp: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 120)),
};
const choiceOptions = ["alpha", "beta", "gamma"].map((id) => ({ id, text: id.toUpperCase() }));

/** One answer per question type, covering every response kind and pattern kind. */
const answers: AnsweredQuestion[] = [
  {
    ...base,
    questionId: "pick-one",
    type: "single",
    response: { kind: "choices", ids: ["beta"] },
    correct: [{ kind: "choices", ids: ["beta"] }],
    result: "correct",
    options: choiceOptions,
  },
  {
    ...base,
    questionId: "pick-many",
    type: "multiple",
    response: { kind: "choices", ids: ["alpha", "gamma"] },
    correct: [{ kind: "choices", ids: ["alpha", "beta"] }],
    result: "partial",
    score: 0.5,
    options: choiceOptions,
  },
  {
    ...base,
    questionId: "is-it",
    type: "true-false",
    response: { kind: "boolean", value: false },
    correct: [{ kind: "boolean", value: true }],
    result: "incorrect",
    score: 0,
    options: [],
  },
  {
    ...base,
    questionId: "name-it",
    type: "fill-in",
    response: { kind: "text", value: "Paris [,] France" },
    correct: [
      { kind: "text", value: "Paris" },
      { kind: "text", value: "paris" },
    ],
    result: "incorrect",
    score: 0,
    options: [],
  },
  {
    ...base,
    questionId: "count-it",
    type: "numeric",
    response: { kind: "number", value: 4.5 },
    correct: [{ kind: "range", min: 4, max: 5 }],
    result: "correct",
    options: [],
  },
  {
    ...base,
    questionId: "count-exact",
    type: "numeric",
    response: { kind: "number", value: -3 },
    correct: [{ kind: "range", min: 7, max: 7 }],
    result: "incorrect",
    score: 0,
    options: [],
  },
  {
    ...base,
    questionId: "match-them",
    type: "matching",
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
      { id: "s1", text: "S1", group: "source" },
      { id: "s2", text: "S2", group: "source" },
      { id: "t1", text: "T1", group: "target" },
      { id: "t2", text: "T2", group: "target" },
    ],
  },
  {
    ...base,
    questionId: "order-them",
    type: "sequencing",
    response: { kind: "order", ids: ["gamma", "alpha", "beta"] },
    correct: [{ kind: "order", ids: ["alpha", "beta", "gamma"] }],
    result: "incorrect",
    score: 0,
    options: choiceOptions,
  },
  {
    ...base,
    questionId: "rate-it",
    type: "likert",
    attempt: 2,
    response: { kind: "choices", ids: ["agree"] },
    result: "neutral",
    options: [
      { id: "disagree", text: "Disagree" },
      { id: "agree", text: "Agree" },
    ],
  },
];

const tracking = DEFAULT_TRACKING;

function valuesOf(writes: Write[]): Record<string, string> {
  return Object.fromEntries(writes);
}

/** Applies writes to a fresh scorm-again API and returns the failures. */
function rejected(api: { [k: string]: unknown }, set: string, lastError: string, writes: Write[]): string[] {
  const call = (name: string, ...args: string[]) => (api[name] as (...a: string[]) => string)(...args);
  return writes.flatMap(([element, value]) => {
    const ok = call(set, element, value);
    return ok === "true" ? [] : [`${element}=${value} → ${call(lastError)}`];
  });
}

describe("time formats", () => {
  it("writes SCORM 1.2 CMITimespan, clamped and never negative (checklist #26)", () => {
    expect(timespan12(0)).toBe("0000:00:00.00");
    expect(timespan12(3_723_456)).toBe("0001:02:03.46");
    expect(timespan12(-5)).toBe("0000:00:00.00");
    expect(timespan12(Number.NaN)).toBe("0000:00:00.00");
    expect(timespan12(10_000 * 3_600_000)).toBe("9999:59:59.99");
  });

  it("writes SCORM 2004 ISO 8601 durations and timestamps", () => {
    expect(duration2004(0)).toBe("PT0S");
    expect(duration2004(3_723_456)).toBe("PT1H2M3.46S");
    expect(duration2004(60_000)).toBe("PT1M");
    expect(timestamp2004(base.timestamp)).toBe("2026-01-02T03:04:05.12Z");
  });
});

describe("SCORM 1.2 lesson_status reporting pairs (checklist #18, #19)", () => {
  const cases: [
    string,
    { completed: boolean; passed?: boolean; final?: boolean },
    Record<TrackingOptions["scorm12Status"], string>,
  ][] = [
    [
      "not yet done",
      { completed: false },
      {
        "passed-incomplete": "incomplete",
        "passed-failed": "incomplete",
        "completed-incomplete": "incomplete",
        "completed-failed": "incomplete",
      },
    ],
    [
      "failed, attempts left",
      { completed: false, passed: false },
      {
        "passed-incomplete": "incomplete",
        "passed-failed": "failed",
        "completed-incomplete": "incomplete",
        "completed-failed": "failed",
      },
    ],
    [
      "complete and passed",
      { completed: true, passed: true },
      {
        "passed-incomplete": "passed",
        "passed-failed": "passed",
        "completed-incomplete": "completed",
        "completed-failed": "completed",
      },
    ],
    [
      "complete and failed",
      { completed: true, passed: false },
      {
        "passed-incomplete": "incomplete",
        "passed-failed": "failed",
        "completed-incomplete": "completed",
        "completed-failed": "failed",
      },
    ],
    [
      // The LMS must tell "failed" from "never finished" (issue 12).
      "failed, no attempt left, lessons unviewed",
      { completed: false, passed: false, final: true },
      {
        "passed-incomplete": "failed",
        "passed-failed": "failed",
        "completed-incomplete": "incomplete",
        "completed-failed": "failed",
      },
    ],
    [
      "complete and failed, no attempt left",
      { completed: true, passed: false, final: true },
      {
        "passed-incomplete": "failed",
        "passed-failed": "failed",
        "completed-incomplete": "completed",
        "completed-failed": "failed",
      },
    ],
    [
      "complete, nothing assessed",
      { completed: true },
      {
        "passed-incomplete": "passed",
        "passed-failed": "passed",
        "completed-incomplete": "completed",
        "completed-failed": "completed",
      },
    ],
  ];
  for (const [name, status, expected] of cases) {
    it(name, () => {
      for (const [pair, word] of Object.entries(expected)) {
        expect(lessonStatus({ ...status, progress: 0 }, pair as TrackingOptions["scorm12Status"]), pair).toBe(word);
      }
    });
  }
});

describe("status writes", () => {
  it("1.2: score min, max, raw before lesson_status (checklist #21, #22)", () => {
    expect(scorm12.statusWrites({ completed: true, passed: true, score: 87.456, progress: 1 }, tracking)).toEqual([
      ["cmi.core.score.min", "0"],
      ["cmi.core.score.max", "100"],
      ["cmi.core.score.raw", "87.46"],
      ["cmi.core.lesson_status", "passed"],
    ]);
    expect(scorm12.statusWrites({ completed: false, progress: 0.5 }, tracking)).toEqual([
      ["cmi.core.lesson_status", "incomplete"],
    ]);
  });

  it("2004: score with scaled, then both statuses and progress (checklist #20, #21, #23)", () => {
    expect(scorm2004.statusWrites({ completed: true, passed: false, score: 40, progress: 1 }, tracking)).toEqual([
      ["cmi.score.min", "0"],
      ["cmi.score.max", "100"],
      ["cmi.score.raw", "40"],
      ["cmi.score.scaled", "0.4"],
      ["cmi.completion_status", "completed"],
      ["cmi.success_status", "failed"],
      ["cmi.progress_measure", "1"],
    ]);
    expect(scorm2004.statusWrites({ completed: false, progress: 0.333333 }, tracking)).toEqual([
      ["cmi.completion_status", "incomplete"],
      ["cmi.success_status", "unknown"],
      ["cmi.progress_measure", "0.3333"],
    ]);
  });

  it("ranks statuses so the tracker never downgrades them (checklist #25)", () => {
    expect(scorm12.rank("cmi.core.lesson_status", "incomplete")).toBeLessThan(
      scorm12.rank("cmi.core.lesson_status", "failed")!,
    );
    expect(scorm12.rank("cmi.core.lesson_status", "failed")).toBeLessThan(
      scorm12.rank("cmi.core.lesson_status", "passed")!,
    );
    expect(scorm12.rank("cmi.core.score.raw", "50")).toBeUndefined();
    expect(scorm2004.rank("cmi.completion_status", "incomplete")).toBeLessThan(
      scorm2004.rank("cmi.completion_status", "completed")!,
    );
    expect(scorm2004.rank("cmi.objectives.3.success_status", "failed")).toBeLessThan(
      scorm2004.rank("cmi.objectives.3.success_status", "passed")!,
    );
  });
});

describe("interaction encodings (checklist #41-#44)", () => {
  it("1.2 maps option ids to single characters and uses t/f, a.b, wrong", () => {
    const [single, multiple, tf, fill, numeric, exact, matching, sequencing, likert] = answers;
    expect(response12(single!, single!.response)).toBe("b");
    expect(response12(multiple!, multiple!.response)).toBe("a,c");
    expect(response12(tf!, tf!.response)).toBe("f");
    expect(response12(fill!, fill!.response)).toBe("Paris [,] France");
    expect(response12(numeric!, numeric!.correct![0]!)).toBeUndefined();
    expect(response12(exact!, exact!.correct![0]!)).toBe("7");
    expect(response12(matching!, matching!.response)).toBe("a.b,b.a");
    expect(response12(sequencing!, sequencing!.response)).toBe("c,a,b");
    expect(response12(likert!, likert!.response)).toBe("b");
    const w = valuesOf(scorm12.interactionWrites(4, multiple!));
    expect(w).toMatchObject({
      "cmi.interactions.4.id": "pick-many",
      "cmi.interactions.4.type": "choice",
      "cmi.interactions.4.correct_responses.0.pattern": "a,b",
      "cmi.interactions.4.student_response": "a,c",
      "cmi.interactions.4.result": "wrong",
      "cmi.interactions.4.weighting": "2",
      "cmi.interactions.4.latency": "0000:01:01.50",
    });
    expect(w["cmi.interactions.4.time"]).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it("1.2 leaves out responses it cannot express (over 36 options)", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `o${i}`, text: `O${i}` }));
    const answer: AnsweredQuestion = {
      ...answers[0]!,
      response: { kind: "choices", ids: ["o39"] },
      correct: [{ kind: "choices", ids: ["o1"] }],
      options: many,
    };
    const w = valuesOf(scorm12.interactionWrites(0, answer));
    expect(w["cmi.interactions.0.student_response"]).toBeUndefined();
    expect(w["cmi.interactions.0.correct_responses.0.pattern"]).toBe("b");
    expect(w["cmi.interactions.0.result"]).toBe("correct");
  });

  it("2004 uses [,] [.] [:] delimiters, letter-and-digit ids and descriptions", () => {
    const [single, multiple, tf, fill, numeric, , matching, sequencing, likert] = answers;
    expect(response2004(single!.response)).toBe("beta");
    expect(response2004(multiple!.response)).toBe("alpha[,]gamma");
    expect(response2004(tf!.response)).toBe("false");
    expect(response2004(fill!.response)).toBe("Paris   France");
    expect(response2004(matching!.response)).toBe("s1[.]t2[,]s2[.]t1");
    expect(response2004(sequencing!.response)).toBe("gamma[,]alpha[,]beta");
    const w = valuesOf(scorm2004.interactionWrites(0, numeric!));
    expect(w).toMatchObject({
      "cmi.interactions.0.id": "countIt",
      "cmi.interactions.0.type": "numeric",
      "cmi.interactions.0.correct_responses.0.pattern": "4[:]5",
      "cmi.interactions.0.learner_response": "4.5",
      "cmi.interactions.0.result": "correct",
      "cmi.interactions.0.latency": "PT1M1.5S",
      "cmi.interactions.0.description": "What is it?",
    });
    const retried = valuesOf(scorm2004.interactionWrites(1, likert!));
    expect(retried["cmi.interactions.1.id"]).toBe("rateItZA2");
    expect(retried["cmi.interactions.1.result"]).toBe("neutral");
    const fills = valuesOf(scorm2004.interactionWrites(2, fill!));
    expect(fills["cmi.interactions.2.correct_responses.1.pattern"]).toBe("paris");
  });

  it("writes ids before types and types before responses (checklist #42)", () => {
    for (const model of [scorm12, scorm2004]) {
      const elements = model.interactionWrites(0, answers[1]!).map(([e]) => e.split(".").slice(3).join("."));
      expect(elements.indexOf("id")).toBe(0);
      expect(elements.indexOf("type")).toBe(1);
      expect(elements.findIndex((e) => e.startsWith("correct_responses"))).toBeLessThan(
        elements.findIndex((e) => /response$/.test(e)),
      );
    }
  });
});

describe("scorm-again accepts every write", () => {
  it("SCORM 1.2", () => {
    const api = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 }) as unknown as {
      [k: string]: unknown;
    };
    expect((api.LMSInitialize as (s: string) => string)("")).toBe("true");
    const writes = [
      ...scorm12.statusWrites({ completed: true, passed: true, score: 91.5, progress: 1 }, tracking),
      ...scorm12.objectiveWrites(0, scorm12.objectiveIds("c", "intro")[0], { page: "intro", completed: true }),
      ...scorm12.objectiveWrites(1, scorm12.objectiveIds("c", "final")[0], {
        page: "final",
        completed: true,
        passed: false,
        score: 33.33,
      }),
      ...answers.flatMap((a, n) => scorm12.interactionWrites(n, a)),
      [scorm12.elements.sessionTime, scorm12.sessionTime(5_000_123)] as Write,
      scorm12.exit(true),
      scorm12.exit(false),
    ];
    expect(rejected(api, "LMSSetValue", "LMSGetLastError", writes)).toEqual([]);
  });

  it("SCORM 2004", () => {
    const api = new Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 }) as unknown as {
      [k: string]: unknown;
    };
    expect((api.Initialize as (s: string) => string)("")).toBe("true");
    const writes = [
      ...scorm2004.statusWrites({ completed: false, passed: false, score: 12.345, progress: 0.25 }, tracking),
      ...scorm2004.objectiveWrites(0, scorm2004.objectiveIds("c", "intro")[0], { page: "intro", completed: true }),
      ...scorm2004.objectiveWrites(1, scorm2004.objectiveIds("c", "final")[0], {
        page: "final",
        completed: true,
        passed: true,
        score: 100,
      }),
      ...answers.flatMap((a, n) => scorm2004.interactionWrites(n, a)),
      [scorm2004.elements.sessionTime, scorm2004.sessionTime(5_000_123)] as Write,
      scorm2004.exit(true),
      scorm2004.navRequest(true)!,
      scorm2004.exit(false),
      scorm2004.navRequest(false)!,
    ];
    expect(rejected(api, "SetValue", "GetLastError", writes)).toEqual([]);
  });
});
