/**
 * WCAG 2.1 AA: axe-core finds no violations on any screen (lesson, every question type, feedback,
 * results, summary, menu), in light and dark mode, on a phone and in a right-to-left course; every
 * question type can be answered with the keyboard alone; focus and announcements go where they should.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, tabTo } from "../support/a11y.js";
import { launchBrowser, openPage } from "../support/browser.js";
import { buildInto, FIXTURES } from "../support/build.js";
import { answerByKeyboard, courseDataOf } from "../support/learner.js";
import { serveDirectory, type StaticServer } from "../support/static-server.js";

let browser: Browser;
let allTypes: StaticServer;
let rtl: StaticServer;

beforeAll(async () => {
  const [a, r] = await Promise.all([
    buildInto(path.join(FIXTURES, "courses", "all-types")),
    buildInto(path.join(FIXTURES, "courses", "rtl")),
  ]);
  allTypes = await serveDirectory(path.join(a.outDir, "all-types-web"));
  rtl = await serveDirectory(path.join(r.outDir, "rtl-web"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await allTypes?.close();
  await rtl?.close();
});

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function press(page: Page, selector: string): Promise<void> {
  await tabTo(page, page.locator(selector));
  await page.keyboard.press("Enter");
}

describe("accessibility", () => {
  it("lesson, knowledge checks of every type and their feedback: keyboard only, no violations", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${allTypes.url}/index.html`);
    await expectNoViolations(page, "lesson");
    const course = await courseDataOf(page);
    for (const id of course.pages[0]!.checks) {
      const q = course.questions[id]!;
      await answerByKeyboard(page, q, true);
      await press(page, `[data-question="${id}"] [data-check]`);
      const expected = q.type === "likert" ? "Answer recorded" : "Correct";
      await expect
        .poll(() => page.locator(`[data-question="${id}"] [data-feedback-verdict]`).textContent(), { message: q.type })
        .toBe(expected);
      // Feedback is announced through the question's live region.
      await expect.poll(() => page.locator(`[data-question="${id}"] [data-live]`).textContent()).toContain(expected);
    }
    await expectNoViolations(page, "lesson with feedback");
    expect(errors).toEqual([]);
  });

  it("moves focus to the new page's heading", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${allTypes.url}/index.html`);
    await press(page, '[data-nav="next"]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("title-quiz");
  });

  it("quiz: every question type by keyboard, feedback, results and review without violations", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${allTypes.url}/index.html`);
    await press(page, '[data-nav="next"]');
    await expectNoViolations(page, "quiz intro");
    await press(page, '[data-quiz-action="start"]');
    const course = await courseDataOf(page);
    const seen = new Set<string>();
    for (;;) {
      const id = await page
        .locator("section[data-page=quiz] [data-question]:not([hidden])")
        .getAttribute("data-question");
      const q = course.questions[id!]!;
      await expectNoViolations(page, `question ${q.type}`);
      await answerByKeyboard(page, q, true);
      await press(page, '[data-quiz-action="forward"]'); // immediate feedback: check
      await expectNoViolations(page, `feedback ${q.type}`);
      seen.add(q.type);
      if (await page.locator('[data-quiz-action="submit"]').isVisible()) break;
      await press(page, '[data-quiz-action="forward"]');
    }
    expect([...seen].sort()).toEqual([
      "fill-in",
      "likert",
      "matching",
      "multiple",
      "numeric",
      "sequencing",
      "single",
      "true-false",
    ]);
    await press(page, '[data-quiz-action="submit"]');
    await expect
      .poll(() => page.locator("[data-quiz-score]").textContent())
      .toBe("You scored 100 %. The pass mark is 75 %.");
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain("quiz-results-title");
    await expectNoViolations(page, "results");
    await press(page, '[data-quiz-action="review"]');
    await expectNoViolations(page, "review");
    await press(page, '[data-nav="next"]');
    await expectNoViolations(page, "summary");
    expect(errors).toEqual([]);
  });

  it("dark mode passes contrast checks", async () => {
    const { page } = await openPage(browser);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${allTypes.url}/index.html`);
    await expectNoViolations(page, "dark lesson");
    const course = await courseDataOf(page);
    const q = course.questions[course.pages[0]!.checks[0]!]!;
    await answerByKeyboard(page, q, false);
    await press(page, `[data-question="${q.id}"] [data-check]`);
    await expectNoViolations(page, "dark feedback");
  });

  it("fits a 320 px phone (and 200 % zoom) without sideways scrolling; the menu works by keyboard", async () => {
    for (const viewport of [
      { width: 320, height: 640 },
      { width: 640, height: 450 },
    ]) {
      const { page } = await openPage(browser, viewport);
      await page.goto(`${allTypes.url}/index.html`);
      for (const pageId of ["checks", "quiz", "summary"]) {
        await page.evaluate((id) => (document.querySelector(`a[data-page="${id}"]`) as HTMLElement).click(), pageId);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${viewport.width}px ${pageId}`).toBeLessThanOrEqual(0);
      }
      if (viewport.width === 320) {
        await press(page, ".menu-toggle");
        expect(await page.locator(".menu-toggle").getAttribute("aria-expanded")).toBe("true");
        await expectNoViolations(page, "phone menu");
        await page.keyboard.press("Escape");
        expect(await page.locator(".menu-toggle").getAttribute("aria-expanded")).toBe("false");
      }
    }
  });

  it("respects prefers-reduced-motion", async () => {
    const { page } = await openPage(browser);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(`${allTypes.url}/index.html`);
    expect(await page.locator(".progress-fill").evaluate((el) => getComputedStyle(el).transitionDuration)).toBe("0s");
  });

  it("lays out a right-to-left course mirrored, without violations", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${rtl.url}/index.html`);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    const menu = await page.locator("#menu").boundingBox();
    const main = await page.locator("#main").boundingBox();
    expect(menu!.x).toBeGreaterThan(main!.x);
    await expectNoViolations(page, "rtl lesson");
    expect(errors).toEqual([]);
  });
});
