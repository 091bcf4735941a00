/**
 * A simulated learner for browser tests: walks pages and answers questions, right or wrong, using
 * the course data embedded in the page. Keyboard only where it matters for accessibility tests.
 * Every helper takes a Page or, for packages an LMS page hosts, the package's Frame.
 */
import type { Frame, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { CourseData, QuestionData } from "../../src/shared/course-data.js";
import { plannedAnswer } from "../../src/tester/client/answers.js";
import { tabTo } from "./a11y.js";
import { completeBlock } from "./blocks.js";

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

/**
 * Answers a question: correctly, or with a wrong answer, the one `coursepack test`'s robot gives
 * (plannedAnswer), so "a wrong answer" means the same in both.
 */
export async function answerQuestion(page: Page | Frame, q: QuestionData, correct: boolean): Promise<void> {
  const root = page.locator(`[data-question="${q.id}"]`);
  const plan = plannedAnswer(q, correct, await pageLanguage(page));
  switch (plan.kind) {
    case "choices":
      for (const id of plan.ids) await root.locator(`input[value="${id}"]`).check();
      return;
    case "text":
      return root.locator("input").fill(plan.value);
    case "matching":
      for (const { source, target } of plan.pairs)
        await root.locator(`select[data-source="${source}"]`).selectOption(target);
      return;
    case "order":
      return arrange(root, plan.ids);
  }
}

/** The course's language, as the page declares it (numbers are typed its way). */
async function pageLanguage(page: Page | Frame): Promise<string> {
  return (await page.locator("html").getAttribute("lang")) ?? "en";
}

/** Moves sequencing items with their Move up buttons until they stand in `wanted` order. */
async function arrange(root: Locator, wanted: string[]): Promise<void> {
  for (const [position, id] of wanted.entries()) {
    for (;;) {
      const order = await root
        .locator("[data-option]")
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.option));
      if (order.indexOf(id) <= position) break;
      await root.locator(`[data-option="${id}"] [data-move="up"]`).click();
    }
  }
}

/**
 * Every page in order with Next, each lesson's required blocks done, each quiz with `share` of its
 * answers right; ends on the summary.
 */
export async function takeCourse(page: Page | Frame, share: number): Promise<CourseData> {
  const course = await courseDataOf(page);
  for (const p of course.pages) {
    if (p.kind === "quiz") await takeQuiz(page, p.id, share);
    for (const id of p.requires) await completeBlock(page, course.blocks[id]!);
    await page.locator('[data-nav="next"]').click();
  }
  expect(await currentPageId(page)).toBe("summary");
  return course;
}

/**
 * Takes a quiz from its intro (or, with "retry", from the results of the last attempt) to its
 * results, answering `correctShare` of the questions right.
 */
export async function takeQuiz(
  page: Page | Frame,
  quizId: string,
  correctShare: number,
  from: "start" | "retry" = "start",
): Promise<void> {
  const course = await courseDataOf(page);
  const section = page.locator(`section.page[data-page="${quizId}"]`);
  await section.locator(`[data-quiz-action="${from}"]`).click();
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

/** Answers a question with the keyboard only (Tab, arrows, Space, Enter, typing). */
export async function answerByKeyboard(page: Page, q: QuestionData, correct: boolean): Promise<void> {
  const root = page.locator(`[data-question="${q.id}"]`);
  const pickRadio = async (index: number) => {
    await tabTo(page, root.locator("input").first());
    if (index === 0) await page.keyboard.press("Space");
    for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
  };
  switch (q.type) {
    case "single": {
      const values = await root.locator("input").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      const want = correct ? q.choices.find((c) => c.correct)!.id : q.choices.find((c) => !c.correct)!.id;
      return pickRadio(values.indexOf(want));
    }
    case "true-false":
      return pickRadio(String(correct ? q.answer : !q.answer) === "true" ? 0 : 1);
    case "likert":
      return pickRadio(0);
    case "multiple": {
      const ids = correct
        ? q.choices.filter((c) => c.correct).map((c) => c.id)
        : [q.choices.find((c) => !c.correct)!.id];
      for (const id of ids) {
        await tabTo(page, root.locator(`input[value="${id}"]`));
        await page.keyboard.press("Space");
      }
      return;
    }
    case "fill-in":
    case "numeric": {
      const plan = plannedAnswer(q, correct, await pageLanguage(page));
      await tabTo(page, root.locator("input"));
      return page.keyboard.type(plan.kind === "text" ? plan.value : "");
    }
    case "matching": {
      const targets = q.pairs.map((p) => p.target);
      for (const [i, pair] of q.pairs.entries()) {
        const select = root.locator(`select[data-source="${pair.source}"]`);
        const values = await select
          .locator("option")
          .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
        await tabTo(page, select);
        const want = correct ? pair.target : targets[(i + 1) % targets.length]!;
        for (let k = 0; k < values.indexOf(want); k++) await page.keyboard.press("ArrowDown");
      }
      return;
    }
    case "sequencing": {
      const wanted = q.items.map((i) => i.id);
      if (!correct) wanted.reverse();
      for (const [position, id] of wanted.entries()) {
        const order = () =>
          root.locator("[data-option]").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.option));
        if ((await order()).indexOf(id) <= position) continue;
        await tabTo(page, root.locator(`[data-option="${id}"] [data-move="up"]`));
        while ((await order()).indexOf(id) > position) await page.keyboard.press("Enter");
      }
      return;
    }
  }
}
