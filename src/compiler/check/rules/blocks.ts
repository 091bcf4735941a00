/**
 * Blocks belong in lessons: a `:::` block or ```scenario in a quiz intro, a question or a scenario's
 * own text would not render. Captions must be WebVTT files, or browsers silently show none.
 */
import { readFile } from "node:fs/promises";
import { isWebVtt } from "../../blocks/media.js";
import { resolveReference } from "../../model/assets.js";
import type { Rule } from "../rule.js";

export const blocks: Rule = {
  name: "blocks",
  async run({ model, diagnostics }) {
    const fields = [
      ...model.pages.flatMap((p) =>
        p.kind === "lesson" ? p.blocks.flatMap((b) => b?.fields ?? []) : p.intro ? [p.intro] : [],
      ),
      ...model.questions.flatMap((q) => [q.prompt, ...(q.explanation ? [q.explanation] : [])]),
    ];
    for (const field of fields) {
      for (const block of field.env.blocks)
        diagnostics.error(
          block.at,
          `"${block.name}" blocks can only be used in a lesson's text, not inside a question, a quiz intro or a scenario`,
        );
    }
    const reads: Promise<void>[] = [];
    for (const page of model.pages) {
      if (page.kind !== "lesson") continue;
      for (const ref of page.blocks.flatMap((b) => b?.references ?? [])) {
        if (!/\.vtt$/i.test(ref.url)) continue;
        reads.push(
          readFile(resolveReference(ref.url, page.file), "utf8").then(
            (text) => {
              if (!isWebVtt(text))
                diagnostics.error(
                  ref.at,
                  `captions "${ref.url}" are not WebVTT: the file must start with the line "WEBVTT"`,
                );
            },
            // A missing file is reported by the references rule.
            () => undefined,
          ),
        );
      }
    }
    await Promise.all(reads);
  },
};
