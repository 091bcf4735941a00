/**
 * Printing answers: opened with `?cp-print=answers` (what `coursepack handout --answers` asks for),
 * each question gets its correct answer and explanation, which only the print stylesheet shows. A
 * plain printout leaves them out, so a handout can be given to learners before they take the quiz.
 */
import type { CourseData } from "../../shared/course-data.js";
import { behaviourOf } from "../quiz/types/index.js";
import { $, $$, escapeHtml } from "./dom.js";
import type { Translate } from "./strings.js";

export function addPrintedAnswers(course: CourseData, t: Translate): void {
  if (!/[?&]cp-print=answers\b/.test(window.location.search)) return;
  for (const el of $$("[data-question]")) {
    const q = course.questions[el.dataset.question ?? ""];
    if (!q || !behaviourOf(q).correct(q)) continue;
    const answer = escapeHtml(t("correctAnswer", { answer: behaviourOf(q).describeCorrect(q, t) }));
    const explanation = $(".feedback-explanation", el)?.innerHTML ?? "";
    el.insertAdjacentHTML("beforeend", `<div class="print-answer"><p>${answer}</p>${explanation}</div>`);
  }
}
