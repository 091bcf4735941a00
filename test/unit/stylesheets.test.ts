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
import { tempDir } from "../support/build.js";

describe("a course's own stylesheets", () => {
  it("are checked where the minifier drops CSS, and the rest ships", async () => {
    const dir = await tempDir("stylesheets");
    await mkdir(path.join(dir, "lessons"));
    await mkdir(path.join(dir, "templates", "blocks"), { recursive: true });
    await writeFile(
      path.join(dir, "course.yml"),
      "id: css\ntitle: CSS\ndescription: Own styles.\noutline:\n  - lessons/a.md\n",
    );
    await writeFile(path.join(dir, "lessons", "a.md"), "---\ntitle: A\n---\n\nText.\n");
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
