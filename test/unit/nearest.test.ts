/** "Did you mean": one rule for every name typed, in course files and on the command line. */
import { describe, expect, it } from "vitest";
import { BuildFailed, formatDiagnostic } from "../../src/compiler/diagnostics.js";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { didYouMean, nearest } from "../../src/shared/nearest.js";
import { oneLessonCourse } from "../support/build.js";

describe("the nearest known name", () => {
  it("is a typo away, ignoring case, or there is none", () => {
    expect(nearest("scorm1.2", ["web", "scorm12", "scorm2004"])).toBe("scorm12");
    expect(nearest("Moodel", ["moodle", "docebo"])).toBe("moodle");
    expect(nearest("passingScroe", ["passingScore", "pages"])).toBe("passingScore");
    expect(nearest("pdf", ["web", "scorm12", "xapi", "cmi5"])).toBeUndefined();
    expect(didYouMean("xpi", ["web", "xapi"])).toBe(' (did you mean "xapi"?)');
    expect(didYouMean("nothing-like-it", ["moodle"])).toBe("");
  });

  it("follows a choice a course file misspells, and a question type", async () => {
    const dir = await oneLessonCourse(
      "nearest",
      "---\ntitle: A\ncompletion: blcks\n---\n\nText.\n\n```check\ntype: singel\nprompt: Which?\nchoices:\n  - text: This\n    correct: true\n  - text: That\n```\n",
    );
    const error = await checkCourse(dir, ["web"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildFailed);
    const printed = (error as BuildFailed).diagnostics.sorted().map((d) => formatDiagnostic(d, dir));
    expect(printed).toEqual([
      'lessons/a.md:3:13: error: "completion" must be one of: viewed, blocks (did you mean "blocks"?)',
      'lessons/a.md:9:7: error: "type" must be one of: single, multiple, true-false, fill-in, numeric, matching, sequencing, likert (did you mean "single"?)',
    ]);
  });
});
