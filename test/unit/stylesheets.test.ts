/**
 * check/rules/stylesheets.ts: what the minifier leaves out of a course's own CSS is a warning at its
 * place, and the packages get the rest from the same minification.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/compiler/diagnostics.js";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { minifyOwnCss } from "../../src/compiler/render/css.js";
import { oneLessonCourse } from "../support/build.js";

describe("a course's own stylesheets", () => {
  it("are checked where the minifier drops CSS, and the rest ships", async () => {
    const dir = await oneLessonCourse("stylesheets", "---\ntitle: A\n---\n\nText.\n");
    await mkdir(path.join(dir, "templates", "blocks"), { recursive: true });
    const own = "body { color: red; }\np { margin: 0 }}\na { width: }\n";
    await writeFile(path.join(dir, "templates", "course.css"), own);
    await writeFile(path.join(dir, "templates", "blocks", "tabs.css"), ".tabs { gap: }\n");
    const { diagnostics } = await checkCourse(dir, ["web"]);
    expect(diagnostics.sorted().map((d) => formatDiagnostic(d, dir))).toEqual([
      "templates/blocks/tabs.css:1:9: warning: the minifier cannot read this CSS (Empty property 'gap'), so the packages leave it out, as browsers would",
      "templates/course.css:2:16: warning: the minifier cannot read this CSS (Unexpected '}'), so the packages leave it out, as browsers would",
      "templates/course.css:3:5: warning: the minifier cannot read this CSS (Empty property 'width'), so the packages leave it out, as browsers would",
    ]);
    expect((await minifyOwnCss(own)).styles).toBe("body{color:red}p{margin:0}");
  });
});
