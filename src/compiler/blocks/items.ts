/**
 * What the item blocks share (accordion, tabs, flip cards, steps, labelled graphic, timeline): items
 * made from headings, each with its label and content, and the runtime data of the interactive ones.
 */
import type { Token } from "markdown-it";
import type { ItemBlockData, ItemBlockKind } from "../../shared/course-data.js";
import type { BlockAttr, BlockItem, BlockSyntax } from "../markdown/env.js";
import {
  type BlockModel,
  type BuildContext,
  type RenderContext,
  baseModel,
  checkItems,
  inlineText,
  isRequired,
  MAX_ITEMS,
  readAttrs,
} from "./kind.js";

export interface ItemModel {
  label: Token;
  text: string;
  attrs: Map<string, BlockAttr>;
  body: Token[];
  item: BlockItem;
}

export interface ItemBlockModel extends BlockModel {
  items: ItemModel[];
  /** The opening line's label (a tab list's name, say); "" when none was written. */
  label: string;
}

export interface ItemRules {
  /** What one item is called in messages ("tab", "card"…). */
  noun: string;
  min: number;
  /** Attributes the block accepts besides #id (and `required` when interactive). */
  attrs?: readonly string[];
  /** Attributes each item heading accepts. */
  itemAttrs?: readonly string[];
  interactive: boolean;
}

/** Builds an item block's model: attributes, id, items and their attributes checked. */
export function buildItems(syntax: BlockSyntax, ctx: BuildContext, rules: ItemRules): ItemBlockModel | undefined {
  const where = `"${syntax.name}"`;
  const accepted = [...(rules.interactive ? ["required"] : []), ...(rules.attrs ?? [])];
  const attrs = readAttrs(syntax.attrs, accepted, where, ctx.diagnostics);
  const items = checkItems(syntax, rules.noun, { min: rules.min, max: MAX_ITEMS }, ctx.diagnostics).map((item) => ({
    label: item.label,
    text: inlineText(item.label),
    attrs: readAttrs(item.attrs, rules.itemAttrs ?? [], `a heading in ${where}`, ctx.diagnostics),
    body: item.body,
    item,
  }));
  for (const item of items)
    if (item.text === "") ctx.diagnostics.error(item.item.at, `this ${rules.noun}'s heading is empty: give it a title`);
  const title = syntax.label || shortList(items.map((i) => i.text));
  return {
    ...baseModel(syntax, attrs, ctx, { title, required: rules.interactive && isRequired(attrs, ctx.diagnostics) }),
    label: syntax.label,
    items,
  };
}

/** "Money, Recognition, Advancement…": a readable name for an unnamed block. */
function shortList(texts: string[]): string {
  const joined = texts.join(", ");
  return joined.length > 60 ? `${joined.slice(0, 57).replace(/[\s,]+\S*$/, "")}…` : joined;
}

export function itemData(block: ItemBlockModel, page: string, kind: ItemBlockKind): ItemBlockData {
  return { id: block.id, kind, page, title: block.title, required: block.required, items: block.items.length };
}

/** The template view of each item: label and content as HTML, and ids for ARIA references. */
export function itemViews(block: ItemBlockModel, ctx: RenderContext) {
  return block.items.map((item, index) => ({
    index,
    number: index + 1,
    label: ctx.inline(item.label),
    body: ctx.tokens(item.body),
    domId: `block-${block.id}-${index}`,
    heading: item.item.level,
  }));
}
