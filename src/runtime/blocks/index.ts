/**
 * The runtime side of the interactive blocks: one module per kind in a Record, so every kind the
 * course data can name has one. Static blocks (callouts, quotes, timelines) need no script.
 */
import type { InteractiveBlockKind } from "../../shared/course-data.js";
import { $$ } from "../player/dom.js";
import { disclosure } from "./disclosure.js";
import { flipcards } from "./flipcards.js";
import type { Binder, BlockHost, BoundBlock } from "./host.js";
import { hotspots } from "./hotspots.js";
import { media } from "./media.js";
import { scenario } from "./scenario.js";
import { steps } from "./steps.js";
import { tabs } from "./tabs.js";

const BINDERS: Record<InteractiveBlockKind, Binder<never>> = {
  tabs,
  accordion: disclosure,
  reveal: disclosure,
  flipcards,
  steps,
  hotspots,
  video: media,
  audio: media,
  scenario,
};

export interface Blocks {
  /** Redraws every block from the learner state ("Start over"). */
  render(): void;
  /** The lesson `page` was shown. */
  shown(page: string): void;
}

export function bindBlocks(host: BlockHost): Blocks {
  const bound: { page: string; block: BoundBlock }[] = [];
  for (const el of $$("[data-block]")) {
    const data = host.course.blocks[el.dataset.block ?? ""];
    if (!data) continue;
    const block = (BINDERS[data.kind] as Binder)(el, data, host);
    block.render();
    bound.push({ page: data.page, block });
  }
  return {
    render: () => {
      for (const b of bound) b.block.render();
    },
    shown: (page) => {
      for (const b of bound) if (b.page === page) b.block.shown?.();
    },
  };
}
