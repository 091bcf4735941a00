/** A lesson needs content; an empty one is almost always a file saved too early. */
import { fileStart } from "../../diagnostics.js";
import type { Rule } from "../rule.js";

export const lessonContent: Rule = {
  name: "lesson-content",
  run({ model, diagnostics }) {
    for (const page of model.pages) {
      if (page.kind !== "lesson") continue;
      if (page.body.source.trim() === "") {
        const at =
          page.body.env.line > 1 ? { ...fileStart(page.file), line: page.body.env.line - 1 } : fileStart(page.file);
        diagnostics.error(at, "lesson is empty: write its content below the front matter");
      }
    }
  },
};
