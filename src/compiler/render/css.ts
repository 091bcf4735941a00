/**
 * The package's CSS, minified: the default theme and the blocks' stylesheets were minified once,
 * when Coursepack was compiled (scripts/compile.mjs writes lib/theme.min.css and
 * lib/blocks/<name>.min.css with the same minifier), so only a course's own CSS is minified during
 * a build. clean-css at level 1 (whitespace, comments, shorter values; rules are
 * never merged or reordered), loaded only when a course has CSS of its own.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PACKAGE_ROOT, TEMPLATES_DIR } from "../../shared/node/paths.js";

export interface CssPart {
  /** The file it came from. */
  file: string;
  text: string;
}

/** Minified default stylesheets by source file, read once per process. */
const premade = new Map<string, Promise<string>>();

/** lib/<name>.min.css for a default stylesheet templates/<name>.css; undefined for a course's own. */
function premadeFile(file: string): string | undefined {
  const rel = path.relative(TEMPLATES_DIR, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return path.join(PACKAGE_ROOT, "lib", rel.replace(/\.css$/, ".min.css"));
}

export async function minifyCss(parts: readonly CssPart[]): Promise<string> {
  const minified = await Promise.all(
    parts.map((part) => {
      const made = premadeFile(part.file);
      if (!made) return minifyText(part.text);
      let text = premade.get(part.file);
      if (!text) {
        text = readFile(made, "utf8").catch(() => minifyText(part.text));
        premade.set(part.file, text);
      }
      return text;
    }),
  );
  return minified.join("\n");
}

/** Level 1 only: the author's cascade stays as written. */
export async function minifyText(css: string): Promise<string> {
  const { default: CleanCSS } = await import("clean-css");
  const result = new CleanCSS({ level: 1, inline: false, rebase: false }).minify(css);
  return result.styles;
}
