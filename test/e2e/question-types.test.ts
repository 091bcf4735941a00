/** Every question type works in the browser: as a knowledge check and in a graded quiz. */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "../support/browser.js";
import { buildInto, FIXTURES } from "../support/build.js";
import { answerQuestion, courseDataOf, goTo, takeQuiz } from "../support/learner.js";
import { sidewaysOverflow } from "../support/narrow.js";
import { serveDirectory, type StaticServer } from "../support/static-server.js";

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const result = await buildInto(path.join(FIXTURES, "courses", "all-types"));
  server = await serveDirectory(path.join(result.outDir, "all-types-web"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser);
  await opened.page.goto(`${server.url}/index.html`);
  return opened;
}

describe("question types", () => {
  it("checks every knowledge-check type right and wrong, with feedback", async () => {
    const { page, errors } = await open();
    const course = await courseDataOf(page);
    for (const id of course.pages[0]!.checks) {
      const q = course.questions[id]!;
      const el = page.locator(`[data-question="${id}"]`);
      await answerQuestion(page, q, false);
      await el.locator("[data-check]").click();
      const wrong = q.type === "likert" ? "Answer recorded" : "Not quite";
      await expect
        .poll(() => el.locator("[data-feedback-verdict]").textContent(), { message: `${q.type} wrong` })
        .toBe(wrong);
      await answerQuestion(page, q, true);
      await el.locator("[data-check]").click();
      const right = q.type === "likert" ? "Answer recorded" : "Correct";
      await expect
        .poll(() => el.locator("[data-feedback-verdict]").textContent(), { message: `${q.type} right` })
        .toBe(right);
    }
    expect(errors).toEqual([]);
  });

  it("scores a quiz with every type to 100 % when all answers are right", async () => {
    const { page, errors } = await open();
    await goTo(page, "quiz");
    await takeQuiz(page, "quiz", 1);
    expect(await page.locator("[data-quiz-score]").textContent()).toBe("You scored 100 %. The pass mark is 75 %.");
    expect(errors).toEqual([]);
  });

  it("scores wrong answers as 0 and offers a retry", async () => {
    const { page } = await open();
    await goTo(page, "quiz");
    await takeQuiz(page, "quiz", 0);
    expect(await page.locator("[data-quiz-score]").textContent()).toBe("You scored 0 %. The pass mark is 75 %.");
    await expect.poll(() => page.locator('[data-quiz-action="retry"]').isVisible()).toBe(true);
  });

  it("fits a 320 px wide screen: no question of any type scrolls sideways (issue 12)", async () => {
    const { page } = await openPage(browser, { width: 320, height: 640 });
    await page.goto(`${server.url}/index.html`);
    await page.locator("html.cp-ready").waitFor();
    const overflow = await page.evaluate(sidewaysOverflow);
    expect(overflow.wide).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(320);
  });

  it("shows the question the learner left when they come back to the quiz, even a sequence not yet arranged", async () => {
    const { page, errors } = await open();
    const course = await courseDataOf(page);
    await goTo(page, "quiz");
    const quiz = page.locator("section[data-page=quiz]");
    await quiz.locator('[data-quiz-action="start"]').click();
    const visible = quiz.locator("[data-question]:not([hidden])");
    // Answer and check each question until the sequence shows; leave it as shuffled.
    for (;;) {
      const id = (await visible.getAttribute("data-question"))!;
      if (id === "q-sequencing") break;
      await answerQuestion(page, course.questions[id]!, true);
      await quiz.locator('[data-quiz-action="forward"]').click(); // check the answer
      await quiz.locator('[data-quiz-action="forward"]').click(); // next question
      await expect.poll(() => visible.getAttribute("data-question")).not.toBe(id);
    }
    const lesson = course.pages.find((p) => p.kind === "lesson")!.id;
    await goTo(page, lesson);
    await goTo(page, "quiz");
    // A sequence always holds an order, so it counts as answered once seen: the quiz used to move
    // on to the next unanswered question, and the shuffled order went in as the learner's answer.
    expect(await visible.getAttribute("data-question")).toBe("q-sequencing");
    expect(errors).toEqual([]);
  });

  it("keeps a quiz in progress across a reload, same questions and answers", async () => {
    const { page } = await open();
    const course = await courseDataOf(page);
    await goTo(page, "quiz");
    await page.locator('[data-quiz-action="start"]').click();
    const first = await page
      .locator("section[data-page=quiz] [data-question]:not([hidden])")
      .getAttribute("data-question");
    await answerQuestion(page, course.questions[first!]!, true);
    await page.reload();
    // The learner comes back inside the attempt, at the first unanswered question; answers are kept.
    const visible = page.locator("section[data-page=quiz] [data-question]:not([hidden])");
    await visible.waitFor();
    expect(await visible.getAttribute("data-question")).not.toBe(first);
    await page.locator('section[data-page=quiz] [data-quiz-action="back"]').click();
    expect(await visible.getAttribute("data-question")).toBe(first);
    expect(await page.locator(`[data-question="${first}"] input:checked`).count()).toBeGreaterThan(0);
  });
});
