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

/** A ```check fence: an ungraded knowledge-check question inside a lesson. */
export interface CheckBlock {
  yaml: string;
  /** 1-based file line of the fence's first content line. */
  line: number;
  col: number;
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
  checks: CheckBlock[];
  /** Set for rendering. */
  resolve?: ReferenceResolver;
  renderCheck?: (index: number) => string;
}

export interface MarkdownField {
  source: string;
  tokens: Token[];
  env: MarkdownEnv;
  inline: boolean;
}
