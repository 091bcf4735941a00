/**
 * Reads a YAML text into its value, its problems and where each value is written: the fast path
 * (`events.ts`) when it takes the text, the yaml library otherwise. Course files, translations,
 * template strings and LMS profiles all come through here; each caller words the problems its way.
 */
import { parseDocument } from "yaml";
import { LineIndex } from "../line-index.js";
import { readYamlFast } from "./events.js";
import { documentOffsets, type YamlOffsets, type YamlPath } from "./offsets.js";

export type { NodeStart, TextForm, YamlOffsets, YamlPath } from "./offsets.js";

export interface YamlProblem {
  /** Character offset of the problem. */
  offset: number;
  /** The yaml library's code, e.g. `DUPLICATE_KEY`. */
  code: string;
  message: string;
}

export class YamlText {
  private lines: LineIndex | undefined;

  constructor(
    readonly text: string,
    /** Undefined when the text has errors. */
    readonly value: unknown,
    readonly errors: readonly YamlProblem[],
    readonly warnings: readonly YamlProblem[],
    readonly offsets: YamlOffsets,
  ) {}

  /** 1-based line and column of a character offset. */
  lineCol(offset: number): { line: number; col: number } {
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(offset);
  }

  /** Where the value at `path` is written, or its nearest written parent, or the text's start. */
  offsetOf(path: YamlPath): number {
    for (let n = path.length; n >= 0; n--) {
      const start = this.offsets.node(path.slice(0, n));
      if (start) return start.offset;
    }
    return 0;
  }
}

export function readYaml(text: string): YamlText {
  const fast = readYamlFast(text);
  if (fast) return new YamlText(text, fast.value, [], [], fast.offsets);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problem = (e: { pos: [number, number]; code: string; message: string }) => ({
    offset: e.pos[0],
    code: e.code,
    message: e.message,
  });
  const errors = doc.errors.map(problem);
  const value = errors.length ? undefined : doc.toJS();
  return new YamlText(text, value, errors, doc.warnings.map(problem), documentOffsets(doc));
}
