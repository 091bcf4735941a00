/**
 * Callouts: `::: note`, `::: tip`, `::: warning`, `::: example` and `::: takeaway` (a key-takeaway
 * box), each with an optional title after the name. Static: nothing to track.
 */
import type { BlockSyntax } from "../markdown/env.js";
import { type BlockKind, type BlockModel, baseModel, readAttrs, requireBody } from "./kind.js";

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
    requireBody(syntax, "its text", ctx.diagnostics);
    return {
      ...baseModel(syntax, attrs, ctx, { title: syntax.label, required: false }),
      tone: syntax.name as CalloutName,
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
