/**
 * A simulated learner for browser tests: walks pages and answers questions, right or wrong, using
 * the course data embedded in the page. Keyboard only where it matters for accessibility tests.
 * Every helper takes a Page or, for packages an LMS page hosts, the package's Frame.
 */
import type { Frame, Page } from "playwright-core";
import type { CourseData, QuestionData } from "../../src/shared/course-data.js";

export async function courseDataOf(page: Page | Frame): Promise<CourseData> {
  return JSON.parse((await page.locator("#course-data").textContent()) ?? "{}") as CourseData;
}

export async function currentPageId(page: Page | Frame): Promise<string | null> {
  return page.locator("section.page:not([hidden])").getAttribute("data-page");
}

/** Presses Next until the given page shows (or the summary). */
export async function goTo(page: Page | Frame, pageId: string): Promise<void> {
  await page.locator(`.menu a[data-page="${pageId}"]`).click();
  await page.locator(`section.page[data-page="${pageId}"]:not([hidden])`).waitFor();
}

/** Answers the visible question in `container`: correctly, or with a wrong answer. */
export async function answerQuestion(page: Page | Frame, q: QuestionData, correct: boolean): Promise<void> {
  const root = page.locator(`[data-question="${q.id}"]`);
  switch (q.type) {
    case "single":
    case "multiple": {
      const ids = correct
        ? q.choices.filter((c) => c.correct).map((c) => c.id)
        : [q.choices.find((c) => !c.correct)?.id ?? q.choices[0]!.id];
      for (const id of ids) await root.locator(`input[value="${id}"]`).check();
      break;
    }
    default:
      throw new Error(`the test learner cannot answer ${q.type} questions yet`);
  }
}

/** Takes a quiz from its intro to its results, answering `correctShare` of the questions right. */
export async function takeQuiz(page: Page | Frame, quizId: string, correctShare: number): Promise<void> {
  const course = await courseDataOf(page);
  const section = page.locator(`section.page[data-page="${quizId}"]`);
  await section.locator('[data-quiz-action="start"]').click();
  const quiz = course.quizzes[quizId]!;
  const total = quiz.banks.reduce((n, b) => n + Math.min(b.draw, b.questions.length), 0);
  const rightCount = Math.round(total * correctShare);
  for (let i = 0; i < total; i++) {
    const visible = section.locator("[data-question]:not([hidden])");
    const id = await visible.getAttribute("data-question");
    await answerQuestion(page, course.questions[id!]!, i < rightCount);
    const forward = section.locator('[data-quiz-action="forward"]:not([hidden])');
    if (quiz.feedback === "immediate") await forward.click(); // check answer
    if (i < total - 1) await section.locator('[data-quiz-action="forward"]').click();
  }
  await section.locator('[data-quiz-action="submit"]').click();
  await section.locator('[data-quiz-screen="results"]:not([hidden])').waitFor();
}
