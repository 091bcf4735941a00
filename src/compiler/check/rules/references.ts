/**
 * Relative images and links must point at files inside the course folder that exist, links to
 * lessons must name a lesson in the outline, and images need alt text for screen readers.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { isInside } from "../../load/load-course.js";
import { AssetMap, isLessonLink, referencePath, resolveReference } from "../../model/assets.js";
import { markdownFields } from "../../model/fields.js";
import type { Rule } from "../rule.js";

export const references: Rule = {
  name: "references",
  async run({ model, diagnostics }) {
    const lessonFiles = new Set(model.pages.map((p) => p.file));
    const checks: Promise<void>[] = [];
    for (const field of markdownFields(model)) {
      for (const ref of field.env.relativeLinks) {
        const file = resolveReference(ref.url, field.env.file);
        const what = ref.kind === "image" ? "image" : "link";
        if (!isInside(model.dir, file)) {
          diagnostics.error(
            ref.at,
            `${what} "${ref.url}" points outside the course folder; copy the file into ${path.basename(model.dir)}/ and link to the copy`,
          );
          continue;
        }
        if (ref.kind === "image" && ref.alt.trim() === "") {
          diagnostics.warning(
            ref.at,
            `image "${ref.url}" has no alt text: describe it in the brackets, ![like this](${ref.url}), or use ![""] only for decoration`,
          );
        }
        if (isLessonLink(ref.url)) {
          if (!lessonFiles.has(file))
            diagnostics.error(ref.at, `link "${ref.url}" names no lesson in the outline of course.yml`);
          continue;
        }
        if (!AssetMap.isAsset(ref.url)) continue;
        checks.push(
          stat(file).then(
            (s) => {
              if (!s.isFile()) diagnostics.error(ref.at, `${what} "${referencePath(ref.url)}" is a folder, not a file`);
            },
            () =>
              diagnostics.error(
                ref.at,
                `${what} "${referencePath(ref.url)}" not found (looked for ${path.relative(model.dir, file)} in the course folder)`,
              ),
          ),
        );
      }
    }
    const logo = model.config.theme.logo;
    if (logo !== undefined) {
      const at = model.courseSource.position(["theme", "logo"]);
      const file = resolveReference(logo, model.courseFile);
      if (!isInside(model.dir, file)) diagnostics.error(at, `theme logo "${logo}" points outside the course folder`);
      else
        checks.push(
          stat(file).then(
            () => undefined,
            () => diagnostics.error(at, `theme logo "${logo}" not found`),
          ),
        );
    }
    await Promise.all(checks);
  },
};
