/**
 * What every block's runtime module gets from the player, and the "items opened" bookkeeping the item
 * blocks share: the opened items are bits of the block's saved state, and each opened item's
 * control says so (a check mark, and "Viewed" for screen readers).
 */
import type { BlockData, CourseData } from "../../shared/course-data.js";
import type { AnsweredQuestion, BlockState, LearnerState } from "../../shared/learner.js";
import { seenBits } from "../player/completion.js";
import { $$ } from "../player/dom.js";
import type { Translate } from "../player/strings.js";
import type { BlockEvent } from "../tracking/tracker.js";

export interface BlockHost {
  course: CourseData;
  state: LearnerState;
  t: Translate;
  /** The learner state changed: save and report. */
  changed(): void;
  /** A scenario choice, reported like an answer (SCORM interaction, xAPI "answered"). */
  answered(answer: AnsweredQuestion): void;
  /** Something else an LMS may record (media played, scenario ended). */
  report(event: BlockEvent): void;
}

/** A block wired to the page: `render` redraws it from the learner state (after a resume or "Start over"). */
export interface BoundBlock {
  render(): void;
  /** Its lesson was shown: what the learner sees first counts as seen. */
  shown?(): void;
}

export type Binder<B extends BlockData = BlockData> = (el: HTMLElement, block: B, host: BlockHost) => BoundBlock;

export function blockState(host: BlockHost, id: string): BlockState | undefined {
  return host.state.blocks?.[id];
}

export function setBlockState(host: BlockHost, id: string, state: BlockState): void {
  host.state.blocks = { ...host.state.blocks, [id]: state };
  host.changed();
}

/** Marks item `index` opened; saves only when that is news. */
export function markSeen(host: BlockHost, el: HTMLElement, id: string, index: number): void {
  const bits = seenBits(blockState(host, id));
  const next = (bits | (1 << index)) >>> 0;
  showSeen(el, next, host.t);
  if (next !== bits) setBlockState(host, id, { kind: "seen", seen: next });
}

/** Marks the controls of opened items ([data-item] with a [data-seen] inside). */
export function showSeen(el: HTMLElement, bits: number, t: Translate): void {
  for (const item of $$("[data-item]", el)) {
    const seen = ((bits >>> Number(item.dataset.item)) & 1) === 1;
    item.classList.toggle("is-seen", seen);
    for (const mark of $$("[data-seen]", item)) mark.textContent = seen ? ` (${t("viewed")})` : "";
  }
}

/** The index of an item control ([data-item]) an event came from, or -1. */
export function itemIndex(event: Event, el: HTMLElement, selector = "[data-item]"): number {
  const item = (event.target as HTMLElement).closest<HTMLElement>(selector);
  return item && el.contains(item) ? Number(item.dataset.item ?? item.dataset.panel) : -1;
}
