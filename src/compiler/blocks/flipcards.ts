/**
 * `::: flipcards`: a grid of cards, one per heading. The heading is the front; a `---` line in a
 * card's text puts what comes before it on the front too; the rest is on the back.
 */
import type { Token } from "markdown-it";
import { buildItems, type ItemBlockModel, itemData, itemViews } from "./items.js";
import type { BlockKind } from "./kind.js";

function splitFaces(body: Token[]): { front: Token[]; back: Token[] } {
  // A rule of the card's own text, not one inside a list or a nested block.
  const level = body[0]?.level ?? 0;
  const rule = body.findIndex((t) => t.type === "hr" && t.level === level);
  return rule < 0 ? { front: [], back: body } : { front: body.slice(0, rule), back: body.slice(rule + 1) };
}

export const flipcards: BlockKind<ItemBlockModel> = {
  template: "flipcards",
  build(syntax, ctx) {
    const block = buildItems(syntax, ctx, { noun: "card", min: 1, interactive: true });
    for (const item of block?.items ?? []) {
      if (splitFaces(item.body).back.length === 0)
        ctx.diagnostics.error(
          item.item.at,
          `card "${item.text}" has nothing on its back: write the text to reveal under its heading`,
        );
    }
    return block;
  },
  render(block, ctx) {
    const views = itemViews(block, ctx).map((view, i) => {
      const faces = splitFaces(block.items[i]!.body);
      return { ...view, front: ctx.tokens(faces.front), body: ctx.tokens(faces.back), text: block.items[i]!.text };
    });
    return ctx.template({ id: block.id, items: views });
  },
  data: (block, page) => itemData(block, page, "flipcards"),
};
