/**
 * Core rule: records every relative image and link with its position, so the check stage can report
 * missing assets and broken lesson links before anything is rendered.
 */
import type { MarkdownIt, StateCore } from "markdown-it";
import type { MarkdownEnv } from "../env.js";

/** True for URLs that leave the package: schemes (https:, mailto:…) and protocol-relative URLs. */
export function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//");
}

export function references(md: MarkdownIt): void {
  md.core.ruler.push("coursepack_references", (state: StateCore) => {
    const env = state.env as MarkdownEnv;
    const lines = state.src.split("\n");
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const firstLine = block.map?.[0] ?? 0;
      for (const token of block.children) {
        const raw =
          token.type === "image" ? token.attrGet("src") : token.type === "link_open" ? token.attrGet("href") : null;
        const url = raw === null ? null : String(raw);
        if (url === null || url === "" || isExternal(url) || url.startsWith("#")) continue;
        const { line, col } = locate(lines, firstLine, block.map?.[1] ?? firstLine + 1, url);
        env.relativeLinks.push({
          kind: token.type === "image" ? "image" : "link",
          url,
          at: { file: env.file, line: env.line + line, col: line === 0 ? env.col + col : col + 1 },
          alt: token.type === "image" ? token.content : "",
        });
      }
    }
  });
}

/** Finds the line and column where `url` is written within the block's lines. */
function locate(lines: string[], from: number, to: number, url: string): { line: number; col: number } {
  for (let i = from; i < Math.max(to, from + 1); i++) {
    const col = lines[i]?.indexOf(url) ?? -1;
    if (col >= 0) return { line: i, col };
  }
  return { line: from, col: 0 };
}
