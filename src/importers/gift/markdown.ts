/**
 * GIFT texts become Coursepack Markdown. `[markdown]` passes through; `[plain]` and `[moodle]` text is
 * escaped so `*`, `_` or `#` keep meaning what they meant; line breaks stay line breaks (Moodle's
 * auto-format shows them). HTML (`[html]`, or tags in `[moodle]` text) is simplified to the Markdown
 * it can be: bold, italics, code, line breaks, paragraphs, lists and web links. The rest (images,
 * tables, colours, underline…) cannot come along and is listed in `lost` so the import can say so.
 *
 * A small converter written for this rather than a library: it must report exactly which parts it
 * could not carry over, which HTML-to-Markdown libraries (turndown, node-html-markdown) do silently.
 */
import { decodeHTML } from "entities";
import { BLANK, type GiftText } from "./ast.js";

export interface MarkdownText {
  markdown: string;
  /** What HTML could not be carried over, e.g. `<u> formatting`, `image "x.png"`. */
  lost: string[];
}

const BLANK_MARKDOWN = "_____";
const HARD_BREAK = "\\\n";

/** `inline` for one-line fields (choices, matching items): paragraphs become line breaks. */
export function toMarkdown(t: GiftText, inline = false): MarkdownText {
  let result: MarkdownText;
  if (t.format === "markdown") result = { markdown: t.text, lost: [] };
  else if (t.format === "html") result = htmlToMarkdown(t.text);
  else if (t.format === "moodle" && /<[a-zA-Z!/]/.test(t.text)) result = htmlToMarkdown(t.text.replace(/\n/g, "<br>"));
  else result = { markdown: escapeMarkdown(t.text, t.format === "plain").replace(/\n/g, HARD_BREAK), lost: [] };
  let markdown = result.markdown.split(BLANK).join(BLANK_MARKDOWN);
  if (inline) markdown = markdown.replace(/\n{2,}/g, HARD_BREAK);
  return { markdown, lost: result.lost };
}

/** The text alone, for messages: tags of HTML and Moodle texts removed, entities decoded. */
export function plainOf(t: GiftText): string {
  return t.format === "html" || t.format === "moodle" ? decodeHTML(t.text.replace(/<[^>]*>/g, "")).trim() : t.text;
}

/**
 * Escapes what Markdown would otherwise read as syntax, and only that, so the YAML stays readable.
 * `atLineStart: false` for text that continues a line (where `#` or `1.` cannot start a block).
 */
