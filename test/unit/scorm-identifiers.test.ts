/**
 * SCORM 2004 identifiers (src/runtime/tracking/scorm/identifiers.ts): letters and digits only, one
 * to one and stable — and every interaction and objective the 2004 data model writes for hyphenated
 * Coursepack ids is stored by the simulated Moodle and Forma (src/preview/client/lms-quirks.ts),
 * apart from the few patterns SCORM's own syntax makes Forma refuse.
 */
import { describe, expect, it } from "vitest";
import { SIMULATED_LMS, type SimulatedLms } from "../../src/preview/client/lms-quirks.js";
import { ScormLms } from "../../src/preview/client/scorm-lms.js";
import type { Write } from "../../src/runtime/tracking/scorm/data-model.js";
import { scormIdentifier } from "../../src/runtime/tracking/scorm/identifiers.js";
import { scorm2004 } from "../../src/runtime/tracking/scorm/scorm2004.js";
import type { AnsweredQuestion } from "../../src/shared/learner.js";

/** The inverse mapping, as docs/scorm.md tells report readers to read identifiers. */
function decode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/[a-z0-9]/.test(c)) out += c;
    else if (/[A-Y]/.test(c)) out += `-${c.toLowerCase()}`;
    else {
      const code = text[++i]!;
      if (code === "Z") out += "-z";
      else if (/[0-9]/.test(code)) out += `-${code}`;
      else if (code === "H") out += "-";
      else if (code === "U") out += "_";
      else if (code === "X") {
        out += String.fromCharCode(Number.parseInt(text.slice(i + 1, i + 5), 16));
        i += 4;
      } else throw new Error(`not an identifier: ${text}`);
    }
  }
  return out;
}

describe("scormIdentifier", () => {
  it("reads like camelCase and keeps only letters and digits", () => {
    expect(scormIdentifier("pipeline-basics")).toBe("pipelineBasics");
    expect(scormIdentifier("case-for-specialist-training")).toBe("caseForSpecialistTraining");
    expect(scormIdentifier("lesson-2")).toBe("lessonZ2");
    expect(scormIdentifier("step_2")).toBe("stepZU2");
    expect(scormIdentifier("a-z")).toBe("aZZ");
    expect(scormIdentifier("a--b-")).toBe("aZHBZH");
    expect(scormIdentifier("x")).toBe("x");
  });

  it("is one to one: every id decodes back, tricky ones included", () => {
    const ids = ["a-b-c", "a-bc", "ab-c", "a-z-z", "a_z", "a-_b", "a-h-ub", "q-a2", "q-za2", "é-x", "a--"];
    const alphabet = "abyz09-_";
    let seed = 7;
    for (let n = 0; n < 600; n++) {
      let id = "q";
      for (let k = 0; k < 1 + (n % 9); k++) {
        seed = (seed * 48271) % 2147483647;
        id += alphabet[seed % alphabet.length];
      }
      ids.push(id);
    }
    for (const id of ids) {
      const encoded = scormIdentifier(id);
      expect(encoded, id).toMatch(/^[A-Za-z0-9]+$/);
      expect(decode(encoded), id).toBe(id);
      // The attempt suffix never occurs inside an encoded id.
      expect(encoded, id).not.toContain("ZA");
    }
  });
});

const answer = (over: Partial<AnsweredQuestion>): AnsweredQuestion => ({
  questionId: "case-for-specialist-training",
  quizId: "final-assessment",
  attempt: 1,
  type: "single",
  text: "Which argument best supports sales-specific training?",
  response: { kind: "choices", ids: ["it-omits-specialist-skills"] },
  correct: [{ kind: "choices", ids: ["it-omits-specialist-skills"] }],
  result: "correct",
  score: 1,
  weight: 1,
  latencyMs: 4200,
  timestamp: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
  options: [],
  ...over,
});

/** The default course's kinds of answers, with its kinds of ids. */
const answers: AnsweredQuestion[] = [
  answer({}),
  answer({
    questionId: "pick-two",
    type: "multiple",
    response: { kind: "choices", ids: ["a-1", "b-2"] },
    correct: [{ kind: "choices", ids: ["a-1", "c-3"] }],
  }),
  answer({
    questionId: "special-forces",
    type: "true-false",
    response: { kind: "boolean", value: false },
    correct: [{ kind: "boolean", value: false }],
  }),
  answer({
    questionId: "metrics-and-meanings",
    type: "matching",
    response: { kind: "pairs", pairs: [["quota-attainment", "revenue-closed-against-the"]] },
    correct: [{ kind: "pairs", pairs: [["quota-attainment", "revenue-closed-against-the"]] }],
  }),
  answer({
    questionId: "interview-steps",
    type: "sequencing",
    attempt: 2,
    response: { kind: "order", ids: ["ask-for-a-story", "probe-the-detail"] },
    correct: [{ kind: "order", ids: ["ask-for-a-story", "probe-the-detail"] }],
  }),
  answer({
    questionId: "name-the-call",
    type: "fill-in",
    response: { kind: "text", value: "forecast call" },
    correct: [{ kind: "text", value: "forecast call" }],
  }),
  answer({ questionId: "confidence", type: "likert", response: { kind: "choices", ids: ["strongly-agree"] } }),
].map((a) => (a.type === "numeric" ? { ...a, correct: [{ kind: "range" as const, min: 3, max: 4 }] } : a));

/** Every write of the answers and two objectives on the simulated LMS; the refused ones. */
function refusedBy(lms: SimulatedLms): string[] {
  const host = new ScormLms({
    standard: "scorm2004",
    cmi: { cmi: { entry: "ab-initio" } },
    quirks: SIMULATED_LMS[lms],
  });
  host.api.Initialize!("");
  const writes: Write[] = [
    ...scorm2004.objectiveWrites(0, scorm2004.objectiveIds("sales-manager-training", "pipeline-and-forecasting")[0], {
      page: "pipeline-and-forecasting",
      completed: true,
    }),
    ...scorm2004.objectiveWrites(1, scorm2004.objectiveIds("sales-manager-training", "final-assessment")[0], {
      page: "final-assessment",
      completed: true,
      passed: true,
      score: 87.5,
    }),
    ...answers.flatMap((a, n) => scorm2004.interactionWrites(n, a)),
  ];
  for (const [element, value] of writes) host.api.SetValue!(element, value);
  return host.errors().map((c) => `${c.element} ${c.error}`);
}

describe("2004 identifiers in the simulated LMSs", () => {
  it("Moodle stores every interaction and objective element", () => {
    expect(refusedBy("moodle")).toEqual([]);
  });

  it("Forma stores every id and response; only its read-only objective status and the matching pattern's [.] are refused", () => {
    expect(refusedBy("forma")).toEqual([
      "cmi.objectives.0.completion_status 404",
      "cmi.objectives.1.completion_status 404",
      "cmi.interactions.3.correct_responses.0.pattern 406",
    ]);
  });
});
