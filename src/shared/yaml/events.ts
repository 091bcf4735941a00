/**
 * The fast way to read a YAML text: js-yaml's event stream, which names every node by character
 * offsets, turned into the value and a small tree of where each value and key is written
 * (offset-tree.ts).
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
import { type Branch, findSlot, keyIndex, pack, type Slot, startOfSlot } from "./offset-tree.js";
import type { NodeStart, TextForm, YamlOffsets } from "./offsets.js";

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
  if (root === undefined) return undefined;
  return {
    value,
    offsets: {
      node: (path) => startOfSlot(findSlot(root, path)),
      key(path, key) {
        const map = findSlot(root, path);
        if (map === undefined || typeof map === "number") return undefined;
        const i = keyIndex(map, key);
        return i < 0 ? undefined : map.keyStarts![i];
      },
    },
  };
}

interface Open {
  branch: Branch;
  /** In a mapping: whether the next node is a key. */
  expectsKey: boolean;
}

/** Undefined for what the yaml library reads differently: directives, null and complex keys. */
function offsetTree(events: Event[], text: string): Slot | undefined {
  const open: Open[] = [];
  // Mappings of one shape (every question of a quiz) share one list of keys.
  const keyLists = new KeyLists();
  let root: Slot | undefined;
  // Where the last token ended, to place an empty value the way the yaml library does.
  let end = 0;
  for (const event of events) {
    const parent = open[open.length - 1];
    let slot: Slot;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (event.directives.length) return undefined;
        continue;
      case EVENT_ID.POP: {
        const done = open.pop()?.branch;
        // Exact-size copies: a pushed-to array keeps room for 17 items or more, most of a small
        // mapping's memory, and a quiz file has tens of thousands of them.
        if (done) {
          done.items = done.items.slice();
          if (done.keys) {
            done.keys = keyLists.intern(done.keys);
            done.keyStarts = done.keyStarts!.slice();
          }
        }
        continue;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        slot = { start: event.start, items: [] };
        if (event.type === EVENT_ID.MAPPING) {
          slot.keys = [];
          slot.keyStarts = [];
        }
        end = event.start;
        break;
      case EVENT_ID.SCALAR:
        if (parent?.expectsKey) {
          if (isNullKey(event, text)) return undefined;
          const start = scalarStart(event, text, end);
          if (start === undefined) return undefined;
          parent.branch.keys!.push(getScalarValue(text, event));
          parent.branch.keyStarts!.push(start);
          parent.expectsKey = false;
          end = scalarEnd(event, end);
          continue;
        }
        slot = pack(startOf(event, text, end));
        end = scalarEnd(event, end);
        break;
      case EVENT_ID.ALIAS:
        // The alias's `*` comes before its name.
        slot = pack({ offset: event.anchorStart - 1, form: "plain" });
        end = event.anchorEnd;
        break;
    }
    // A collection or an alias as a key: the yaml library reads those.
    if (parent?.expectsKey) return undefined;
    if (!parent) root = slot;
    else {
      parent.branch.items.push(slot);
      if (parent.branch.keys) parent.expectsKey = true;
    }
    if (typeof slot !== "number") open.push({ branch: slot, expectsKey: slot.keys !== undefined });
  }
  return root;
}

class KeyLists {
  private readonly lists = new Map<string, string[]>();

  intern(keys: string[]): string[] {
    const id = keys.join("\u0000");
    let list = this.lists.get(id);
    if (!list) this.lists.set(id, (list = keys.slice()));
    return list;
  }
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
  if (event.valueStart < 0) return true;
  // Every key is asked: look at the text only when it is as short as a null.
  return (
    event.valueEnd - event.valueStart <= 4 &&
    /^(?:~|null|Null|NULL)$/.test(text.slice(event.valueStart, event.valueEnd))
  );
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
