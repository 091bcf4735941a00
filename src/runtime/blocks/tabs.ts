/**
 * Tabs (WAI-ARIA tabs pattern, automatic activation): arrow keys move between tabs (mirrored in
 * right-to-left courses), Home and End jump to the ends, only the selected tab is in the Tab order.
 */
import type { ItemBlockData } from "../../shared/course-data.js";
import { seenBits } from "../player/completion.js";
import { $$ } from "../player/dom.js";
import { type Binder, blockState, itemIndex, markSeen, showSeen } from "./host.js";

export const tabs: Binder<ItemBlockData> = (el, block, host) => {
  const tabList = $$('[role="tab"]', el);
  const panels = $$('[role="tabpanel"]', el);
  let current = 0;
  const select = (index: number, moveFocus: boolean) => {
    current = index;
    tabList.forEach((tab, i) => {
      tab.setAttribute("aria-selected", String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    panels.forEach((panel, i) => {
      panel.hidden = i !== index;
    });
    if (moveFocus) tabList[index]?.focus();
    markSeen(host, el, block.id, index);
  };
  el.addEventListener("click", (event) => {
    const index = itemIndex(event, el, '[role="tab"]');
    if (index >= 0) select(index, false);
  });
  el.addEventListener("keydown", (event) => {
    if (itemIndex(event, el, '[role="tab"]') < 0) return;
    const forward = document.documentElement.dir === "rtl" ? "ArrowLeft" : "ArrowRight";
    const backward = forward === "ArrowLeft" ? "ArrowRight" : "ArrowLeft";
    const n = tabList.length;
    const to: Record<string, number> = {
      [forward]: (current + 1) % n,
      [backward]: (current + n - 1) % n,
      Home: 0,
      End: n - 1,
    };
    const index = to[event.key];
    if (index === undefined) return;
    event.preventDefault();
    select(index, true);
  });
  return {
    render: () => showSeen(el, seenBits(blockState(host, block.id)), host.t),
    shown: () => markSeen(host, el, block.id, current),
  };
};
