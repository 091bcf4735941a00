/**
 * When a block, and so a lesson, is done: a lesson counts once it was shown and every block it
 * requires is done. Pure, shared by the status, the menu, the lesson's to-do list, the locks and the
 * SCORM objectives, so they always agree.
 */
import { type BlockData, type CourseData, type PageData, progressBits } from "../../shared/course-data.js";
import type { BlockState, LearnerState } from "../../shared/learner.js";

/** Number of set bits of a 32-bit number: items opened, media segments played. */
export function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits >>> 0; b; b >>>= 1) n += b & 1;
  return n;
}

export function seenBits(state: BlockState | undefined): number {
  return state?.kind === "seen" ? state.seen : 0;
}

export function blockDone(block: BlockData, state: BlockState | undefined): boolean {
  const bits = progressBits(block);
  if (bits === undefined) return state?.kind === "scenario" && state.ended;
  if ("external" in block && block.external) return true;
  const needed = "threshold" in block ? Math.ceil(block.threshold * bits) : bits;
  return bitCount(seenBits(state)) >= needed;
}

/** The required blocks of a lesson not done yet. */
export function blocksToDo(course: CourseData, state: LearnerState, page: PageData): BlockData[] {
  return page.requires.flatMap((id) => {
    const block = course.blocks[id];
    return block && !blockDone(block, state.blocks?.[id]) ? [block] : [];
  });
}

/** A lesson is done once shown with every required block done; a quiz once submitted. */
export function pageDone(course: CourseData, state: LearnerState, page: PageData): boolean {
  if (page.kind === "quiz") {
    const attempt = state.quizzes[page.id];
    return attempt?.submitted === true || attempt?.best !== undefined;
  }
  return state.viewed.includes(page.id) && blocksToDo(course, state, page).length === 0;
}
