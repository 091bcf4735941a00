/**
 * A course's `templates/` folder is read into every page (templates, theme CSS, strings), so a
 * symbolic link there that leads out of the course folder would put that file's text into the
 * packages; the templates stage leaves such links out, and this rule says so.
 */
import path from "node:path";
import { fileStart } from "../../diagnostics.js";
import { linkAdvice, linkedOutside, listFiles } from "../../load/course-paths.js";
import type { Rule } from "../rule.js";

export const templateLinks: Rule = {
  name: "template-links",
  async run({ model, diagnostics }) {
    const dir = path.join(model.dir, "templates");
    const folderOutside = linkedOutside(model.dir, dir);
    if (folderOutside) return diagnostics.error(fileStart(dir), `templates/ ${linkAdvice(model.dir, folderOutside)}`);
    for (const { rel, link } of await listFiles(dir)) {
      if (!link) continue;
      const file = path.join(dir, rel);
      const outside = linkedOutside(model.dir, file);
      if (outside) diagnostics.error(fileStart(file), `templates/${rel} ${linkAdvice(model.dir, outside)}`);
    }
  },
};
