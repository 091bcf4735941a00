/**
 * A translation from XLIFF to the Markdown stored in i18n/: its codes take the Markdown of the
 * source's codes (the translator only moves them), its text is escaped, and the result is parsed
 * again to prove it carries exactly the source's formatting.
 */
import { collected, type MarkdownEnv } from "../compiler/markdown/env.js";
import { parseInlineIn } from "../compiler/markdown/index.js";
import {
  codesOf,
  segmentOfInline,
  shapeOf,
  toMarkdown,
  type Code,
  type Part,
  type SegmentFormat,
} from "../compiler/i18n/segment.js";

/** The target with the source's codes, as Markdown (or plain text). */
export function translationMarkdown(source: Part[], target: Part[], format: SegmentFormat): string {
  return toMarkdown({ format, parts: resolve(target, new Map(codesOf(source).map((c) => [c.id, c]))) }).trim();
}

function resolve(parts: Part[], codes: Map<string, Code>): Part[] {
  return parts.map((p) => {
    // XML whitespace is not meaningful here (tools re-wrap text); Markdown collapses it anyway.
    if (typeof p === "string") return p.replace(/\s+/g, " ");
    const original = codes.get(p.id) ?? p;
    if (original.kind === "standalone" || p.kind === "standalone") return original;
    return { ...original, parts: resolve(p.parts, codes) };
  });
}

const PROBE_ENV: MarkdownEnv = {
  file: "",
  line: 1,
  col: 1,
  idPrefix: "",
  ...collected(),
};

/** Why `markdown` would not show the formatting of `target`, or undefined when it does. */
export function checkFormatting(
  markdown: string,
  source: Part[],
  target: Part[],
  format: SegmentFormat,
): string | undefined {
  if (format !== "markdown") return undefined;
  const codes = new Map(codesOf(source).map((c) => [c.id, c]));
  const expected = shapeOf(resolve(target, codes));
  const actual = shapeOf(segmentOfInline(parseInlineIn(markdown, PROBE_ENV).tokens).parts);
  if (expected.join("\n") === actual.join("\n")) return undefined;
  const extra = actual.filter((s) => !expected.includes(s));
  const lost = expected.filter((s) => !actual.includes(s));
  return `written as Markdown (${JSON.stringify(markdown)}) it would ${lost.length ? `lose ${lost.join(", ")}` : ""}${lost.length && extra.length ? " and " : ""}${extra.length ? `gain ${extra.join(", ")}` : ""}; usually emphasis right next to a letter: put a space outside the code, or move it`;
}

/** A code as an author would recognise it: `**…**`, `[…](lesson-2.md)`, `` `x` ``. */
export function describeCode(code: Code): string {
  const text = code.kind === "pair" ? `${code.start}…${code.end}` : code.markup;
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
