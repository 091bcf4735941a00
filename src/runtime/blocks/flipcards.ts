/**
 * Flip cards: "Turn over" shows the back (and focuses it, so screen readers read it); "Turn back"
 * returns to the front. Clicking anywhere on a card that is not a link turns it too. The faces swap
 * with a CSS turn that prefers-reduced-motion switches off.
 */
import type { ItemBlockData } from "../../shared/course-data.js";
import { seenBits } from "../player/completion.js";
import { $, $$, focus } from "../player/dom.js";
import { type Binder, blockState, markSeen, showSeen } from "./host.js";

export const flipcards: Binder<ItemBlockData> = (el, block, host) => {
  const cards = $$(".flipcard", el);
  const flip = (card: HTMLElement, toBack: boolean, moveFocus: boolean) => {
    card.classList.toggle("is-flipped", toBack);
    $(".flipcard-front [data-flip]", card)?.setAttribute("aria-expanded", String(toBack));
    if (toBack) markSeen(host, el, block.id, Number(card.dataset.item));
    if (moveFocus) focus(toBack ? $(".flipcard-back", card) : $(".flipcard-front [data-flip]", card));
  };
  el.addEventListener("click", (event) => {
    const target = event.target as HTMLElement;
    const card = target.closest<HTMLElement>(".flipcard");
    if (!card || (target.closest("a, input, select, textarea") && !target.closest("[data-flip]"))) return;
    flip(card, !card.classList.contains("is-flipped"), target.closest("[data-flip]") !== null);
  });
  return {
    render() {
      for (const card of cards) flip(card, false, false);
      showSeen(el, seenBits(blockState(host, block.id)), host.t);
    },
  };
};
