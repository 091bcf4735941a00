/**
 * The package's CSS, minified: the default theme was minified once, when Coursepack was compiled
 * (scripts/compile.mjs writes lib/theme.min.css with the same minifier), so only a course's own CSS
 * is minified during a build. clean-css at level 1 (whitespace, comments, shorter values; rules are
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

const DEFAULT_THEME = path.join(TEMPLATES_DIR, "theme.css");
const DEFAULT_THEME_MINIFIED = path.join(PACKAGE_ROOT, "lib", "theme.min.css");

let defaultTheme: Promise<string> | undefined;

export async function minifyCss(parts: readonly CssPart[]): Promise<string> {
  const minified = await Promise.all(
    parts.map((part) =>
      part.file === DEFAULT_THEME
        ? (defaultTheme ??= readFile(DEFAULT_THEME_MINIFIED, "utf8").catch(() => minifyText(part.text)))
        : minifyText(part.text),
    ),
  );
  return minified.join("\n");
}

/** Level 1 only: the author's cascade stays as written. */
export async function minifyText(css: string): Promise<string> {
  const { default: CleanCSS } = await import("clean-css");
  const result = new CleanCSS({ level: 1, inline: false, rebase: false }).minify(css);
  return result.styles;
}
