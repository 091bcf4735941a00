/**
 * Splits `---` front matter from a Markdown file. Hand-written because the common libraries
 * (gray-matter, front-matter) parse the YAML themselves and lose the line numbers we report.
 */
export type FrontMatterSplit =
  | { kind: "found"; yaml: string; body: string; bodyLine: number }
  | { kind: "missing" }
  | { kind: "unterminated" };

export function splitFrontMatter(content: string): FrontMatterSplit {
  const text = content.replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---") return { kind: "missing" };
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) return { kind: "unterminated" };
  return {
    kind: "found",
    yaml: lines.slice(1, end).join("\n"),
    body: lines.slice(end + 1).join("\n"),
    bodyLine: end + 2,
  };
}
