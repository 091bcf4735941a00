/**
 * Blocks: `::: name label {attrs}` containers (markdown-it-container) and ```scenario fences. Runs
 * after every other core rule, so links, images, anchors and knowledge checks inside a block are
 * recorded like anywhere else; then each block's tokens collapse into one `cp_block` token whose
 * meta points at its BlockSyntax in env.blocks. Which names exist and what they hold is checked by
 * src/compiler/blocks/, not here.
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import container from "markdown-it-container";
import type { Position } from "../../diagnostics.js";
import type { BlockAttr, BlockItem, BlockSyntax, MarkdownEnv } from "../env.js";

const CONTAINER = "block";
/** Fenced blocks whose content is YAML handled by a block kind. */
const FENCED_BLOCKS = new Set(["scenario"]);
const ATTRS_AT_END = /\s*\{([^{}]*)\}\s*$/;

export function blocks(md: MarkdownIt): void {
  md.use(container, CONTAINER, { validate: (params: string) => /^\s*[A-Za-z][\w-]*/.test(params) });
  md.core.ruler.push("coursepack_blocks", (state: StateCore) => {
    const env = state.env as MarkdownEnv;
    const lines = state.src.split("\n");
    state.tokens = collapse(state.tokens, { env, lines });
  });
  md.renderer.rules.cp_block = (tokens, idx, options, rawEnv, self) => {
    const env = rawEnv as MarkdownEnv;
    const index = (tokens[idx]!.meta as { blockIndex: number }).blockIndex;
    return (
      env.renderBlock?.(index, {
        tokens: (inner) => self.render(inner, options, env),
        inline: (token) => self.renderInline(token.children ?? [], options, env),
      }) ?? ""
    );
  };
}

interface Context {
  env: MarkdownEnv;
  lines: string[];
}

function position(ctx: Context, line: number, col: number): Position {
  return { file: ctx.env.file, line: ctx.env.line + line, col: line === 0 ? ctx.env.col + col - 1 : col };
}

/** Replaces every block in `tokens` (innermost first) with one cp_block token. */
function collapse(tokens: Token[], ctx: Context): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === `container_${CONTAINER}_open`) {
      const close = matchingClose(tokens, i);
      const inner = collapse(tokens.slice(i + 1, close), ctx);
      out.push(blockToken(token, containerSyntax(token, inner, ctx), ctx));
      i = close;
    } else if (token.type === "fence" && FENCED_BLOCKS.has(token.info.trim())) {
      out.push(blockToken(token, fenceSyntax(token, ctx), ctx));
    } else {
      if (token.type === "inline") strayClosers(token, ctx);
      out.push(token);
    }
  }
  return out;
}

/** A line of colons left in a paragraph closes no block: usually a block inside another with as many colons. */
function strayClosers(inline: Token, ctx: Context): void {
  inline.content.split("\n").forEach((text, i) => {
    if (!/^:{3,}\s*$/.test(text)) return;
    const line = (inline.map?.[0] ?? 0) + i;
    ctx.env.blockProblems.push({
      at: position(ctx, line, indentOf(ctx.lines[line]) + 1),
      message: `"${text.trim()}" closes no block: delete it, or open one above it with "::: name" (a block inside another needs fewer colons than the one around it: "::::" outside, ":::" inside)`,
    });
  });
}

function matchingClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.type === `container_${CONTAINER}_open`) depth++;
    else if (tokens[i]!.type === `container_${CONTAINER}_close` && --depth === 0) return i;
  }
  return tokens.length;
}

function blockToken(source: Token, syntax: BlockSyntax, ctx: Context): Token {
  const token = Object.assign(Object.create(Object.getPrototypeOf(source) as object) as Token, source, {
    type: "cp_block",
    tag: "",
    nesting: 0,
    children: null,
    meta: { blockIndex: ctx.env.blocks.length },
  });
  ctx.env.blocks.push(syntax);
  return token;
}

function indentOf(line: string | undefined): number {
  return /^\s*/.exec(line ?? "")?.[0].length ?? 0;
}

