/**
 * A translatable text as translators see it: runs of text and inline codes. Markdown formatting
 * (emphasis, links, images, code, line breaks, inline HTML) becomes codes that carry their Markdown,
 * so an XLIFF tool can protect them and the translation can be written back as Markdown with the
 * formatting of the source. Plain texts (titles, UI strings) have codes only for `{placeholders}`.
 */
import { createHash } from "node:crypto";
import type { Token } from "markdown-it";

/** Formatting that wraps translatable text: the translator translates what is inside. */
export type PairRole = "strong" | "em" | "strike" | "link" | "image";
/** Formatting with nothing to translate inside: kept as it is, moved as a whole. */
export type StandaloneRole = "code" | "autolink" | "html" | "break" | "placeholder";

export interface PairCode {
  kind: "pair";
  id: string;
  role: PairRole;
  /** Markdown before and after the wrapped text, e.g. `[` and `](lesson-2.md)`. */
  start: string;
  end: string;
  parts: Part[];
}

export interface StandaloneCode {
  kind: "standalone";
  id: string;
  role: StandaloneRole;
  /** The Markdown it stands for, e.g. `` `pipeline` `` or `{n}`. */
  markup: string;
}

export type Code = PairCode | StandaloneCode;
export type Part = string | Code;

/** `markdown`: inline Markdown (written back escaped); `plain`: text shown as it is. */
export type SegmentFormat = "markdown" | "plain";

export interface Segment {
  format: SegmentFormat;
  parts: Part[];
}

/** Segment of a parsed inline Markdown token (a paragraph, heading, list item or table cell). */
export function segmentOfInline(children: readonly Token[]): Segment {
  let next = 1;
  const id = () => String(next++);
  const stack: { parts: Part[]; code?: PairCode }[] = [{ parts: [] }];
  const top = () => stack[stack.length - 1]!.parts;
  const open = (role: PairRole, start: string, end: string) => {
    const code: PairCode = { kind: "pair", id: id(), role, start, end, parts: [] };
    top().push(code);
    stack.push({ parts: code.parts, code });
  };
  const close = () => {
    if (stack.length > 1) stack.pop();
  };
  const standalone = (role: StandaloneRole, markup: string) =>
    top().push({ kind: "standalone", id: id(), role, markup });
  for (let i = 0; i < children.length; i++) {
    const t = children[i]!;
    switch (t.type) {
      case "text":
        top().push(t.content);
        break;
      case "softbreak":
        top().push(" ");
        break;
      case "hardbreak":
        standalone("break", "\\\n");
        break;
      case "code_inline":
        standalone("code", codeSpan(t.content, t.markup));
        break;
      case "html_inline":
        standalone("html", t.content);
        break;
      case "strong_open":
        open("strong", "**", "**");
        break;
      case "em_open":
        open("em", "*", "*");
        break;
      case "s_open":
        open("strike", "~~", "~~");
        break;
      case "link_open": {
        const href = String(t.attrGet("href") ?? "");
        if (t.markup === "autolink" || t.markup === "linkify") {
          // The link text is the address itself: nothing to translate.
          const shown = children[i + 1]?.type === "text" ? children[i + 1]!.content : href;
          standalone("autolink", t.markup === "autolink" ? `<${shown}>` : shown);
          while (i < children.length && children[i]!.type !== "link_close") i++;
        } else {
          open("link", "[", `](${destination(href, titleOf(t))})`);
        }
        break;
      }
      case "image": {
        const src = String(t.attrGet("src") ?? "");
        open("image", "![", `](${destination(src, titleOf(t))})`);
        top().push(t.content);
        close();
        break;
      }
      case "strong_close":
      case "em_close":
      case "s_close":
      case "link_close":
        close();
        break;
      default:
        // Tokens of other plugins: keep their text, so nothing is lost.
        if (t.content) top().push(t.content);
    }
  }
  return { format: "markdown", parts: mergeText(stack[0]!.parts) };
}

