/**
 * The Markdown pipeline: markdown-it with our rules in a fixed order. Parsing (model stage) and
 * rendering (render stage) are separate calls so positions are checked before any HTML is written.
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";
import { slugify } from "../model/slug.js";
import type { MarkdownEnv, MarkdownField, ReferenceResolver } from "./env.js";
import { blocks } from "./rules/blocks.js";
import { checks } from "./rules/checks.js";
import { links } from "./rules/links.js";
import { references } from "./rules/references.js";

export type { MarkdownField } from "./env.js";

function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: true, linkify: true, typographer: true });
  md.use(anchor, {
    level: 1,
    slugifyWithState: (title, state) => `${(state.env as MarkdownEnv).idPrefix}-${slugify(title)}`,
  });
  md.use(checks);
  md.use(references);
  md.use(links);
  // Last: blocks collapse their tokens once every other rule has seen them.
  md.use(blocks);
  return md;
}

let shared: MarkdownIt | undefined;
function markdown(): MarkdownIt {
  return (shared ??= createMarkdown());
}

export interface Origin {
  file: string;
  /** 1-based line where the Markdown's first line sits in its file. */
  line: number;
  col: number;
  idPrefix: string;
}

export function parseMarkdown(source: string, origin: Origin, inline = false): MarkdownField {
  const env: MarkdownEnv = { ...origin, relativeLinks: [], checks: [], blocks: [], blockProblems: [] };
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
