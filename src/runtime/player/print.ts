/**
 * Printing: disclosures (media transcripts) open before any printout. For `coursepack handout`, which
 * opens the course with `?cp-print`, images also load at once
 * (lazy ones below the fold would print blank), and with `?cp-print=answers` each question gets its
 * correct answer and explanation, which only the print stylesheet shows. A plain printout leaves
 * them out, so a handout can be given to learners before they take the quiz.
 */
import type { CourseData } from "../../shared/course-data.js";
import { behaviourOf } from "../quiz/types/index.js";
import { $, $$, escapeHtml } from "./dom.js";
import type { Translate } from "./strings.js";

export function preparePrint(course: CourseData, t: Translate): void {
  // Transcripts and other disclosures print open, whichever way the page is printed.
  const openDetails = () => {
    for (const details of $$("details")) details.setAttribute("open", "");
  };
  window.addEventListener("beforeprint", openDetails);
  const mode = /[?&]cp-print(=answers)?\b/.exec(window.location.search);
  if (!mode) return;
  openDetails();
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
