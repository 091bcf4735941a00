/**
 * Anything authored that later checks need to point into: a YAML document (YamlSource) or a
 * question written in the compact Markdown syntax (CompactSource). Paths are property paths into
 * `value`, as zod reports them.
 */
import type { Position } from "../diagnostics.js";

export type SourcePath = readonly (string | number)[];

export interface Source {
  readonly file: string;
  /** The parsed value, undefined when it could not be parsed. */
  readonly value: unknown;
  /** Where the value at `path` starts (or its nearest written parent). */
  position(path: SourcePath): Position;
  /** Where the key `key` of the mapping at `path` is written. */
  keyPosition(path: SourcePath, key: string): Position;
  /** Where the text of the string at `path` begins. */
  textOrigin(path: SourcePath): Position;
}
