/**
 * The default course (content/): a learner walks every lesson, opens every block, answers every
 * knowledge check, passes the final assessment and sees the summary — on the web, and inside a
 * strict SCORM LMS.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScormStandard } from "../../src/preview/client/scorm-lms.js";
import { completeBlocks } from "../support/blocks.js";
import { launchBrowser, openPage } from "../support/browser.js";
import { buildInto, CONTENT_DIR } from "../support/build.js";
import { answerQuestion, courseDataOf, currentPageId, takeCourse, takeQuiz } from "../support/learner.js";
import {
  serveWithLms,
  commitsPerView,
  exitCourse,
  expectCleanSession,
  firstLaunch,
  launchScorm,
  lmsCalls,
  lmsCmi,
} from "../support/scorm-lms.js";
import type { StaticServer } from "../support/static-server.js";

let browser: Browser;
let server: StaticServer;
let courseId: string;

beforeAll(async () => {
  const result = await buildInto(CONTENT_DIR, { formats: ["web", "scorm12", "scorm2004"] });
  courseId = result.model.config.id;
  server = await serveWithLms(result.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the default course", () => {
  // Journeys through every page and block take about a minute on a loaded machine.
  it("on the web: every lesson, every knowledge check, a passed final assessment, a complete summary", {
    timeout: 180_000,
  }, async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/${courseId}-web/index.html`);
    const course = await courseDataOf(page);
    expect(course.pages.filter((p) => p.kind === "lesson").length).toBeGreaterThanOrEqual(7);
    for (const p of course.pages) {
      expect(await currentPageId(page)).toBe(p.id);
      for (const id of p.checks) {
        const q = course.questions[id]!;
        await answerQuestion(page, q, true);
        await page.locator(`[data-question="${id}"] [data-check]`).click();
        const verdict = page.locator(`[data-question="${id}"] [data-feedback-verdict]`);
        await expect
          .poll(() => verdict.textContent(), { message: id })
          .toBe(q.type === "likert" ? "Answer recorded" : "Correct");
      }
      // Every block a learner can open, scenarios run to their best ending.
      await completeBlocks(page, p.id, course);
      if (p.kind === "quiz") {
        await takeQuiz(page, p.id, 1);
        const section = page.locator(`section[data-page="${p.id}"]`);
        expect(await section.locator("[data-quiz-verdict]").textContent()).toBe("You passed.");
        // Feedback comes at the end: the review shows each answer with the feedback that teaches.
        await section.locator('[data-quiz-action="review"]').click();
        const items = section.locator(".review-item");
        expect(await items.count()).toBe(course.quizzes[p.id]!.banks.reduce((n, b) => n + b.draw, 0));
        for (const item of await items.all()) expect(await item.locator(".review-feedback").count()).toBeGreaterThan(0);
      }
      await page.locator('[data-nav="next"]').click();
    }
    expect(await currentPageId(page)).toBe("summary");
    await expect
      .poll(() => page.locator('[data-summary="completion"]').textContent())
      .toBe("You have completed this course.");
    expect(await page.locator('[data-summary="result"]').textContent()).toBe("Result: passed");
    expect(errors).toEqual([]);
  });

  it("in German: every knowledge check and the final assessment score with the translated answers", {
    timeout: 180_000,
  }, async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/${courseId}-de-web/index.html`);
    const course = await courseDataOf(page);
    expect([course.language, course.id]).toEqual(["de", `${courseId}-de`]);
    for (const p of course.pages) {
      for (const id of p.checks) {
        const q = course.questions[id]!;
        await answerQuestion(page, q, true);
        await page.locator(`[data-question="${id}"] [data-check]`).click();
        const verdict = page.locator(`[data-question="${id}"] [data-feedback-verdict]`);
        await expect.poll(() => verdict.textContent(), { message: id }).toBe("Richtig");
      }
      if (p.kind === "quiz") {
        // Fill-in questions are answered with their German accepted answers, choices by id.
        await takeQuiz(page, p.id, 1);
        expect(await page.locator(`section[data-page="${p.id}"] [data-quiz-verdict]`).textContent()).toBe("Bestanden.");
      }
      await page.locator('[data-nav="next"]').click();
    }
    expect(await page.locator('[data-summary="result"]').textContent()).toBe("Bewertung: bestanden");
    expect(errors).toEqual([]);
  });

  it.each(["scorm12", "scorm2004"] as const)(
    "in a strict %s LMS: completed and passed, with a clean session",
    async (standard: ScormStandard) => {
      const session = await launchScorm(
        { browser, hostUrl: `${server.url}/lms/scorm-host.html`, packageUrl: (s) => `../${courseId}-${s}/index.html` },
        standard,
        { cmi: firstLaunch(standard) },
        { clock: standard === "scorm2004" },
      );
      if (standard === "scorm2004") {
        // Steady state: after the launch commit, each lesson viewed costs at most one commit, even
        // when the learner lingers on it past the runtime's commit delay.
        const lessons = (await courseDataOf(session.sco)).pages.filter((p) => p.kind === "lesson").slice(1);
        const perLesson = await commitsPerView(
          session,
          lessons.map((lesson) => async () => {
            await session.sco.locator('[data-nav="next"]').click();
            expect(await currentPageId(session.sco)).toBe(lesson.id);
          }),
        );
        expect(perLesson).toBeGreaterThan(0);
        expect(perLesson).toBeLessThanOrEqual(lessons.length);
        await session.sco.locator(`.menu a[data-page="${(await courseDataOf(session.sco)).pages[0]!.id}"]`).click();
      }
      await takeCourse(session.sco, 1);
      await exitCourse(session);
      expectCleanSession(standard, await lmsCalls(session.page));
      const cmi = await lmsCmi(session.page);
      if (standard === "scorm12") expect(cmi.core).toMatchObject({ lesson_status: "passed", score: { raw: "100" } });
      else
        expect(cmi).toMatchObject({ completion_status: "completed", success_status: "passed", score: { scaled: "1" } });
      expect(session.errors).toEqual([]);
    },
    // The 2004 case lingers on each lesson past the commit delay on purpose.
    120_000,
  );

  it("lays out only the first page until the player has started, and every page in print", async () => {
    const { page } = await openPage(browser);
    // The player never starts: what the parser alone gives the browser to lay out.
    await page.route("**/coursepack.js", (route) => route.abort());
    await page.goto(`${server.url}/${courseId}-web/index.html`);
    const laidOut = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("section.page:not(.summary):not(.locked)")]
          .filter((s) => s.getClientRects().length > 0)
          .map((s) => s.dataset.page),
      );
    const pages = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("section.page:not(.summary):not(.locked)")].map((s) => s.dataset.page),
    );
    expect(pages.length).toBeGreaterThan(2);
    expect(await laidOut()).toEqual([pages[0]]);
    await page.emulateMedia({ media: "print" });
    expect(await laidOut()).toEqual(pages);
    await page.context().close();
  });
});
