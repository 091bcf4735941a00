/**
 * A YAML document that remembers where every value came from, so any later check can point an
 * author at `file:line:col`. Also used for YAML embedded in Markdown (front matter, question
 * blocks): `lineOffset` places the snippet inside its file.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostics, Position } from "../diagnostics.js";

export type YamlPath = readonly (string | number)[];

export class YamlSource {
  readonly doc: Document;
  readonly value: unknown;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
    diagnostics: Diagnostics,
    private readonly lineOffset = 0,
    private readonly colOffset = 0,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const e of this.doc.errors) diagnostics.error(this.at(e.pos[0]), yamlMessage(e.message));
    for (const w of this.doc.warnings) diagnostics.warning(this.at(w.pos[0]), yamlMessage(w.message));
    this.value = this.doc.errors.length ? undefined : this.doc.toJS();
  }

  get ok(): boolean {
    return this.doc.errors.length === 0;
  }

  /** Position of a character offset in the snippet. */
  at(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line: line + this.lineOffset, col: col + this.colOffset };
  }

  /** Where the value at `path` starts; falls back to the nearest existing parent. */
  position(path: YamlPath): Position {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node?.range) return this.at(node.range[0]);
      if (n === 0 && this.doc.contents?.range) return this.at(this.doc.contents.range[0]);
    }
    return this.at(0);
  }

  /** Where the key `key` of the map at `path` is written (for "unknown key" messages). */
  keyPosition(path: YamlPath, key: string): Position {
    const map = this.doc.getIn(path, true);
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) return this.at(pair.key.range[0]);
      }
    }
    return this.position(path);
  }

  /** Where the text of the string at `path` begins (block scalars start on the line after `|`). */
  textOrigin(path: YamlPath): Position {
    const node = this.doc.getIn(path, true);
    const at = this.position(path);
    if (isScalar(node) && (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED")) {
      return { file: at.file, line: at.line + 1, col: at.col };
    }
    // Quoted scalars: the text starts after the quote.
    if (isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE")) return { ...at, col: at.col + 1 };
    return at;
  }

  /** True when `path` names a sequence item or map key that exists. */
  has(path: YamlPath): boolean {
    return this.doc.hasIn(path);
  }

  isSequence(path: YamlPath): boolean {
    return isSeq(this.doc.getIn(path, true));
  }
}

/** The yaml library's messages end with " at line X, column Y" — we print the position ourselves. */
function yamlMessage(message: string): string {
  const first = message.split("\n")[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
}
