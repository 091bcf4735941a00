/**
 * Where the values of a parsed YAML text were written, as character offsets, whichever parser read
 * it: `events.ts` (js-yaml's event stream, the fast path) or the yaml library's document (texts
 * with errors, and the few forms the fast path leaves to it).
 */
import { isMap, isScalar, type Document, type Node } from "yaml";

/** Property path into a YAML value, as zod reports them. */
export type YamlPath = readonly (string | number)[];

/** How a scalar's text is written, which decides where the text itself begins. */
export type TextForm = "plain" | "quoted" | "block";

export interface NodeStart {
  /** Where the node is written: a block scalar's `|` or `>`, a quoted scalar's opening quote. */
  offset: number;
  form: TextForm;
}

export interface YamlOffsets {
  /** Where the value at `path` is written, undefined when there is none there. */
  node(path: YamlPath): NodeStart | undefined;
  /** Where the key `key` of the mapping at `path` is written. */
  key(path: YamlPath, key: string): number | undefined;
}

/** The offsets of the yaml library's document. */
export function documentOffsets(doc: Document): YamlOffsets {
  return {
    node(path) {
      const node = (path.length ? doc.getIn(path, true) : doc.contents) as Node | undefined | null;
      if (!node?.range) return undefined;
      return { offset: node.range[0], form: formOf(node) };
    },
    key(path, key) {
      const map = path.length ? doc.getIn(path, true) : doc.contents;
      if (!isMap(map)) return undefined;
      for (const pair of map.items) {
        if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) return pair.key.range[0];
      }
      return undefined;
    },
  };
}

function formOf(node: Node): TextForm {
  if (!isScalar(node)) return "plain";
  if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") return "block";
  if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") return "quoted";
  return "plain";
}
