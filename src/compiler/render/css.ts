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

/** What the minifier could not read and left out, at its 1-based line and column. */
export interface CssProblem {
  line: number;
  col: number;
  message: string;
}

export interface MinifiedCss {
  styles: string;
  problems: CssProblem[];
}

/**
 * A course's stylesheets by text: the check stage reports their problems (rules/stylesheets.ts)
 * and the render stage ships them, from one minification. A preview session edits them: the most
 * recent few are kept.
 */
const ownCss = new Map<string, Promise<MinifiedCss>>();
const KEPT = 32;

/** Level 1 only: the author's cascade stays as written. */
export function minifyOwnCss(css: string): Promise<MinifiedCss> {
  let made = ownCss.get(css);
  if (!made) {
    made = import("clean-css").then(({ default: CleanCSS }) => {
      const result = new CleanCSS({ level: 1, inline: false, rebase: false }).minify(css);
      const problems = [...result.errors, ...result.warnings].map(cssProblem);
      // A stray "}" is reported twice, as unexpected and as invalid: one finding per place.
      const places = new Set<string>();
      const once = problems.filter((p) => !places.has(`${p.line}:${p.col}`) && places.add(`${p.line}:${p.col}`));
      return { styles: result.styles, problems: once };
    });
    ownCss.set(css, made);
    if (ownCss.size > KEPT) ownCss.delete(ownCss.keys().next().value!);
  }
  return made;
}

async function minifyText(css: string): Promise<string> {
  return (await minifyOwnCss(css)).styles;
}

/** clean-css says "Invalid character(s) '.x {' at 2:1. Ignoring.", with a 0-based column. */
function cssProblem(text: string): CssProblem {
  const at = / at (\d+):(\d+)\.?/.exec(text);
  const message = text
    .replace(/ at \d+:\d+/, "")
    .replace(/\.? Ignoring\.$/, "")
    .replace(/\.$/, "")
    .replace(/'([^']*)'/, (_, quoted: string) => `'${quoted.replace(/\s+/g, " ").trim().slice(0, 40)}'`);
  return at ? { line: Number(at[1]), col: Number(at[2]) + 1, message } : { line: 1, col: 1, message };
}
