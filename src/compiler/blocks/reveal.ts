/** `::: reveal Button text`: content hidden until the learner asks for it (WAI-ARIA disclosure). */
import type { BlockSyntax } from "../markdown/env.js";
import { type BlockKind, type BlockModel, type BlockName, blockId, isRequired, readAttrs } from "./kind.js";

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
    if (syntax.body.length === 0)
      ctx.diagnostics.error(syntax.at, '"reveal" is empty: write the text it reveals between the ::: lines');
    return {
      name: syntax.name as BlockName,
      ...blockId(syntax, attrs, ctx),
      at: syntax.at,
      title: syntax.label,
      required: isRequired(attrs, ctx.diagnostics),
      references: [],
      fields: [],
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
