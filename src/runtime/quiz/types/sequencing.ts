/**
 * Sequencing: items reordered with Move up/Move down buttons. The current order is always an answer,
 * so there is no "unanswered" state.
 */
import type { SequencingQuestionData } from "../../../shared/course-data.js";
import type { Response } from "../../../shared/learner.js";
import { $, $$ } from "../../player/dom.js";
import type { QuestionBehaviour } from "./behaviour.js";

const items = (el: HTMLElement) => $$("[data-option]", el);
const orderOf = (r: Response) => (r.kind === "order" ? r.ids : []);

function describeOrder(q: SequencingQuestionData, ids: string[]): string {
  return ids.map((id, i) => `${i + 1}. ${q.items.find((item) => item.id === id)?.text ?? id}`).join("  ");
}

export const sequencing: QuestionBehaviour<SequencingQuestionData> = {
  read: (el) => ({ kind: "order", ids: items(el).map((li) => li.dataset.option ?? "") }),
  restore(el, _q, r) {
    const list = $("[data-sequence]", el);
    for (const id of orderOf(r)) {
      const item = $(`[data-option="${CSS.escape(id)}"]`, el);
      if (item && list) list.appendChild(item);
    }
  },
  score: (q, r) => (orderOf(r).join("\n") === q.items.map((i) => i.id).join("\n") ? 1 : 0),
  correct: (q) => [{ kind: "order", ids: q.items.map((i) => i.id) }],
  describe: (q, r) => describeOrder(q, orderOf(r)),
  describeCorrect: (q) =>
    describeOrder(
      q,
      q.items.map((i) => i.id),
    ),
  options: (q) => q.items.map((i) => ({ id: i.id, text: i.text })),
  bind(el, _q, changed, announce, t) {
    el.addEventListener("click", (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>("[data-move]");
      const item = button?.closest<HTMLElement>("[data-option]");
      const list = item?.parentElement;
      if (!button || !item || !list) return;
      const up = button.dataset.move === "up";
      const sibling = up ? item.previousElementSibling : item.nextElementSibling;
      if (!sibling) return;
      list.insertBefore(item, up ? sibling : sibling.nextElementSibling);
      // Keep focus on the same button so a keyboard user can keep moving the item.
      button.focus();
      const all = items(el);
      announce(t("movedTo", { n: all.indexOf(item) + 1, total: all.length }));
      changed();
    });
  },
};
