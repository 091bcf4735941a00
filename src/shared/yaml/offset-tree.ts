/**
 * Where each value and key of a YAML text is written, kept small: a large quiz file has hundreds of
 * thousands of nodes, and an object per node (with a Map per mapping) took about 100 bytes each.
 * A collection is a Branch; a scalar or an alias is only a number, its start offset and text form
 * packed together, in its parent's `items`.
 */
import type { NodeStart, TextForm, YamlPath } from "./offsets.js";

export interface Branch {
  /** Where the collection starts. */
  start: number;
  /** Sequence items, or a mapping's values in the order of `keys`. */
  items: Slot[];
  /** A mapping's keys, and where each is written. */
  keys?: string[];
  keyStarts?: number[];
  /** A large mapping's key → index, made when first searched. */
  index?: Map<string, number>;
}

/** A collection, or a packed scalar start (`pack`); NONE where a value has no written start. */
export type Slot = Branch | number;

export const NONE = -1;
const FORMS: readonly TextForm[] = ["plain", "quoted", "block"];

export function pack(start: NodeStart | undefined): number {
  return start ? start.offset * 4 + FORMS.indexOf(start.form) : NONE;
}

export function startOfSlot(slot: Slot | undefined): NodeStart | undefined {
  if (slot === undefined || slot === NONE) return undefined;
  if (typeof slot !== "number") return { offset: slot.start, form: "plain" };
  return { offset: Math.floor(slot / 4), form: FORMS[slot % 4]! };
}

/** The position of `key` in a mapping, or -1. Small mappings are searched; large ones indexed. */
export function keyIndex(branch: Branch, key: string): number {
  const keys = branch.keys;
  if (!keys) return -1;
  if (keys.length <= 16) return keys.indexOf(key);
  branch.index ??= new Map(keys.map((k, i) => [k, i]));
  return branch.index.get(key) ?? -1;
}

export function findSlot(root: Slot, path: YamlPath): Slot | undefined {
  let slot: Slot | undefined = root;
  for (const step of path) {
    if (slot === undefined || typeof slot === "number") return undefined;
    slot = typeof step === "number" ? (slot.keys ? undefined : slot.items[step]) : slot.items[keyIndex(slot, step)];
  }
  return slot;
}
