/** `::: reveal Button text`: content hidden until the learner asks for it (WAI-ARIA disclosure). */
import type { BlockSyntax } from "../markdown/env.js";
import { type BlockKind, type BlockModel, baseModel, isRequired, readAttrs, requireBody } from "./kind.js";

interface RevealModel extends BlockModel {
  body: BlockSyntax["body"];
}

export const reveal: BlockKind<RevealModel> = {
  template: "reveal",
  build(syntax, ctx) {
    const attrs = readAttrs(syntax.attrs, ["required"], '"reveal"', ctx.diagnostics);
    if (!syntax.label)
      ctx.diagnostics.error(
        syntax.labelAt,
        '"reveal" needs the text of its button after the name, for example "::: reveal Show the answer"',
      );
    requireBody(syntax, "the text it reveals", ctx.diagnostics);
    return {
      ...baseModel(syntax, attrs, ctx, { title: syntax.label, required: isRequired(attrs, ctx.diagnostics) }),
      body: syntax.body,
    };
  },
  render: (block, ctx) => ctx.template({ id: block.id, label: block.title, body: ctx.tokens(block.body) }),
  data: (block, page) => ({
    id: block.id,
    kind: "reveal",
    page,
    title: block.title,
    required: block.required,
    items: 1,
  }),
};
