/** Knowledge checks inside lessons: ungraded, instant feedback, never reported as a score. */
import type { CourseData } from "../../shared/course-data.js";
import type { LearnerState } from "../../shared/learner.js";
import { $, $$ } from "../player/dom.js";
import type { Translate } from "../player/strings.js";
import { QuestionView } from "./question-view.js";

/** Wires every knowledge check; returns a function that clears them all (for "Start over"). */
export function bindKnowledgeChecks(
  course: CourseData,
  state: LearnerState,
  t: Translate,
  changed: () => void,
): () => void {
  const views: QuestionView[] = [];
  for (const el of $$(".knowledge-check[data-question]")) {
    const data = course.questions[el.dataset.question ?? ""];
    if (!data) continue;
    const view = new QuestionView(el, data, t);
    views.push(view);
    const saved = state.checks[data.id];
    if (saved) {
      view.restore(saved);
      view.showFeedback(saved, view.evaluate(saved));
    }
    view.onChange(() => view.hideFeedback());
    $("[data-check]", el)?.addEventListener("click", () => {
      const response = view.read();
      if (!response) {
        view.message(t("selectAnAnswer"));
        return;
      }
      view.showFeedback(response, view.evaluate(response));
      state.checks[data.id] = response;
      changed();
    });
  }
  return () => {
    for (const view of views) {
      view.clear();
      view.hideFeedback();
    }
  };
}
