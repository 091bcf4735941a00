/** `::: accordion`: one collapsible panel per heading (WAI-ARIA accordion pattern). */
import { buildItems, type ItemBlockModel, itemData, itemViews } from "./items.js";
import type { BlockKind } from "./kind.js";

export const accordion: BlockKind<ItemBlockModel> = {
  template: "accordion",
  build: (syntax, ctx) => buildItems(syntax, ctx, { noun: "panel", min: 1, interactive: true }),
  render: (block, ctx) => ctx.template({ id: block.id, items: itemViews(block, ctx) }),
  data: (block, page) => itemData(block, page, "accordion"),
};
