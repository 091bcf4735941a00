/**
 * A course's own stylesheets (templates/*.css, and the theme or a block's stylesheet it replaces)
 * go through the minifier, which leaves out what it cannot read: an unclosed rule, a stray brace,
 * an empty property. Browsers skip such CSS too, so the course still builds, but the author is
 * told where, instead of finding a style silently missing.
 */
import path from "node:path";
import { minifyOwnCss } from "../../render/css.js";
import { findTemplates } from "../../render/templates.js";
import { readFile } from "../../../shared/node/fs-quick.js";
import type { Rule } from "../rule.js";

export const stylesheets: Rule = {
  name: "stylesheets",
  async run({ model, diagnostics }) {
    const dir = path.join(model.dir, "templates");
    const { files, extraCss } = await findTemplates(dir);
    const own = [...files.values(), ...extraCss].filter((f) => f.endsWith(".css") && f.startsWith(dir + path.sep));
    for (const file of own.sort()) {
      const { problems } = await minifyOwnCss(await readFile(file, "utf8"));
      for (const { line, col, message } of problems)
        diagnostics.warning(
          { file, line, col },
          `the minifier cannot read this CSS (${message}), so the packages leave it out, as browsers would`,
        );
    }
  },
};
