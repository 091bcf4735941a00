/**
 * What `coursepack test` expects an LMS to record, worked out from the course (src/tester/expected.ts),
 * and the JUnit XML it writes for CI: a failing scenario carries every wrong check with its note.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { loadProfile } from "../../src/lms-profiles/index.js";
import type { CourseData } from "../../src/shared/course-data.js";
import { exitValue, expectedOutcome, lessonStatus } from "../../src/tester/expected.js";
import { junitXml } from "../../src/tester/report/junit.js";
import type { ScenarioResult, Subject } from "../../src/tester/scenario.js";
import { ROOT } from "../support/build.js";

let course: CourseData;

beforeAll(async () => {
  course = (await checkCourse(path.join(ROOT, "content"), ["scorm12"], undefined, "own")).data;
});

/** The default course with every graded quiz's attempts set to `attempts` (0: unlimited). */
function withAttempts(attempts: number): CourseData {
  const quizzes = Object.fromEntries(Object.entries(course.quizzes).map(([id, q]) => [id, { ...q, attempts }]));
  return { ...course, quizzes };
}

describe("the expected outcome of the default course", () => {
  it("passing: complete, passed, 100, one attempt, one interaction per graded question", () => {
    const pass = expectedOutcome(course, true);
    expect(pass).toMatchObject({ passed: true, completed: true, assessed: true, score: 100, attempts: 1, final: true });
    expect(pass.answers).toBeGreaterThan(0);
    expect(lessonStatus(pass, "passed-incomplete")).toBe("passed");
    expect(lessonStatus(pass, "completed-failed")).toBe("completed");
    expect(exitValue("scorm12", pass.completed, course.tracking)).toBe("");
    expect(exitValue("scorm2004", pass.completed, course.tracking)).toBe("normal");
  });

  it("failing with every attempt used: 1.2 reports failed for passed-incomplete (no attempt is left)", () => {
    const fail = expectedOutcome(withAttempts(3), false);
    expect(fail).toMatchObject({ passed: false, completed: true, score: 0, attempts: 3, final: true });
    expect(fail.answers).toBe(expectedOutcome(withAttempts(3), true).answers * 3);
    expect(lessonStatus(fail, "passed-incomplete")).toBe("failed");
    expect(lessonStatus(fail, "passed-failed")).toBe("failed");
    expect(lessonStatus(fail, "completed-incomplete")).toBe("completed");
  });

  it("failing with unlimited attempts: the result can still change, so passed-incomplete stays incomplete", () => {
    const fail = expectedOutcome(withAttempts(0), false);
    expect(fail).toMatchObject({ passed: false, completed: false, attempts: 1, final: false });
    expect(lessonStatus(fail, "passed-incomplete")).toBe("incomplete");
    expect(lessonStatus(fail, "passed-failed")).toBe("failed");
    expect(exitValue("scorm2004", fail.completed, course.tracking)).toBe("suspend");
  });
});

describe("JUnit XML", () => {
  const result = (ok: boolean, extra: Partial<ScenarioResult> = {}): ScenarioResult => ({
    scenario: "pass",
    title: "Passes the course",
    about: "",
    subject: "a&b.zip",
    format: "scorm2004",
    mode: "frame",
    browser: "Chromium 1",
    ok,
    checks: [
      { what: "Score", expected: "100", recorded: ok ? "100" : "<none>", ok, note: "the LMS refused it" },
      { what: "Status", expected: "passed", recorded: "passed", ok: true },
    ],
    steps: [],
    log: [],
    screenshot: undefined,
    ms: 1500,
    ...extra,
  });

  it("has one test case per scenario and a failure with every wrong check, escaped", () => {
    const xml = junitXml({
      profile: loadProfile("moodle"),
      browser: "Chromium 1",
      subjects: [{ label: "a&b.zip" } as Subject],
      results: [result(true), result(false, { mode: "popup" })],
      notes: [],
      ms: 3000,
      ok: false,
    });
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="coursepack test --lms moodle \(Chromium 1\)" tests="2" failures="1"/,
    );
    expect(xml).toContain('<testsuite name="a&amp;b.zip in Moodle" tests="2" failures="1" errors="0" time="3.000">');
    expect(xml).toContain(
      '<testcase classname="moodle.a&amp;b.zip" name="Passes the course (frame)" time="1.500"></testcase>',
    );
    expect(xml).toContain(
      '<failure message="Score: expected 100, recorded &lt;none&gt; — the LMS refused it" type="record">',
    );
    expect(xml.match(/<failure /g)).toHaveLength(1);
  });
});
