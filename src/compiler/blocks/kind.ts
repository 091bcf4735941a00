/**
 * One module per block behind this interface: it checks the block as written (BlockSyntax, from
 * src/compiler/markdown/rules/blocks.ts), builds its model, renders it through its template in
 * templates/blocks/, and, when learners interact with it, describes it to the runtime. The closed
 * set of names is the registry in index.ts.
 */
import type { Token } from "markdown-it";
import type { BlockData } from "../../shared/course-data.js";
import { nearest } from "../../shared/nearest.js";
import type { Diagnostics, Position } from "../diagnostics.js";
import type { BlockAttr, BlockItem, BlockSyntax, MarkdownField, Reference } from "../markdown/env.js";

export const BLOCK_NAMES = [
  "note",
  "tip",
  "warning",
  "example",
  "takeaway",
  "accordion",
  "tabs",
  "flipcards",
  "steps",
  "reveal",
  "hotspots",
  "quote",
  "timeline",
  "video",
  "audio",
  "scenario",
] as const;
export type BlockName = (typeof BLOCK_NAMES)[number];

/** What every block model has; kinds add their own fields. */
export interface BlockModel {
  name: BlockName;
  id: string;
  idAuthored: boolean;
  at: Position;
  /** Plain-text name for to-do lists and LMS reports. */
  title: string;
  /** Interactive blocks only: the lesson waits for it. */
  required: boolean;
  /** Relative files it uses (media, captions, images), checked and packaged like Markdown links. */
  references: Reference[];
  /** Markdown fields it owns outside the lesson's token stream (scenario texts), for link checks. */
  fields: MarkdownField[];
}

export interface BuildContext {
  lessonId: string;
  /** The block's number among the lesson's blocks of the same name, from 1, for derived ids. */
  ordinal: number;
  file: string;
  diagnostics: Diagnostics;
}

export interface RenderContext {
  /** Renders tokens of the block's Markdown (with links, images, nested blocks and checks). */
  tokens(tokens: Token[]): string;
  /** Renders an item heading's text. */
  inline(token: Token): string;
  /** Renders a Markdown field the block owns. */
  field(field: MarkdownField): string;
  /** Package path of a relative file the block references. */
  asset(url: string): string | undefined;
  /** Renders the block's template (templates/blocks/<BlockKind.template>.hbs) with `view`. */
  template(view: object): string;
  /** The package's language (its interface strings). */
  language: string;
  /** The language of the file the package ships for a reference (a translation may have its own). */
  assetLanguage(url: string): string;
  t(key: string, params?: Record<string, unknown>): string;
}

export interface BlockKind<M extends BlockModel = BlockModel> {
  /** Its template and stylesheet: templates/blocks/<template>.hbs and .css. */
  template: string;
  /** Checks the block as written; returns its model, or undefined after reporting why it is unusable. */
  build(syntax: BlockSyntax, ctx: BuildContext): M | undefined;
  render(block: M, ctx: RenderContext): string;
  /** Interactive blocks: what the runtime tracks. */
  data?(block: M, page: string): BlockData;
}

/** Reads the `{…}` attributes a kind accepts; unknown or repeated ones are errors. */
export function readAttrs(
  attrs: BlockAttr[],
  accepted: readonly string[],
  where: string,
  diagnostics: Diagnostics,
): Map<string, BlockAttr> {
  const found = new Map<string, BlockAttr>();
  const known = ["id", ...accepted];
  for (const attr of attrs) {
    if (!known.includes(attr.key)) {
      const close = nearest(attr.key, known);
      const hint = close
        ? `did you mean "${close}"?`
        : `${where} accepts ${known.map((k) => (k === "id" ? "#id" : k)).join(", ")}`;
      diagnostics.error(attr.at, `unknown attribute "${attr.key}" (${hint})`);
    } else if (found.has(attr.key)) {
      diagnostics.error(attr.at, `"${attr.key}" is given twice; keep one`);
    } else {
      found.set(attr.key, attr);
    }
  }
  return found;
}

const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

/** The block's id: `{#id}` as written, or derived from the lesson and the block's place in it. */
export function blockId(
  syntax: BlockSyntax,
  attrs: Map<string, BlockAttr>,
  ctx: BuildContext,
): { id: string; idAuthored: boolean } {
  const written = attrs.get("id");
  if (written?.value !== undefined) {
    if (!ID_PATTERN.test(written.value) || written.value.length > 64)
      ctx.diagnostics.error(
        written.at,
        `block id "${written.value}" must start with a lowercase letter and use only a-z, 0-9, '-' and '_' (at most 64 characters)`,
      );
    return { id: written.value, idAuthored: true };
  }
  return { id: `${ctx.lessonId}-${syntax.name}-${ctx.ordinal}`, idAuthored: false };
}

/**
 * What every block model starts with: its name, id and place, with the title and `required` it was
 * given, and no files or fields of its own.
 */
export function baseModel(
  syntax: BlockSyntax,
  attrs: Map<string, BlockAttr>,
  ctx: BuildContext,
  own: { title: string; required: boolean },
): BlockModel {
  return {
    name: syntax.name as BlockName,
    ...blockId(syntax, attrs, ctx),
    at: syntax.at,
    ...own,
    references: [],
    fields: [],
  };
}

/** A block whose text is required ("note" is empty…). */
export function requireBody(syntax: BlockSyntax, what: string, diagnostics: Diagnostics): void {
  if (syntax.body.length === 0)
    diagnostics.error(syntax.at, `"${syntax.name}" is empty: write ${what} between the ::: lines`);
}

/** `required` as a bare flag (or `required=true`); false when absent. */
export function isRequired(attrs: Map<string, BlockAttr>, diagnostics: Diagnostics): boolean {
  const attr = attrs.get("required");
  if (!attr) return false;
  if (attr.value === undefined || attr.value === "true") return true;
  if (attr.value === "false") return false;
  diagnostics.error(attr.at, `"required" takes no value here: write {required}`);
  return false;
}

/** Items of a block split at its headings, with the count checked; content before the first heading is an error. */
export function checkItems(
  syntax: BlockSyntax,
  noun: string,
  limits: { min: number; max: number },
  diagnostics: Diagnostics,
): BlockItem[] {
  if (syntax.introAt)
    diagnostics.error(
      syntax.introAt,
      `content before the first heading of "${syntax.name}": start each ${noun} with a heading (for example "### Title") and put the text under it`,
    );
  if (syntax.items.length < limits.min)
    diagnostics.error(
      syntax.at,
      `"${syntax.name}" needs at least ${limits.min} ${noun}${limits.min === 1 ? "" : "s"}, each starting with a heading such as "### Title"; it has ${syntax.items.length}`,
    );
  if (syntax.items.length > limits.max)
    diagnostics.error(
      syntax.items[limits.max]!.at,
      `"${syntax.name}" can hold at most ${limits.max} ${noun}s; split it in two`,
    );
  return syntax.items;
}

/** Plain text of an inline token (an item heading), for titles and reports. */
export function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "image" ? c.content : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Most items a block can have: their opened state is saved as bits of one 32-bit number. */
export const MAX_ITEMS = 30;
