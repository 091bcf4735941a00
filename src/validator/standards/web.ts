/**
 * A plain web package (Coursepack's "web" format, only checked when asked for): it needs an
 * index.html at its root and nothing else beyond the checks every package gets.
 */
import { at, type Standard } from "./standard.js";

export const web: Standard = {
  async validate(ctx) {
    if (!ctx.view.has(ctx.manifest)) {
      ctx.findings.add(
        "missing-file",
        at(ctx, ctx.manifest),
        `a web package opens ${ctx.manifest} at its root, and there is none`,
        { checklist: 1 },
      );
    }
    return { standard: "web", edition: null };
  },
};
