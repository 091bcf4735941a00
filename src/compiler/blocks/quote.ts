/** `::: quote Who said it`: a quotation or testimonial with its attribution. Static. */
import type { BlockSyntax } from "../markdown/env.js";
import { type BlockKind, type BlockModel, baseModel, readAttrs, requireBody } from "./kind.js";

interface QuoteModel extends BlockModel {
  body: BlockSyntax["body"];
}

export const quote: BlockKind<QuoteModel> = {
  template: "quote",
  build(syntax, ctx) {
    const attrs = readAttrs(syntax.attrs, [], '"quote"', ctx.diagnostics);
    requireBody(syntax, "the quotation", ctx.diagnostics);
    return { ...baseModel(syntax, attrs, ctx, { title: syntax.label, required: false }), body: syntax.body };
  },
  render: (block, ctx) => ctx.template({ id: block.id, attribution: block.title, body: ctx.tokens(block.body) }),
};
