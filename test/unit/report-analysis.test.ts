/**
 * The report's figures from statements the runtime's own builders make, checked against values
 * worked out by hand for small fixed data sets (test/support/report-fixture.ts): five learners,
 * one learner, everyone right, missing answers, a retried quiz, and a translation's statements.
 */
import { describe, expect, it } from "vitest";
import { figures } from "../../src/report/analyse.js";
import type { Report } from "../../src/report/figures.js";
import { StatementReader } from "../../src/report/sources/statements.js";
import { Tally } from "../../src/report/tally.js";
import { ANSWERS_A, fixtureCourse, IRI, scriptA, statementsOf, type Step } from "../support/report-fixture.js";

function reportOf(statements: Record<string, unknown>[]): Report {
  const course = fixtureCourse();
  const reader = new StatementReader(course);
  const tally = new Tally(course);
  let ignored = 0;
  for (const s of statements) {
    const record = reader.read(s);
    if (record) tally.add(record);
    else ignored++;
  }
  return figures(course, tally, {
    kind: "xapi-file",
    description: "test",
    read: statements.length,
    ignored,
    lacks: [],
  });
}

const dataSetA = () => ANSWERS_A.flatMap((_, n) => statementsOf(`l${n + 1}`, scriptA(n)));
const item = (r: Report, id: string) => r.quizzes[0]!.items.find((i) => i.id === id)!;

describe("data set A: five learners", () => {
  const report = reportOf(dataSetA());

  it("funnel and drop-off", () => {
    expect(report.learners).toBe(5);
    expect(report.funnel.steps.map((s) => [s.id, s.learners])).toEqual([
      ["start", 5],
      ["rivers", 5],
      ["capitals", 4],
      ["quiz", 5],
      ["completed", 3],
    ]);
    // Losses: 0, 1, −1, 2 → the largest is the quiz → completed step: 2 of 5.
    expect(report.funnel.dropOff).toEqual({ after: "quiz", before: "completed", lost: 2, share: 0.4 });
  });

  it("lesson times run to the learner's next statement", () => {
    // Rivers: 5 min for four learners, 12 min for L4 (who went straight to the quiz).
    expect(report.lessons[0]!.minutes).toMatchObject({ n: 5, median: 5, q1: 5, q3: 5, max: 12, mean: 6.4 });
    expect(report.lessons[1]!.minutes).toMatchObject({ n: 4, median: 7, min: 7, max: 7 });
  });

  it("scores and pass rate", () => {
    expect(report.scores).toMatchObject({ learners: 5, passed: 3, failed: 2, passRate: 0.6, passingScore: 60 });
    expect(report.scores.summary).toMatchObject({ median: 66.67, min: 0, max: 100 });
    expect(report.scores.histogram.map((b) => b.count)).toEqual([1, 0, 0, 1, 0, 0, 2, 0, 0, 1]);
    expect(report.quizzes[0]!.attempts).toEqual([{ attempts: 1, learners: 5 }]);
  });

  it("difficulty, discrimination and times per question", () => {
    // Difficulty: 3/5, 3/5, 2/5. Item–rest r: 0 (worked in the fixture notes), .5/√.6, .3/√.84.
    expect(item(report, "longest")).toMatchObject({
      respondents: 5,
      difficulty: 0.6,
      pointBiserial: 0,
      meanSeconds: 10,
    });
    expect(item(report, "rhine").pointBiserial).toBeCloseTo(0.5 / Math.sqrt(0.6), 4);
    expect(item(report, "capital").pointBiserial).toBeCloseTo(0.3 / Math.sqrt(0.84), 4);
    expect(item(report, "capital")).toMatchObject({ difficulty: 0.4, meanSeconds: 30 });
    // Groups of one: the top learner got everything right, the bottom one nothing.
    expect(report.quizzes[0]!.items.map((i) => i.upperLower)).toEqual([1, 1, 1]);
  });

  it("choice rates, unused distractors and flags", () => {
    const longest = item(report, "longest");
    expect(longest.options.map((o) => [o.id, o.chosen, o.rate])).toEqual([
      ["nile", 3, 0.6],
      ["amazon", 2, 0.4],
      ["danube", 0, 0],
      ["thames", 0, 0],
    ]);
    expect(longest.unusedDistractors).toEqual(["danube", "thames"]);
    expect(longest.flags).toEqual(["weak-discrimination", "unused-distractor"]);
    expect(item(report, "rhine").options.map((o) => o.chosen)).toEqual([3, 2]);
    expect(item(report, "capital").topResponses).toEqual([
      // Ties in count are listed alphabetically.
      { response: "Paris", count: 2, score: 1 },
      { response: "Rome", count: 2, score: 0 },
      { response: "Lyon", count: 1, score: 0 },
    ]);
    expect(item(report, "longest").text).toBe("Which river is the longest?");
  });

  it("KR-20", () => {
    // Σpq = 3·.24 = .72; totals 3,2,2,1,0 → σ² = 1.04; KR-20 = 3/2·(1 − .72/1.04).
    const r = report.quizzes[0]!.reliability;
    expect(r.method).toBe("KR-20");
    expect(r.value).toBeCloseTo(1.5 * (1 - 0.72 / 1.04), 4);
  });
});

