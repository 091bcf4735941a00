/** `::: timeline`: dated or ordered events, one per heading. Static: nothing to track. */
import { buildItems, type ItemBlockModel, itemViews } from "./items.js";
import type { BlockKind } from "./kind.js";

export const timeline: BlockKind<ItemBlockModel> = {
  template: "timeline",
  build: (syntax, ctx) => buildItems(syntax, ctx, { noun: "event", min: 2, interactive: false }),
  render: (block, ctx) => ctx.template({ id: block.id, items: itemViews(block, ctx) }),
};