/** Plain text; `{name}` placeholders become codes when `placeholders` is set (UI strings). */
export function segmentOfPlain(text: string, placeholders = false): Segment {
  const parts: Part[] = [];
  let next = 1;
  let last = 0;
  if (placeholders) {
    for (const m of text.matchAll(/\{\w+\}/g)) {
      if (m.index > last) parts.push(text.slice(last, m.index));
      parts.push({ kind: "standalone", id: String(next++), role: "placeholder", markup: m[0] });
      last = m.index + m[0].length;
    }
  }
  if (last < text.length) parts.push(text.slice(last));
  return { format: "plain", parts };
}

function mergeText(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    if (typeof p === "string" && typeof out[out.length - 1] === "string") out[out.length - 1] += p;
    else out.push(typeof p === "string" || p.kind === "standalone" ? p : { ...p, parts: mergeText(p.parts) });
  }
  return out;
}

function titleOf(token: Token): string | null {
  const title = token.attrGet("title");
  return title === null ? null : String(title);
}

/** A link or image destination as Markdown: `<…>` when it holds spaces or parentheses. */
function destination(url: string, title: string | null): string {
  const dest = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : url;
  return title ? `${dest} "${title.replace(/["\\]/g, "\\$&")}"` : dest;
}

/** A code span with enough backticks (and padding) to hold `content`. */
function codeSpan(content: string, markup: string): string {
  const pad = /^`|`$/.test(content) || (/^ .* $/.test(content) && content.trim() !== "") ? " " : "";
  return `${markup}${pad}${content}${pad}${markup}`;
}

/** The segment's text with every code written out as Markdown (or plain text). */
export function toMarkdown(segment: Segment): string {
  const write = (parts: Part[]): string =>
    parts
      .map((p) => {
        if (typeof p === "string") return segment.format === "markdown" ? escapeMarkdown(p) : p;
        return p.kind === "pair" ? `${p.start}${write(p.parts)}${p.end}` : p.markup;
      })
      .join("");
  return write(segment.parts);
}

/**
 * Backslash-escapes what inline Markdown would read as syntax. Only inline syntax matters: a
 * translation is parsed as the inline content of the block it replaces, never as blocks.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]]|<(?=[A-Za-z/!?])/g, "\\$&")
    .replace(/~~/g, "\\~\\~")
    .replace(/!(?=\\\[)/g, "\\!")
    .replace(/&(?=#?\w+;)/g, "\\&");
}

/** Plain text of the parts: what a reader sees, for notes and comments. */
export function plainTextOf(parts: readonly Part[]): string {
  return parts
    .map((p) => (typeof p === "string" ? p : p.kind === "pair" ? plainTextOf(p.parts) : p.markup))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Every code of the parts, depth first in reading order. */
export function codesOf(parts: readonly Part[]): Code[] {
  const out: Code[] = [];
  for (const p of parts) {
    if (typeof p === "string") continue;
    out.push(p);
    if (p.kind === "pair") out.push(...codesOf(p.parts));
  }
  return out;
}

/**
 * The formatting of the parts without ids or text: which codes, with which Markdown, nested how.
 * Two texts with the same shape in any order of codes carry the same formatting.
 */
export function shapeOf(parts: readonly Part[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly Part[], path: string) => {
    for (const p of list) {
      if (typeof p === "string") continue;
      const key = p.kind === "pair" ? `${path}${p.start}…${p.end}` : `${path}${p.markup}`;
      out.push(key);
      if (p.kind === "pair") walk(p.parts, `${key} > `);
    }
  };
  walk(parts, "");
  return out.sort();
}

/**
 * Identifies the source text a translation was made from: text and codes, whitespace collapsed
 * (re-wrapping a paragraph is not a change), 12 hex digits of SHA-256.
 */
export function segmentHash(segment: Segment): string {
  const canonical = (parts: readonly Part[]): string =>
    parts
      .map((p) =>
        typeof p === "string"
          ? p
          : p.kind === "pair"
            ? `\u0001${p.start}\u0002${canonical(p.parts)}\u0002${p.end}\u0001`
            : `\u0003${p.markup}\u0003`,
      )
      .join("");
  const text = canonical(segment.parts).replace(/\s+/g, " ").trim();
  return createHash("sha256").update(`${segment.format}\0${text}`).digest("hex").slice(0, 12);
}
