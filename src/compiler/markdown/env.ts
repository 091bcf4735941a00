/** What travels with a Markdown document from parsing to rendering. */
import type { Env, Token } from "markdown-it";
import type { Position } from "../diagnostics.js";

/** A relative link or image found while parsing, to be checked and then rewritten. */
export interface Reference {
  kind: "image" | "link";
  /** As written, e.g. `../images/chart.png` or `pipeline.md#stages`. */
  url: string;
  at: Position;
  /** Image alt text ("" when missing). */
  alt: string;
}

/** An image, frame, medium or script the page loads from an `http://` address. */
export interface InsecureEmbed {
  /** The element: `img` for a Markdown image, else the HTML tag written. */
  tag: string;
  url: string;
  at: Position;
}

/** A ```check fence: an ungraded knowledge-check question inside a lesson. */
export interface CheckBlock {
  yaml: string;
  /** 1-based file line of the fence's first content line. */
  line: number;
  col: number;
}

/** A `key=value`, bare `flag` or `#id` written in braces after a block's name or an item heading. */
export interface BlockAttr {
  key: string;
  /** Undefined for a bare flag such as `required`. */
  value: string | undefined;
  at: Position;
}

/** One item of a block: a heading and the content up to the next heading of its level. */
export interface BlockItem {
  /** The heading's inline token (its text is the item's label). */
  label: Token;
  attrs: BlockAttr[];
  body: Token[];
  at: Position;
  /** The heading's level (2 for "##"). */
  level: number;
}

/**
 * A block as written: a `::: name label {attrs}` container (markdown-it-container) or a fenced
 * block such as ```scenario. Parsed here without knowing the kinds; src/compiler/blocks/ checks it.
 */
export interface BlockSyntax {
  name: string;
  /** The opening line's text after the name, attributes removed. */
  label: string;
  /** Where the label starts (for messages about it). */
  labelAt: Position;
  attrs: BlockAttr[];
  at: Position;
  /** Every token inside the block (nested blocks already collapsed). */
  body: Token[];
  /** Content before the first heading, and where it starts (undefined when there is none). */
  intro: Token[];
  introAt: Position | undefined;
  /** The body split at the headings of the level of its first heading. */
  items: BlockItem[];
  /** Fenced blocks: their text and the position of its first line. */
  fence?: { text: string; line: number; col: number };
}

/** A problem with a block's shape found while parsing (unclosed, stray closing line). */
export interface BlockProblem {
  at: Position;
  message: string;
}

/** Resolves references during rendering; supplied by the model. */
export interface ReferenceResolver {
  /** Package URL for an asset path written in `fromFile`, or undefined when unknown. */
  asset(url: string, fromFile: string): string | undefined;
  /** `{ pageId, anchor }` for a link to another lesson (`other.md#part`) written in `fromFile`. */
  page(url: string, fromFile: string): { pageId: string; anchor: string | undefined } | undefined;
}

/** markdown-it's env plus ours (markdown-it keeps its own `references` for [ref]: links). */
export interface MarkdownEnv extends Env {
  /** Where the Markdown source starts in its file. */
  file: string;
  line: number;
  col: number;
  /** Prefix for heading ids, unique per page, because every page shares one HTML document. */
  idPrefix: string;
  relativeLinks: Reference[];
  /** `![alt](a b.svg)`: written as an image or link, but shown as text because the path has a space. */
  spacedLinks: Reference[];
  /** Images, frames, media and scripts loaded from an `http://` address (Markdown or raw HTML). */
  insecureEmbeds: InsecureEmbed[];
  checks: CheckBlock[];
  /** Blocks in the order they close (a nested block before the block around it). */
  blocks: BlockSyntax[];
  blockProblems: BlockProblem[];
  /** Set for rendering. */
  resolve?: ReferenceResolver;
  renderCheck?: (index: number) => string;
  /** Renders block `index`; `render` turns its tokens (or a heading's inline token) into HTML with this env. */
  renderBlock?: (index: number, render: TokenRenderer) => string;
}

/** What parsing collects into an env, each list empty. */
export function collected(): Pick<
  MarkdownEnv,
  "relativeLinks" | "spacedLinks" | "insecureEmbeds" | "checks" | "blocks" | "blockProblems"
> {
  return { relativeLinks: [], spacedLinks: [], insecureEmbeds: [], checks: [], blocks: [], blockProblems: [] };
}

export interface TokenRenderer {
  tokens(tokens: Token[]): string;
  inline(token: Token): string;
}

export interface MarkdownField {
  source: string;
  tokens: Token[];
  env: MarkdownEnv;
  inline: boolean;
}
