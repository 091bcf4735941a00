/**
 * A lesson needs content; an empty one is almost always a file saved too early. Its title is the
 * page's heading (lesson.hbs writes it as the <h1>), so a `# heading` in its text makes a second
 * page title for screen readers and, when it repeats the title, shows the title twice: a habit of
 * Markdown written elsewhere, where the first `#` line is the title.
 */
import { fileStart } from "../../diagnostics.js";
import type { Rule } from "../rule.js";

const normalized = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

export const lessonContent: Rule = {
  name: "lesson-content",
  run({ model, diagnostics }) {
    for (const page of model.pages) {
      if (page.kind !== "lesson") continue;
      const { body } = page;
      if (body.source.trim() === "") {
        const at = body.env.line > 1 ? { ...fileStart(page.file), line: body.env.line - 1 } : fileStart(page.file);
        diagnostics.error(at, "lesson is empty: write its content below the front matter");
        continue;
      }
      body.tokens.forEach((token, i) => {
        if (token.type !== "heading_open" || token.tag !== "h1" || !token.map) return;
        const text = body.tokens[i + 1]?.content ?? "";
        const at = { file: page.file, line: body.env.line + token.map[0], col: body.env.col };
        diagnostics.warning(
          at,
          normalized(text) === normalized(page.title)
            ? "this heading repeats the lesson's title, which the page already shows above the text: delete this line"
            : "a # heading makes a second title on the page (the lesson's title is its only top-level heading): start sections with ##",
        );
      });
    }
  },
};
