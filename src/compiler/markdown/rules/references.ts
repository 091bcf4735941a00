/**
 * Core rule: records every relative image and link with its position, so the check stage can report
 * missing assets and broken lesson links before anything is rendered — and the would-be images and
 * links that Markdown did not read as such because their path has a space.
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import type { MarkdownEnv } from "../env.js";

/** True for URLs that leave the package: schemes (https:, mailto:…) and protocol-relative URLs. */
export function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//");
}

export function references(md: MarkdownIt): void {
  md.core.ruler.push("coursepack_references", (state: StateCore) => {
    const env = state.env as MarkdownEnv;
    const lines = state.src.split("\n");
    const at = (block: Token, written: string) => {
      const firstLine = block.map?.[0] ?? 0;
      const { line, col } = locate(lines, firstLine, block.map?.[1] ?? firstLine + 1, written);
      return { file: env.file, line: env.line + line, col: line === 0 ? env.col + col : col + 1 };
    };
    for (const block of state.tokens) {
      if (block.type === "html_block")
        for (const embed of insecureInHtml(block.content))
          env.insecureEmbeds.push({ ...embed, at: at(block, embed.url) });
      if (block.type !== "inline" || !block.children) continue;
      for (const token of block.children) {
        const raw =
          token.type === "image" ? token.attrGet("src") : token.type === "link_open" ? token.attrGet("href") : null;
        const url = raw === null ? null : String(raw);
        if (token.type === "image" && url !== null && /^http:/i.test(url))
          env.insecureEmbeds.push({ tag: "img", url, at: at(block, url) });
        if (token.type === "html_inline")
          for (const embed of insecureInHtml(token.content))
            env.insecureEmbeds.push({ ...embed, at: at(block, embed.url) });
        if (url === null || url === "" || isExternal(url) || url.startsWith("#")) continue;
        env.relativeLinks.push({
          kind: token.type === "image" ? "image" : "link",
          url,
          at: at(block, url),
          alt: token.type === "image" ? token.content : "",
        });
      }
      for (const spaced of findSpacedLinks(block.content))
        env.spacedLinks.push({ kind: spaced.kind, url: spaced.url, at: at(block, spaced.written), alt: spaced.alt });
    }
  });
}

/**
 * Elements of raw HTML that load an `http://` address: an LMS serves the course over https, where
 * browsers block such frames, media and scripts (and block or upgrade images). Links (`<a>`) are
 * not loaded by the page, so they are left alone.
 */
const INSECURE_EMBED =
  /<(img|iframe|video|audio|source|track|embed|object|script|link|input)\b[^>]*?\s(?:src|data|poster|href)\s*=\s*["']?(http:[^"'\s>]+)/gi;

function insecureInHtml(html: string): { tag: string; url: string }[] {
  return [...html.matchAll(INSECURE_EMBED)].map((m) => ({ tag: m[1]!.toLowerCase(), url: m[2]! }));
}

/**
 * `![alt](a b.svg)` and `[text](a b.pdf)`: a path with a space is not a link in Markdown, so the
 * image or link is shown as its source text and its file is left out of the package, silently.
 * Code spans are blanked first (their text is meant literally); `(path "title")` is a real link.
 */
const SPACED_LINK = /(!?)\[([^\]\n]*)\]\(([^()<>\n]*?\s[^()\n]*?)\)/g;
const TITLE_AFTER_PATH = /^\S+\s+("[^"]*"|'[^']*')\s*$/;

function findSpacedLinks(content: string): { kind: "image" | "link"; written: string; url: string; alt: string }[] {
  // Most paragraphs have no link at all: skip blanking their code spans.
  if (!content.includes("](")) return [];
  const code = content.replace(/(`+)[\s\S]*?\1/g, (span) => " ".repeat(span.length));
  const found = [];
  for (const m of code.matchAll(SPACED_LINK)) {
    const url = m[3]!.trim();
    if (url === "" || TITLE_AFTER_PATH.test(url) || isExternal(url)) continue;
    // Located by the text as written: a blanked code span may sit inside the brackets.
    const written = content.slice(m.index, m.index + m[0].length);
    found.push({ kind: m[1] ? ("image" as const) : ("link" as const), written, url, alt: m[2]! });
  }
  return found;
}

/** Finds the line and column where `url` is written within the block's lines. */
function locate(lines: string[], from: number, to: number, url: string): { line: number; col: number } {
  for (let i = from; i < Math.max(to, from + 1); i++) {
    const col = lines[i]?.indexOf(url) ?? -1;
    if (col >= 0) return { line: i, col };
  }
  return { line: from, col: 0 };
}