export function escapeMarkdown(text: string, escapeHtml = true, atLineStart = true): string {
  let out = text
    .replace(/\\(?=[!-/:-@[-`{-~])/g, "\\\\")
    .replace(/`/g, "\\`")
    // `3 * 4` cannot be emphasis; `2*3*4` can.
    .replace(/\*/g, (m, i: number, s: string) => (/\s/.test(s[i - 1] ?? "") && /\s/.test(s[i + 1] ?? "") ? m : "\\*"))
    // Underscores inside words (snake_case) never are.
    .replace(/_/g, (m, i: number, s: string) =>
      /[\p{L}\p{N}]/u.test(s[i - 1] ?? "") && /[\p{L}\p{N}]/u.test(s[i + 1] ?? "") ? m : "\\_",
    )
    .replace(/~~/g, "\\~\\~");
  if (/\]\(|\]\[|\]:/.test(text)) out = out.replace(/\[/g, "\\[");
  if (escapeHtml) out = out.replace(/</g, "\\<").replace(/&(?=#?\w+;)/g, "\\&");
  return out
    .split("\n")
    .map((line, i) => (i === 0 && !atLineStart ? line : escapeLineStart(line)))
    .join("\n");
}

/** Headings, quotes, list items and rules are decided by how a line starts. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)(#{1,6})(?=\s|$)/, "$1\\$2")
    .replace(/^(\s*)>/, "$1\\>")
    .replace(/^(\s*)([-+])(?=\s)/, "$1\\$2")
    .replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/, "$1$2\\$3")
    .replace(/^(\s*)([=-]+\s*)$/, "$1\\$2");
}

interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = Element | string;

const VOID = new Set([
  "br",
  "img",
  "hr",
  "input",
  "wbr",
  "meta",
  "link",
  "source",
  "area",
  "col",
  "embed",
  "param",
  "track",
]);
/** Dropped with their content: nothing of them can show in a quiz. */
const DROPPED = new Set([
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "video",
  "audio",
  "svg",
  "math",
  "canvas",
  "form",
  "select",
  "textarea",
  "button",
  "input",
  "head",
  "title",
]);
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "blockquote",
  "center",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "tr",
  "figure",
  "figcaption",
  "dl",
  "dt",
  "dd",
  "hr",
]);
/** Tags whose meaning survives (or that carry none). */
const KEPT = new Set([
  "p",
  "div",
  "span",
  "br",
  "b",
  "strong",
  "i",
  "em",
  "code",
  "tt",
  "kbd",
  "samp",
  "pre",
  "ul",
  "ol",
  "li",
  "a",
  "s",
  "strike",
  "del",
  "html",
  "body",
  "nobr",
]);
const TABLE = new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"]);
/** Inline styles worth a warning when they disappear (alignment and direction are not). */
const VISIBLE_STYLE = /(?:^|;)\s*(?:color|background|font|text-decoration)/i;

export function htmlToMarkdown(html: string): MarkdownText {
  const lost = new Set<string>();
  const root = parseHtml(html);
  const out = render(root.children, lost)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { markdown: out, lost: [...lost] };
}

function parseHtml(html: string): Element {
  const root: Element = { tag: "#root", attrs: {}, children: [] };
  const stack: Element[] = [root];
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    if (m.index > last) stack.at(-1)!.children.push(decodeHTML(html.slice(last, m.index)));
    last = token.lastIndex;
    if (!m[2]) continue; // a comment
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const open = stack.map((e) => e.tag).lastIndexOf(tag);
      if (open > 0) stack.length = open;
      continue;
    }
    const element: Element = { tag, attrs: parseAttributes(m[3] ?? ""), children: [] };
    stack.at(-1)!.children.push(element);
    if (!VOID.has(tag) && !(m[3] ?? "").trim().endsWith("/")) stack.push(element);
  }
  if (last < html.length) stack.at(-1)!.children.push(decodeHTML(html.slice(last)));
  return root;
}

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(/([a-zA-Z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    attrs[m[1]!.toLowerCase()] = decodeHTML(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

function render(nodes: Node[], lost: Set<string>): string {
  let out = "";
  for (const node of nodes) {
    if (typeof node === "string") {
      let text = node.replace(/[ \t\n\r\f]+/g, " ");
      const lineStart = out === "" || out.endsWith("\n");
      if (lineStart) text = text.trimStart();
      out += escapeMarkdown(text, true, lineStart);
    } else {
      out += renderElement(node, lost);
    }
  }
  return out;
}

function renderElement(e: Element, lost: Set<string>): string {
  const inner = () => render(e.children, lost);
  if (DROPPED.has(e.tag)) {
    lost.add(`<${e.tag}> content`);
    return "";
  }
  if (TABLE.has(e.tag)) lost.add("table layout");
  else if (!KEPT.has(e.tag) && e.tag !== "img") lost.add(`<${e.tag}> formatting`);
  else if (VISIBLE_STYLE.test(e.attrs.style ?? "")) lost.add("text styles (colour, font)");
  switch (e.tag) {
    case "br":
      return HARD_BREAK;
    case "b":
    case "strong":
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6": {
      const bold = wrap("**", inner());
      return e.tag.startsWith("h") ? `\n\n${bold}\n\n` : bold;
    }
    case "i":
    case "em":
      return wrap("*", inner());
    case "s":
    case "strike":
    case "del":
      return wrap("~~", inner());
    case "code":
    case "tt":
    case "kbd":
    case "samp":
      return codeSpan(textOf(e));
    case "pre":
      return `\n\n\`\`\`\n${textOf(e).replace(/^\n|\n$/g, "")}\n\`\`\`\n\n`;
    case "ul":
    case "ol":
      return `\n\n${list(e, lost)}\n\n`;
    case "a": {
      const href = e.attrs.href ?? "";
      const text = inner();
      if (/^(https?:|mailto:)/i.test(href)) return `[${text.trim() || escapeMarkdown(href)}](<${href}>)`;
      if (href) lost.add(`link to "${href}"`);
      return text;
    }
    case "img": {
      lost.add(`image "${e.attrs.src ?? ""}"`);
      return escapeMarkdown(e.attrs.alt ?? "");
    }
    case "td":
    case "th":
      return `${inner().trim()} `;
    default:
      return BLOCKS.has(e.tag) ? `\n\n${inner().trim()}\n\n` : inner();
  }
}

/** `**bold**` around the trimmed content, keeping the spaces outside (`** x**` is not bold). */
function wrap(marker: string, content: string): string {
  const core = content.trim();
  if (!core) return content;
  const lead = content.slice(0, content.length - content.trimStart().length);
  const trail = content.slice(content.trimEnd().length);
  return `${lead}${marker}${core}${marker}${trail}`;
}

function codeSpan(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${text.includes("`") ? ` ${text} ` : text}${fence}`;
}

function textOf(e: Element): string {
  return e.children.map((c) => (typeof c === "string" ? c : c.tag === "br" ? "\n" : textOf(c))).join("");
}

/** One item per line; an item's further lines (and nested lists) are indented under its text. */
function list(e: Element, lost: Set<string>): string {
  let n = 0;
  return e.children
    .filter((c): c is Element => typeof c !== "string" && c.tag === "li")
    .map((li) => {
      const marker = e.tag === "ol" ? `${++n}. ` : "- ";
      const lines = render(li.children, lost)
        .trim()
        .replace(/\n{2,}/g, "\n")
        .split("\n");
      return `${marker}${lines.join(`\n${" ".repeat(marker.length)}`)}`;
    })
    .join("\n");
}
