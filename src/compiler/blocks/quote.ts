/** `::: quote Who said it`: a quotation or testimonial with its attribution. Static. */
import type { BlockSyntax } from "../markdown/env.js";
import { type BlockKind, type BlockModel, type BlockName, blockId, readAttrs } from "./kind.js";

interface QuoteModel extends BlockModel {
  body: BlockSyntax["body"];
}

export const quote: BlockKind<QuoteModel> = {
  template: "quote",
  build(syntax, ctx) {
    const attrs = readAttrs(syntax.attrs, [], '"quote"', ctx.diagnostics);
    if (syntax.body.length === 0)
      ctx.diagnostics.error(syntax.at, '"quote" is empty: write the quotation between the ::: lines');
    return {
      name: syntax.name as BlockName,
      ...blockId(syntax, attrs, ctx),
      at: syntax.at,
      title: syntax.label,
      required: false,
      references: [],
      fields: [],
      body: syntax.body,
    };
  },
  render: (block, ctx) => ctx.template({ id: block.id, attribution: block.title, body: ctx.tokens(block.body) }),
};
