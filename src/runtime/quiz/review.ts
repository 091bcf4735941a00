/**
 * The review list after a quiz is submitted: each drawn question with the learner's answer and, unless
 * the quiz hides them (`feedback: none`), the verdict, the correct answer and the authored feedback.
 */
import type { QuizData } from "../../shared/course-data.js";
import type { QuizAttemptState } from "../../shared/learner.js";
import { escapeHtml } from "../player/dom.js";
import type { Translate } from "../player/strings.js";
import type { QuestionView } from "./question-view.js";
import { behaviourOf } from "./types/index.js";

export function reviewHtml(
  attempt: QuizAttemptState,
  views: ReadonlyMap<string, QuestionView>,
  quiz: QuizData,
  t: Translate,
): string {
  const withKey = quiz.feedback !== "none";
  return attempt.drawn
    .map((id) => {
      const view = views.get(id);
      if (!view) return "";
      const q = view.data;
      const b = behaviourOf(q);
      const response = attempt.answers[id];
      const { result } = response ? view.evaluate(response) : { result: "incorrect" as const };
      const lines = [
        `<p class="review-question">${escapeHtml(q.text)}</p>`,
        `<p>${escapeHtml(t("yourAnswer", { answer: response ? b.describe(q, response, t) : t("notAnswered") }))}</p>`,
        withKey && b.correct(q) && result !== "correct"
          ? `<p>${escapeHtml(t("correctAnswer", { answer: b.describeCorrect(q, t) }))}</p>`
          : "",
        withKey
          ? `<p class="feedback-verdict is-${result}">${escapeHtml(t(result === "neutral" ? "answerRecorded" : result))}</p>`
          : "",
        withKey ? view.feedbackHtml(response, result) : "",
      ];
      return `<li class="review-item">${lines.join("")}</li>`;
    })
    .join("");
}
