/**
 * Relative images and links must point at files inside the course folder that exist (following
 * symbolic links, which must not lead out of it), links to lessons must name a lesson in the
 * outline, images need alt text for screen readers, and a path with a space is written in <…>.
 * What the page loads from an http:// address is blocked inside an LMS served over https.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileEdits, isInside, linkAdvice, linkedOutside, nearestFile } from "../../load/course-paths.js";
import { AssetMap, isLessonLink, referencePath, resolveReference } from "../../model/assets.js";
import { markdownFields } from "../../model/fields.js";
import { nearest, youMeant } from "../../../shared/nearest.js";
import type { Rule } from "../rule.js";

export const references: Rule = {
  name: "references",
  async run({ model, diagnostics }) {
    const lessonFiles = new Set(model.pages.map((p) => p.file));
    const checks: Promise<void>[] = [];
    for (const field of markdownFields(model)) {
      for (const { tag, url, at } of field.env.insecureEmbeds)
        diagnostics.warning(
          at,
          `${tag === "img" ? "image" : `<${tag}>`} "${url}" is loaded over http://, which browsers block (or force to https) in a course an LMS serves over https; use its https:// address, or a file in the course folder`,
        );
      for (const ref of field.env.spacedLinks) {
        const what = ref.kind === "image" ? "image" : "link";
        const fixed = ref.kind === "image" ? `![${ref.alt}](<${ref.url}>)` : `[${ref.alt}](<${ref.url}>)`;
        diagnostics.warning(
          ref.at,
          `${what} "${ref.url}" is shown as text, not as ${ref.kind === "image" ? "an image" : "a link"}: Markdown ends a path at a space; write ${fixed} or rename the file without spaces`,
        );
      }
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
            diagnostics.error(
              ref.at,
              `link "${ref.url}" names no lesson in the outline of course.yml${youMeant(lessonLinkHint(ref.url, field.env.file, lessonFiles))}`,
            );
          continue;
        }
        if (!AssetMap.isAsset(ref.url)) continue;
        const name = `${what} "${referencePath(ref.url)}"`;
        checks.push(
          checkFile(model.dir, file).then(async (problem) => {
            if (problem === "folder") diagnostics.error(ref.at, `${name} is a folder, not a file`);
            else if (problem === "missing") {
              const hint = await nearestFile(file, referencePath(ref.url));
              diagnostics.error(
                ref.at,
                `${name} not found (looked for ${path.relative(model.dir, file)} in the course folder${hint ? `; did you mean "${hint}"?` : ""})`,
              );
            } else if (problem) diagnostics.error(ref.at, `${name} ${linkAdvice(model.dir, problem.outside)}`);
          }),
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
          checkFile(model.dir, file).then((problem) => {
            if (problem === "missing") diagnostics.error(at, `theme logo "${logo}" not found`);
            else if (problem === "folder") diagnostics.error(at, `theme logo "${logo}" is a folder, not a file`);
            else if (problem) diagnostics.error(at, `theme logo "${logo}" ${linkAdvice(model.dir, problem.outside)}`);
          }),
        );
    }
    await Promise.all(checks);
  },
};

/** The lesson of the outline a mistyped link most likely means, written as `from` would link to it. */
function lessonLinkHint(url: string, from: string, lessonFiles: ReadonlySet<string>): string | undefined {
  const here = path.dirname(from);
  const [written, anchor] = url.split("#", 2) as [string, string | undefined];
  const links = [...lessonFiles].filter((f) => f !== from).map((f) => path.relative(here, f).split(path.sep).join("/"));
  const best = nearest(written, links, fileEdits(written));
  return best && (anchor === undefined ? best : `${best}#${anchor}`);
}

/** What is wrong with a file an asset reference names, if anything. */
async function checkFile(root: string, file: string): Promise<"missing" | "folder" | { outside: string } | undefined> {
  const outside = linkedOutside(root, file);
  if (outside) return { outside };
  const info = await stat(file).catch(() => undefined);
  if (!info) return "missing";
  return info.isFile() ? undefined : "folder";
}
