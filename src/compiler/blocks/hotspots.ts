/**
 * `::: hotspots`: a labelled graphic. The image comes first; each heading after it is a numbered
 * marker placed with `{x=30 y=60}` (percent of the image's width and height from its top-left
 * corner) whose text opens when the marker is pressed.
 */
import type { Token } from "markdown-it";
import type { BlockAttr } from "../markdown/env.js";
import { buildItems, type ItemBlockModel, itemData, itemViews } from "./items.js";
import type { BlockKind } from "./kind.js";

interface HotspotsModel extends ItemBlockModel {
  /** The inline token holding the image. */
  image: Token | undefined;
  points: { x: number; y: number }[];
}

function percent(attr: BlockAttr | undefined): number | undefined {
  const match = attr?.value && /^(\d+(?:\.\d+)?)%?$/.exec(attr.value);
  const n = match ? Number(match[1]) : Number.NaN;
  return n >= 0 && n <= 100 ? n : undefined;
}

export const hotspots: BlockKind<HotspotsModel> = {
  template: "hotspots",
  build(syntax, ctx) {
    // The image is the block's intro; checkItems would refuse it, so take it out first.
    const inlines = syntax.intro.filter((t) => t.type === "inline");
    const images = inlines.flatMap((t) => (t.children ?? []).filter((c) => c.type === "image"));
    const onlyImage =
      inlines.length === 1 &&
      images.length === 1 &&
      (inlines[0]!.children ?? []).every((c) => c.type === "image" || (c.type === "text" && c.content.trim() === ""));
    if (!onlyImage)
      ctx.diagnostics.error(
        syntax.introAt ?? syntax.at,
        '"hotspots" starts with one image on its own line, ![what it shows](file.svg), before the first marker heading',
      );
    const block = buildItems({ ...syntax, introAt: undefined }, ctx, {
      noun: "marker",
      min: 1,
      interactive: true,
      itemAttrs: ["x", "y"],
    });
    if (!block) return undefined;
    const points = block.items.map((item) => {
      const [x, y] = [percent(item.attrs.get("x")), percent(item.attrs.get("y"))];
      if (x === undefined || y === undefined)
        ctx.diagnostics.error(
          item.attrs.get(x === undefined ? "x" : "y")?.at ?? item.item.at,
          `marker "${item.text}" needs its place on the image as {x=… y=…}, each a percentage from 0 to 100 (x from the left, y from the top)`,
        );
      return { x: x ?? 0, y: y ?? 0 };
    });
    return { ...block, image: onlyImage ? inlines[0] : undefined, points };
  },
  render(block, ctx) {
    const items = itemViews(block, ctx).map((view, i) => ({ ...view, ...block.points[i]! }));
    return ctx.template({
      id: block.id,
      image: block.image ? ctx.inline(block.image) : "",
      items,
    });
  },
  data: (block, page) => itemData(block, page, "hotspots"),
};
