/**
 * A YAML document that remembers where every value came from, so any later check can point an
 * author at `file:line:col`. Also used for YAML embedded in Markdown (front matter, question
 * blocks): `lineOffset` places the snippet inside its file.
 */
import { explainedErrors, explainedWarnings } from "../../shared/yaml/explain.js";
import { readYaml, type YamlPath, type YamlText } from "../../shared/yaml/read.js";
import type { Diagnostics, Position } from "../diagnostics.js";
import type { Source } from "./source.js";

export type { YamlPath } from "../../shared/yaml/read.js";

export class YamlSource implements Source {
  readonly value: unknown;
  private readonly yaml: YamlText;

  constructor(
    readonly file: string,
    text: string,
    diagnostics: Diagnostics,
    private readonly lineOffset = 0,
    private readonly colOffset = 0,
  ) {
    this.yaml = readYaml(text);
    for (const e of explainedErrors(this.yaml)) diagnostics.error(this.at(e.offset), e.message);
    for (const w of explainedWarnings(this.yaml)) diagnostics.warning(this.at(w.offset), w.message);
    this.value = this.yaml.value;
  }

  /** False when the text has YAML errors (reported); `value` is then undefined. */
  get ok(): boolean {
    return this.yaml.errors.length === 0;
  }

  /** Position of a character offset in the snippet. */
  at(offset: number): Position {
    const { line, col } = this.yaml.lineCol(offset);
    return { file: this.file, line: line + this.lineOffset, col: col + this.colOffset };
  }

  /** Where the value at `path` starts; falls back to the nearest existing parent. */
  position(path: YamlPath): Position {
    return this.at(this.yaml.offsetOf(path));
  }

  /** Where the key `key` of the map at `path` is written (for "unknown key" messages). */
  keyPosition(path: YamlPath, key: string): Position {
    const offset = this.yaml.offsets.key(path, key);
    return offset === undefined ? this.position(path) : this.at(offset);
  }

  /** Where the text of the string at `path` begins (block scalars start on the line after `|`). */
  textOrigin(path: YamlPath): Position {
    const start = this.yaml.offsets.node(path);
    const at = this.position(path);
    if (start?.form === "block") return { file: at.file, line: at.line + 1, col: at.col };
    // Quoted scalars: the text starts after the quote.
    if (start?.form === "quoted") return { ...at, col: at.col + 1 };
    return at;
  }
}
