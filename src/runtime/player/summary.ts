/** The course summary page: completion, lessons viewed, score and result. */
import type { CourseData } from "../../shared/course-data.js";
import type { LearnerState } from "../../shared/learner.js";
import type { CourseStatus } from "../tracking/tracker.js";
import { pageDone } from "./completion.js";
import { $, show } from "./dom.js";
import type { Translate } from "./strings.js";

export function renderSummary(course: CourseData, state: LearnerState, status: CourseStatus, t: Translate): void {
  const set = (name: string, text: string | undefined) => {
    const el = $(`[data-summary="${name}"]`);
    if (!el) return;
    el.textContent = text ?? "";
    show(el, text !== undefined);
  };
  const lessons = course.pages.filter((p) => p.kind === "lesson");
  const viewed = lessons.filter((p) => pageDone(course, state, p)).length;
  set("completion", t(status.completed ? "summaryComplete" : "summaryIncomplete"));
  set("lessons", t("summaryLessons", { done: viewed, total: lessons.length }));
  const hasQuiz = Object.keys(course.quizzes).length > 0;
  set(
    "score",
    hasQuiz
      ? status.score === undefined
        ? t("summaryNoScore")
        : t("summaryScore", { score: status.score })
      : undefined,
  );
  set("result", status.passed === undefined ? undefined : t(status.passed ? "summaryPassed" : "summaryFailed"));
}
