/**
 * Callouts: `::: note`, `::: tip`, `::: warning`, `::: example` and `::: takeaway` (a key-takeaway
 * box), each with an optional title after the name. Static: nothing to track.
 */
import type { BlockSyntax } from "../markdown/env.js";
import { type BlockKind, type BlockModel, type BlockName, blockId, readAttrs } from "./kind.js";

export type CalloutName = "note" | "tip" | "warning" | "example" | "takeaway";

interface CalloutModel extends BlockModel {
  tone: CalloutName;
  body: BlockSyntax["body"];
  /** Written after the name; the default title names the kind. */
  label: string;
}

/** The interface string of each callout's default title. */
const TITLES: Record<CalloutName, string> = {
  note: "calloutNote",
  tip: "calloutTip",
  warning: "calloutWarning",
  example: "calloutExample",
  takeaway: "calloutTakeaway",
};

export const callout: BlockKind<CalloutModel> = {
  template: "callout",
  build(syntax, ctx) {
    const attrs = readAttrs(syntax.attrs, [], `"${syntax.name}"`, ctx.diagnostics);
    if (syntax.body.length === 0)
      ctx.diagnostics.error(syntax.at, `"${syntax.name}" is empty: write its text between the ::: lines`);
    const tone = syntax.name as CalloutName;
    return {
      name: syntax.name as BlockName,
      ...blockId(syntax, attrs, ctx),
      at: syntax.at,
      title: syntax.label,
      required: false,
      references: [],
      fields: [],
      tone,
      body: syntax.body,
      label: syntax.label,
    };
  },
  render(block, ctx) {
    return ctx.template({
      id: block.id,
      tone: block.tone,
      title: block.label || ctx.t(TITLES[block.tone]),
      body: ctx.tokens(block.body),
    });
  },
};