function containerSyntax(open: Token, inner: Token[], ctx: Context): BlockSyntax {
  const [first = 0, end = first + 1] = open.map ?? [];
  const line = ctx.lines[first] ?? "";
  const markerEnd = indentOf(line) + open.markup.length;
  const info = open.info;
  const name = /^\s*([A-Za-z][\w-]*)/.exec(info)?.[1] ?? "";
  const afterName = info.indexOf(name) + name.length;
  const { text: label, attrs } = splitAttrs(info.slice(afterName), (offset) =>
    position(ctx, first, markerEnd + afterName + offset + 1),
  );
  const closing = ctx.lines[end] ?? "";
  if (end >= ctx.lines.length || !new RegExp(`^\\s*:{${open.markup.length},}\\s*$`).test(closing)) {
    ctx.env.blockProblems.push({
      at: position(ctx, first, indentOf(line) + 1),
      message: `block "${name}" is never closed: end it with a line "${open.markup}" (a block inside another needs fewer colons than the one around it)`,
    });
  }
  const labelOffset = info.slice(afterName).search(/\S|$/);
  const split = splitItems(inner, ctx);
  return {
    name,
    label,
    labelAt: position(ctx, first, markerEnd + afterName + labelOffset + 1),
    attrs,
    at: position(ctx, first, indentOf(line) + 1),
    body: inner,
    ...split,
  };
}

function fenceSyntax(fence: Token, ctx: Context): BlockSyntax {
  const first = fence.map?.[0] ?? 0;
  const at = position(ctx, first, indentOf(ctx.lines[first]) + 1);
  const text = { text: fence.content, line: at.line + 1, col: at.col };
  return {
    name: fence.info.trim(),
    label: "",
    labelAt: at,
    attrs: [],
    at,
    body: [],
    intro: [],
    introAt: undefined,
    items: [],
    fence: text,
  };
}

/** Splits the block's content at the headings of the level of its first heading. */
function splitItems(
  tokens: Token[],
  ctx: Context,
): { intro: Token[]; introAt: Position | undefined; items: BlockItem[] } {
  const level = tokens.find((t) => t.type === "heading_open")?.tag;
  const items: BlockItem[] = [];
  const intro: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "heading_open" && token.tag === level) {
      const inline = tokens[i + 1]!;
      const line = token.map?.[0] ?? 0;
      const source = ctx.lines[line] ?? "";
      const { text, attrs } = splitAttrs(inline.content, (offset) =>
        position(ctx, line, source.indexOf(inline.content) + offset + 1),
      );
      items.push({
        label: withoutAttrs(inline, text),
        attrs,
        body: [],
        at: position(ctx, line, indentOf(source) + 1),
        level: Number(token.tag.slice(1)),
      });
      i += 2; // inline, heading_close
    } else {
      (items.at(-1)?.body ?? intro).push(token);
    }
  }
  const first = intro.find((t) => t.map)?.map?.[0];
  const introAt = first === undefined ? undefined : position(ctx, first, indentOf(ctx.lines[first]) + 1);
  return { intro, introAt, items };
}

/** A copy of an inline token whose text ends before its `{attrs}`. */
function withoutAttrs(inline: Token, text: string): Token {
  if (text === inline.content) return inline;
  const children = (inline.children ?? []).map((c) => c);
  const last = children.at(-1);
  if (last?.type === "text") {
    const trimmed = last.content.replace(ATTRS_AT_END, "");
    children[children.length - 1] = Object.assign(Object.create(Object.getPrototypeOf(last) as object) as Token, last, {
      content: trimmed,
    });
  }
  return Object.assign(Object.create(Object.getPrototypeOf(inline) as object) as Token, inline, {
    content: text,
    children,
  });
}

/**
 * `Title {#id required x=20 caption="A b"}` → the text before the braces and the attributes, each
 * with its position (`at(offset)` maps an offset in `text` to the file).
 */
export function splitAttrs(text: string, at: (offset: number) => Position): { text: string; attrs: BlockAttr[] } {
  const match = ATTRS_AT_END.exec(text);
  if (!match) return { text: text.trim(), attrs: [] };
  const start = match.index + match[0].indexOf("{") + 1;
  const attrs: BlockAttr[] = [];
  for (const m of match[1]!.matchAll(/#([^\s=]+)|([^\s=#]+)(?:=("[^"]*"|'[^']*'|\S+))?/g)) {
    const raw = m[3];
    const value = m[1] ?? (raw === undefined ? undefined : raw.replace(/^(["'])(.*)\1$/, "$2"));
    attrs.push({ key: m[1] !== undefined ? "id" : m[2]!, value, at: at(start + m.index) });
  }
  return { text: text.slice(0, match.index).trim(), attrs };
}
