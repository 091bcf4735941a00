/**
 * Accordions and reveals (WAI-ARIA accordion and disclosure patterns): each button toggles the
 * panel it controls (aria-expanded), and opening a panel counts as having seen it.
 */
import type { ItemBlockData } from "../../shared/course-data.js";
import { seenBits } from "../player/completion.js";
import { $$ } from "../player/dom.js";
import { type Binder, blockState, itemIndex, markSeen, showSeen } from "./host.js";

export const disclosure: Binder<ItemBlockData> = (el, block, host) => {
  const buttons = $$("button[aria-expanded][data-item]", el);
  const toggle = (index: number, open: boolean) => {
    const button = buttons[index];
    const panel = button && document.getElementById(button.getAttribute("aria-controls") ?? "");
    if (!button || !panel) return;
    button.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    if (open) markSeen(host, el, block.id, index);
  };
  el.addEventListener("click", (event) => {
    const index = itemIndex(event, el, "button[aria-expanded][data-item]");
    if (index >= 0) toggle(index, buttons[index]!.getAttribute("aria-expanded") !== "true");
  });
  return {
    render() {
      for (let i = 0; i < buttons.length; i++) toggle(i, false);
      showSeen(el, seenBits(blockState(host, block.id)), host.t);
    },
  };
};
