/** The progress bar, the menu's done/in progress/locked markers and the lessons' to-do lists. */
import type { CourseData } from "../../shared/course-data.js";
import type { LearnerState } from "../../shared/learner.js";
import type { CourseStatus } from "../tracking/tracker.js";
import { blockDone, pageDone } from "./completion.js";
import { $, $$ } from "./dom.js";
import type { PageLocks } from "./locks.js";
import type { Translate } from "./strings.js";

export function renderProgress(
  course: CourseData,
  state: LearnerState,
  status: CourseStatus,
  locks: PageLocks,
  t: Translate,
): void {
  const percent = Math.round(status.progress * 100);
  const bar = $(".progress-bar");
  bar?.setAttribute("aria-valuenow", String(percent));
  bar?.setAttribute("aria-valuetext", `${percent} %`);
  const fill = $(".progress-fill");
  if (fill) fill.style.width = `${percent}%`;
  const done = Math.round(status.progress * course.pages.length);
  const text = $(".progress-text");
  if (text) text.textContent = t("progressText", { done, total: course.pages.length });
  for (const link of $$(".menu-link")) {
    const page = course.pages.find((p) => p.id === link.dataset.page);
    if (!page) continue;
    const isDone = pageDone(course, state, page);
    // Shown, but a required block is still to do: the menu says so.
    const started = !isDone && state.viewed.includes(page.id);
    const locked = locks.has(page.id);
    link.classList.toggle("is-done", isDone);
    link.classList.toggle("is-started", started);
    link.classList.toggle("is-locked", locked);
    const label = $(".menu-status", link);
    if (label)
      label.textContent = locked
        ? ` (${t("locked")})`
        : isDone
          ? ` (${t("viewed")})`
          : started
            ? ` (${t("inProgress")})`
            : "";
  }
  renderRequirements(course, state, t);
}

/** The to-do list at the top of each lesson with required blocks: each item marked done as it is. */
function renderRequirements(course: CourseData, state: LearnerState, t: Translate): void {
  for (const item of $$("[data-requirement]")) {
    const block = course.blocks[item.dataset.requirement ?? ""];
    if (!block) continue;
    const done = blockDone(block, state.blocks?.[block.id]);
    item.classList.toggle("is-done", done);
    const text = $("[data-requirement-state]", item);
    if (text) text.textContent = t(done ? "requirementDone" : "requirementOpen");
  }
}