describe("edge cases", () => {
  it("one learner: figures where defined, no discrimination, no reliability, no flags", () => {
    const report = reportOf(statementsOf("solo", scriptA(0)));
    expect(report.learners).toBe(1);
    expect(item(report, "longest")).toMatchObject({
      respondents: 1,
      difficulty: 1,
      pointBiserial: null,
      upperLower: null,
      flags: [],
      unusedDistractors: [],
    });
    expect(report.quizzes[0]!.reliability).toMatchObject({ method: null });
    expect(report.lessons[0]!.minutes).toMatchObject({ n: 1, median: 5, q1: 5, q3: 5 });
  });

  it("everyone right: too easy, discrimination undefined, D = 0, no reliability", () => {
    const report = reportOf([0, 1, 2, 3, 4].flatMap((n) => statementsOf(`l${n}`, scriptA(0))));
    for (const i of report.quizzes[0]!.items) {
      expect(i).toMatchObject({ difficulty: 1, pointBiserial: null, upperLower: 0 });
      expect(i.flags).toContain("too-easy");
    }
    expect(report.quizzes[0]!.reliability).toMatchObject({
      method: null,
      reason: expect.stringContaining("same total"),
    });
  });

  it("missing answers count for nobody: not as wrong, not in reliability", () => {
    const partial: Step[] = scriptA(0).filter((s) => !("answer" in s) || s.answer === "longest");
    const report = reportOf([...statementsOf("full", scriptA(1)), ...statementsOf("partial", partial)]);
    expect(item(report, "longest").respondents).toBe(2);
    expect(item(report, "rhine")).toMatchObject({ respondents: 1, difficulty: 1 });
    expect(report.quizzes[0]!.respondents).toBe(2);
    expect(report.quizzes[0]!.reliability).toMatchObject({ method: null, reason: expect.stringContaining("1 did") });
  });

  it("a retried quiz: two attempts counted, the first one analysed", () => {
    const first = scriptA(4).filter((s) => !("end" in s));
    const retry = scriptA(0)
      .filter((s) => "answer" in s || "result" in s || "completed" in s)
      .map((s) => ({ ...s, at: s.at + 10 }));
    const report = reportOf(statementsOf("retrier", [...first, ...retry, { at: 30, end: true }]));
    expect(report.quizzes[0]!.attempts).toEqual([{ attempts: 2, learners: 1 }]);
    expect(item(report, "longest").difficulty).toBe(0);
    expect(report.scores).toMatchObject({ passed: 1, failed: 0 });
    expect(report.scores.summary?.median).toBe(100);
  });

  it("a translation's statements (<IRI>/de) count with the course's, other courses' are ignored", () => {
    const german = statementsOf("anna", scriptA(0), `${IRI}/de`);
    const other = statementsOf("bob", scriptA(0), "https://example.com/other-course");
    const report = reportOf([...german, ...other]);
    expect(report.learners).toBe(1);
    expect(item(report, "longest").respondents).toBe(1);
    expect(report.source.ignored).toBe(other.length);
  });

  it("statements newest first (an LRS's default order) time lessons the same", () => {
    const report = reportOf(dataSetA().reverse());
    expect(report.lessons[0]!.minutes).toMatchObject({ n: 5, median: 5, max: 12 });
    expect(report.notes.join(" ")).toContain("newest first");
  });
});
