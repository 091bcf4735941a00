/** `::: steps`: a process shown one step at a time, with its progress ("Step 2 of 5"). */
import { buildItems, type ItemBlockModel, itemData, itemViews } from "./items.js";
import type { BlockKind } from "./kind.js";

export const steps: BlockKind<ItemBlockModel> = {
  template: "steps",
  build: (syntax, ctx) => buildItems(syntax, ctx, { noun: "step", min: 2, interactive: true }),
  render: (block, ctx) =>
    ctx.template({
      id: block.id,
      label: block.label || block.title,
      total: block.items.length,
      items: itemViews(block, ctx),
    }),
  data: (block, page) => itemData(block, page, "steps"),
};
