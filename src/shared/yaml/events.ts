/**
 * The fast way to read a YAML text: js-yaml's event stream, which names every node by character
 * offsets, turned into the value and a small tree of where each value and key is written.
 *
 * Why not the yaml library alone: its parser took 0.6–1.0 s for a 1.4 MB quiz file, and its
 * documents hold about 27 times their text; js-yaml reads the same file in about 0.2 s. The yaml
 * library stays the reference: a text this path does not take (any error, a `%YAML` directive, a
 * null or complex key, an empty text) goes to it, so its messages and values are what authors see.
 * `test/unit/yaml-read.test.ts` holds the two to the same values and positions.
 */
import {
  constructFromEvents,
  EVENT_ID,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  type Event,
  type ScalarEvent,
  type ScalarStyle,
} from "js-yaml";
import type { NodeStart, TextForm, YamlOffsets, YamlPath } from "./offsets.js";

interface OffsetNode {
  start: NodeStart | undefined;
  items?: OffsetNode[];
  pairs?: Map<string, { key: number; value: OffsetNode }>;
}

/** The value and offsets of `text`, or undefined when the yaml library should read it. */
export function readYamlFast(text: string): { value: unknown; offsets: YamlOffsets } | undefined {
  let events: Event[];
  let value: unknown;
  try {
    events = parseEvents(text, {});
    const documents = constructFromEvents(events, { source: text });
    if (documents.length !== 1) return undefined;
    value = documents[0];
  } catch {
    return undefined;
  }
  const root = offsetTree(events, text);
  if (!root) return undefined;
  return {
    value,
    offsets: {
      node: (path) => find(root, path)?.start,
      key: (path, key) => find(root, path)?.pairs?.get(key)?.key,
    },
  };
}

function find(root: OffsetNode, path: YamlPath): OffsetNode | undefined {
  let node: OffsetNode | undefined = root;
  for (const step of path) {
    node = typeof step === "number" ? node?.items?.[step] : node?.pairs?.get(step)?.value;
  }
  return node;
}

interface Open {
  node: OffsetNode;
  /** In a mapping: the key read, waiting for its value. */
  key?: { name: string; offset: number };
}

/** Undefined for what the yaml library reads differently: directives, null and complex keys. */
function offsetTree(events: Event[], text: string): OffsetNode | undefined {
  const open: Open[] = [];
  let root: OffsetNode | undefined;
  // Where the last token ended, to place an empty value the way the yaml library does.
  let end = 0;
  for (const event of events) {
    const parent = open[open.length - 1];
    let node: OffsetNode;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (event.directives.length) return undefined;
        continue;
      case EVENT_ID.POP:
        open.pop();
        continue;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        node = { start: { offset: event.start, form: "plain" } };
        if (event.type === EVENT_ID.SEQUENCE) node.items = [];
        else node.pairs = new Map();
        end = event.start;
        break;
      case EVENT_ID.SCALAR:
        if (parent?.node.pairs && !parent.key) {
          if (isNullKey(event, text)) return undefined;
          const offset = scalarStart(event, text, end);
          if (offset === undefined) return undefined;
          parent.key = { name: getScalarValue(text, event), offset };
          end = scalarEnd(event, end);
          continue;
        }
        node = { start: startOf(event, text, end) };
        end = scalarEnd(event, end);
        break;
      case EVENT_ID.ALIAS:
        // The alias's `*` comes before its name.
        node = { start: { offset: event.anchorStart - 1, form: "plain" } };
        end = event.anchorEnd;
        break;
    }
    if (!parent) root = node;
    else if (parent.node.items) parent.node.items.push(node);
    else if (parent.key) {
      parent.node.pairs!.set(parent.key.name, { key: parent.key.offset, value: node });
      parent.key = undefined;
    } else return undefined; // a collection or alias as a key
    if (node.items || node.pairs) open.push({ node });
  }
  return root;
}

const FORMS: Record<ScalarStyle, TextForm> = {
  [SCALAR_STYLE.PLAIN]: "plain",
  [SCALAR_STYLE.SINGLE_QUOTED]: "quoted",
  [SCALAR_STYLE.DOUBLE_QUOTED]: "quoted",
  [SCALAR_STYLE.LITERAL_BLOCK]: "block",
  [SCALAR_STYLE.FOLDED_BLOCK]: "block",
};

function isNullKey(event: ScalarEvent, text: string): boolean {
  if (event.style !== SCALAR_STYLE.PLAIN || event.tagStart >= 0) return false;
  return event.valueStart < 0 || /^(?:~|null|Null|NULL)$/.test(text.slice(event.valueStart, event.valueEnd));
}

function startOf(event: ScalarEvent, text: string, end: number): NodeStart | undefined {
  const offset = scalarStart(event, text, end);
  if (offset === undefined) return undefined;
  return { offset, form: FORMS[event.style] };
}

function scalarStart(event: ScalarEvent, text: string, end: number): number | undefined {
  switch (FORMS[event.style]) {
    case "plain":
      return event.valueStart >= 0 ? event.valueStart : emptyValue(text, end);
    case "quoted":
      // The node starts at its opening quote; its value after it.
      return event.valueStart - 1;
    case "block":
      return blockHeader(text, event.valueStart);
  }
}

function scalarEnd(event: ScalarEvent, end: number): number {
  if (event.valueEnd < 0) return end;
  return FORMS[event.style] === "quoted" ? event.valueEnd + 1 : event.valueEnd;
}

/**
 * An empty value sits where the yaml library puts it: after its indicator (the `:` after its key,
 * the `-` of its item) and the spaces after that. None for a key written without `:` (`? key`).
 */
function emptyValue(text: string, end: number): number | undefined {
  const indicator = /(?:\s|#[^\n]*)*[:-][ \t]*/y;
  indicator.lastIndex = end;
  return indicator.exec(text) ? indicator.lastIndex : undefined;
}

/** A block scalar is written at its `|` or `>`, on the last line before its text that is not blank. */
function blockHeader(text: string, contentStart: number): number | undefined {
  let lineEnd = text[contentStart - 1] === "\n" ? contentStart - 1 : contentStart;
  for (;;) {
    const lineStart = text.lastIndexOf("\n", lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, "");
    if (line.trim()) {
      const header = /[|>][-+1-9]{0,2}(?:[ \t]+#.*|[ \t]*)$/.exec(line);
      return header ? lineStart + header.index : undefined;
    }
    if (lineStart === 0) return undefined;
    lineEnd = lineStart - 1;
  }
}
