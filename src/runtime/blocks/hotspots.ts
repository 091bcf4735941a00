/**
 * Labelled graphic: each numbered marker opens its description below the image (one at a time) and
 * moves focus there; Escape in a description returns to its marker.
 */
import type { ItemBlockData } from "../../shared/course-data.js";
import { seenBits } from "../player/completion.js";
import { $$, focus } from "../player/dom.js";
import { type Binder, blockState, itemIndex, markSeen, showSeen } from "./host.js";

export const hotspots: Binder<ItemBlockData> = (el, block, host) => {
  const markers = $$(".hotspot", el);
  const panels = $$(".hotspot-panel", el);
  const open = (index: number) => {
    markers.forEach((m, i) => {
      m.setAttribute("aria-expanded", String(i === index));
    });
    panels.forEach((p, i) => {
      p.hidden = i !== index;
    });
    if (index < 0) return;
    markSeen(host, el, block.id, index);
    focus(panels[index]);
  };
  el.addEventListener("click", (event) => {
    const index = itemIndex(event, el, ".hotspot");
    if (index >= 0) open(markers[index]!.getAttribute("aria-expanded") === "true" ? -1 : index);
  });
  el.addEventListener("keydown", (event) => {
    const index = itemIndex(event, el, ".hotspot-panel");
    if (event.key !== "Escape" || index < 0) return;
    open(-1);
    markers[index]?.focus();
  });
  return {
    render() {
      open(-1);
      showSeen(el, seenBits(blockState(host, block.id)), host.t);
    },
  };
};
