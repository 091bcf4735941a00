/** The progress bar and the menu's viewed/current markers. */
import type { CourseData } from "../../shared/course-data.js";
import type { LearnerState } from "../../shared/learner.js";
import type { CourseStatus } from "../tracking/tracker.js";
import { $, $$ } from "./dom.js";
import type { Translate } from "./strings.js";

export function renderProgress(course: CourseData, state: LearnerState, status: CourseStatus, t: Translate): void {
  const percent = Math.round(status.progress * 100);
  const bar = $(".progress-bar");
  bar?.setAttribute("aria-valuenow", String(percent));
  bar?.setAttribute("aria-valuetext", `${percent} %`);
  const fill = $(".progress-fill");
  if (fill) fill.style.width = `${percent}%`;
  const done = Math.round(status.progress * course.pages.length);
  const text = $(".progress-text");
  if (text) text.textContent = t("progressText", { done, total: course.pages.length });
  const viewed = new Set(state.viewed);
  for (const link of $$(".menu-link")) {
    const id = link.dataset.page ?? "";
    const isDone = viewed.has(id) || state.quizzes[id]?.submitted === true;
    link.classList.toggle("is-done", isDone);
    const label = $(".menu-status", link);
    if (label) label.textContent = isDone ? ` (${t("viewed")})` : "";
  }
}
