/**
 * What `coursepack test` plans for a course in two languages: every scenario for the first
 * language's packages, the pass in the first launch mode for the other's, long scenarios first.
 */
import { describe, expect, it } from "vitest";
import { loadProfile } from "../../src/lms-profiles/index.js";
import type { CourseData } from "../../src/shared/course-data.js";
import { isTranslationOf, planAll } from "../../src/tester/plan.js";
import { defaultConcurrency } from "../../src/tester/run.js";
import type { Subject } from "../../src/tester/scenario.js";

function subject(standard: "scorm12" | "cmi5", language: string, pages = ["welcome", "lesson-1", "quiz"]): Subject {
  const course = { language, version: "1.0.0", pages: pages.map((id) => ({ id })), questions: { q1: {} } };
  return {
    label: `${standard}-${language}`,
    launch: { standard, edition: standard === "scorm12" ? "1.2" : null },
    course: course as unknown as CourseData,
  } as Subject;
}

const moodle = loadProfile("moodle");
const scenarios = (tasks: ReturnType<typeof planAll>, label: string) =>
  tasks.filter((t) => t.subject.label === label).map((t) => `${t.scenario.id}/${t.mode}`);

describe("planning a course in two languages", () => {
  const subjects = [
    subject("scorm12", "en-GB"),
    subject("cmi5", "en-GB"),
    subject("scorm12", "de"),
    subject("cmi5", "de"),
  ];

  it("gives the first language every scenario and the other the pass in the first launch mode", () => {
    const tasks = planAll(subjects, moodle, false);
    expect(moodle.launch.modes.length).toBeGreaterThan(1);
    expect(scenarios(tasks, "scorm12-en-GB")).toHaveLength(7);
    expect(scenarios(tasks, "scorm12-de")).toEqual([`pass/${moodle.launch.modes[0]}`]);
    expect(scenarios(tasks, "cmi5-de")).toEqual([`pass/${moodle.launch.modes[0]}`]);
  });

  it("plans everything for every language with --every-language", () => {
    const tasks = planAll(subjects, moodle, true);
    expect(scenarios(tasks, "scorm12-de")).toEqual(scenarios(tasks, "scorm12-en-GB"));
  });

  it("starts the long scenarios first", () => {
    const ids = planAll(subjects, moodle, false).map((t) => t.scenario.id);
    const lastLong = Math.max(...["resume", "background", "commit-fails"].map((id) => ids.lastIndexOf(id)));
    expect(lastLong).toBeLessThan(ids.indexOf("pass"));
  });

  it("treats only the same course in the same format as a translation", () => {
    expect(isTranslationOf(subject("scorm12", "de"), subject("scorm12", "en-GB"))).toBe(true);
    expect(isTranslationOf(subject("cmi5", "de"), subject("scorm12", "en-GB"))).toBe(false);
    expect(isTranslationOf(subject("scorm12", "de", ["other"]), subject("scorm12", "en-GB"))).toBe(false);
    expect(isTranslationOf(subject("scorm12", "en-GB"), subject("scorm12", "en-GB"))).toBe(false);
  });
});

describe("defaultConcurrency", () => {
  it("runs one scenario more than there are cores, at most four", () => {
    expect([1, 2, 3, 16].map((cores) => defaultConcurrency(cores))).toEqual([2, 3, 4, 4]);
  });
});
