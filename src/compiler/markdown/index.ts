/**
 * The Markdown pipeline: markdown-it with our rules in a fixed order. Parsing (model stage) and
 * rendering (render stage) are separate calls so positions are checked before any HTML is written.
 */
import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import { slugify } from "../model/slug.js";
import { collected, type MarkdownEnv, type MarkdownField, type Reference, type ReferenceResolver } from "./env.js";
import { blocks } from "./rules/blocks.js";
import { checks } from "./rules/checks.js";
import { direction } from "./rules/direction.js";
import { links } from "./rules/links.js";
import { references } from "./rules/references.js";

export type { MarkdownField } from "./env.js";

function createMarkdown(quotes?: readonly string[]): MarkdownIt {
  const md = markdownIt({ html: true, linkify: true, typographer: true, ...(quotes ? { quotes: [...quotes] } : {}) });
  md.use(anchor, {
    level: 1,
    slugifyWithState: (title, state) => `${(state.env as MarkdownEnv).idPrefix}-${slugify(title)}`,
  });
  md.use(checks);
  md.use(references);
  md.use(links);
  md.use(direction);
  // Last: blocks collapse their tokens once every other rule has seen them.
  md.use(blocks);
  return md;
}

let shared: MarkdownIt | undefined;
function markdown(): MarkdownIt {
  return (shared ??= createMarkdown());
}

/** Instances whose typographer writes a language's own quotation marks, by quotes. */
const withQuotes = new Map<string, MarkdownIt>();

export interface Origin {
  file: string;
  /** 1-based line where the Markdown's first line sits in its file. */
  line: number;
  col: number;
  idPrefix: string;
}

export function parseMarkdown(source: string, origin: Origin, inline = false): MarkdownField {
  const env: MarkdownEnv = { ...origin, ...collected() };
  const md = markdown();
  const tokens = inline ? md.parseInline(source, env) : md.parse(source, env);
  return { source, tokens, env, inline };
}

export interface EmbeddedRenderers {
  check?: MarkdownEnv["renderCheck"];
  block?: MarkdownEnv["renderBlock"];
}

export function renderMarkdown(
  field: MarkdownField,
  resolve: ReferenceResolver,
  embedded: EmbeddedRenderers = {},
): string {
  const md = markdown();
  const env: MarkdownEnv = {
    ...field.env,
    resolve,
    ...(embedded.check ? { renderCheck: embedded.check } : {}),
    ...(embedded.block ? { renderBlock: embedded.block } : {}),
  };
  return md.renderer.render(field.tokens, md.options, env);
}

/**
 * Parses `source` as inline Markdown of the document `env` belongs to (a translation replacing one
 * of its paragraphs): links resolve from the same file. Straight quotes become `quotes` (the four
 * marks markdown-it's typographer takes: double open, double close, single open, single close).
 */
export function parseInlineIn(
  source: string,
  env: MarkdownEnv,
  quotes?: readonly string[],
): { tokens: Token[]; references: Reference[] } {
  let md = markdown();
  if (quotes) {
    const key = quotes.join("\0");
    md = withQuotes.get(key) ?? createMarkdown(quotes);
    withQuotes.set(key, md);
  }
  const scratch: MarkdownEnv = { ...env, ...collected() };
  const [inline] = md.parseInline(source, scratch);
  return { tokens: inline?.children ?? [], references: scratch.relativeLinks };
}
