/** `::: tabs [name]`: one tab per heading (WAI-ARIA tabs pattern, automatic activation). */
import { buildItems, type ItemBlockModel, itemData, itemViews } from "./items.js";
import type { BlockKind } from "./kind.js";

export const tabs: BlockKind<ItemBlockModel> = {
  template: "tabs",
  build: (syntax, ctx) => buildItems(syntax, ctx, { noun: "tab", min: 2, interactive: true }),
  render: (block, ctx) =>
    ctx.template({ id: block.id, label: block.label || block.title, items: itemViews(block, ctx) }),
  data: (block, page) => itemData(block, page, "tabs"),
};
