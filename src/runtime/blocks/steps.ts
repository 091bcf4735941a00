/**
 * Process steps: one step at a time with Previous and Next, "Step 2 of 5" announced politely, focus
 * on the new step's heading. A resumed learner returns to the furthest step reached.
 */
import type { ItemBlockData } from "../../shared/course-data.js";
import { seenBits } from "../player/completion.js";
import { $, $$, focus } from "../player/dom.js";
import { type Binder, blockState, markSeen } from "./host.js";

export const steps: Binder<ItemBlockData> = (el, block, host) => {
  const items = $$(".step", el);
  let current = 0;
  const go = (index: number, moveFocus: boolean) => {
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach((item, i) => {
      item.hidden = i !== current;
    });
    const [prev, next] = [$('[data-step="-1"]', el), $('[data-step="1"]', el)];
    if (prev) prev.hidden = current === 0;
    if (next) next.hidden = current === items.length - 1;
    const count = $("[data-steps-count]", el);
    if (count) count.textContent = host.t("stepOf", { n: current + 1, total: items.length });
    const fill = $("[data-steps-fill]", el);
    if (fill) fill.style.width = `${((current + 1) / items.length) * 100}%`;
    if (moveFocus) {
      // The button pressed may have just been hidden: keep the learner on the new step.
      focus($(".step-title", items[current]));
      markSeen(host, el, block.id, current);
    }
  };
  el.addEventListener("click", (event) => {
    const step = (event.target as HTMLElement).closest<HTMLElement>("[data-step]");
    if (step) go(current + Number(step.dataset.step), true);
  });
  return {
    render: () => go(31 - Math.clz32(seenBits(blockState(host, block.id)) || 1), false),
    shown: () => markSeen(host, el, block.id, current),
  };
};
