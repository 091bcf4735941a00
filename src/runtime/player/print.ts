/**
 * Printing for `coursepack handout`, which opens the course with `?cp-print`: images load at once
 * (lazy ones below the fold would print blank), and with `?cp-print=answers` each question gets its
 * correct answer and explanation, which only the print stylesheet shows. A plain printout leaves
 * them out, so a handout can be given to learners before they take the quiz.
 */
import type { CourseData } from "../../shared/course-data.js";
import { behaviourOf } from "../quiz/types/index.js";
import { $, $$, escapeHtml } from "./dom.js";
import type { Translate } from "./strings.js";

export function preparePrint(course: CourseData, t: Translate): void {
  const mode = /[?&]cp-print(=answers)?\b/.exec(window.location.search);
  if (!mode) return;
  for (const img of $$("img")) img.setAttribute("loading", "eager");
  if (!mode[1]) return;
  for (const el of $$("[data-question]")) {
    const q = course.questions[el.dataset.question ?? ""];
    if (!q || !behaviourOf(q).correct(q)) continue;
    const answer = escapeHtml(t("correctAnswer", { answer: behaviourOf(q).describeCorrect(q, t) }));
    const explanation = $(".feedback-explanation", el)?.innerHTML ?? "";
    el.insertAdjacentHTML("beforeend", `<div class="print-answer"><p>${answer}</p>${explanation}</div>`);
  }
}
