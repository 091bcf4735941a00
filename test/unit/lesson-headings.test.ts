/**
 * A lesson's title is its page's only top-level heading: a `# heading` in its text is a warning, and
 * one that repeats the title (Markdown written elsewhere starts so) says to delete it.
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/compiler/diagnostics.js";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { oneLessonCourse } from "../support/build.js";

describe("top-level headings in a lesson", () => {
  it("are warnings at their line, and a repeated title is to be deleted", async () => {
    const dir = await oneLessonCourse(
      "headings",
      "---\ntitle: Coaching  the Team\n---\n\n# Coaching the team\n\nText.\n\n## A section\n\n# Another part\n\n```\n# not a heading\n```\n",
    );
    const { diagnostics } = await checkCourse(dir, ["web"]);
    expect(diagnostics.sorted().map((d) => formatDiagnostic(d, dir))).toEqual([
      "lessons/a.md:5:1: warning: this heading repeats the lesson's title, which the page already shows above the text: delete this line",
      "lessons/a.md:11:1: warning: a # heading makes a second title on the page (the lesson's title is its only top-level heading): start sections with ##",
    ]);
  });
});
