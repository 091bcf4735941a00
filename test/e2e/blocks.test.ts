/**
 * Blocks in a browser (web package of test/fixtures/courses/blocks): each block with the keyboard
 * alone, its ARIA roles and states, axe on every state at 1280 and 320 px and in a right-to-left
 * course, lesson completion by blocks, the quiz lock, media progress, resume after a reload, and
 * the print stylesheet.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseData } from "../../src/shared/course-data.js";
import { axeViolations, tabTo } from "../support/a11y.js";
import { completeBlock, completeBlocks, playMedia } from "../support/blocks.js";
import { launchBrowser, openPage } from "../support/browser.js";
import { buildInto, FIXTURES, tempDir } from "../support/build.js";
import { courseDataOf, currentPageId } from "../support/learner.js";
import { serveDirectory, type StaticServer } from "../support/static-server.js";

let browser: Browser;
let ltr: StaticServer;
let rtl: StaticServer;
let sequential: StaticServer;
let course: CourseData;

/** The fixture course, with its course.yml changed by `edit`. */
async function buildFixture(edit: (yml: string) => string = (yml) => yml): Promise<StaticServer> {
  const dir = path.join(await tempDir("blocks"), "blocks");
  await cp(path.join(FIXTURES, "courses", "blocks"), dir, { recursive: true });
  const file = path.join(dir, "course.yml");
  await writeFile(file, edit(await readFile(file, "utf8")));
  const result = await buildInto(dir, { formats: ["web"] });
  return serveDirectory(path.join(result.outDir, "blocks-web"));
}

beforeAll(async () => {
  [ltr, rtl, sequential, browser] = await Promise.all([
    buildFixture(),
    buildFixture((yml) => yml.replace("language: en", "language: ar")),
    buildFixture((yml) => `${yml}navigation: sequential\n`),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await ltr?.close();
  await rtl?.close();
  await sequential?.close();
});

async function open(server = ltr, viewport?: { width: number; height: number }) {
  const opened = await openPage(browser, viewport);
  await opened.page.goto(`${server.url}/index.html`);
  await opened.page.locator("html.cp-ready").waitFor();
  course ??= await courseDataOf(opened.page);
  return opened;
}

async function show(page: Page, id: string): Promise<void> {
  // On a phone the menu is a drawer behind its toggle.
  if (await page.locator(".menu-toggle").isVisible()) await page.locator(".menu-toggle").click();
  await page.locator(`.menu a[data-page="${id}"]`).click();
  await expect.poll(() => currentPageId(page)).toBe(id);
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

const block = (page: Page, id: string) => page.locator(`[data-block="${id}"]`);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

describe("blocks by keyboard, with their ARIA states", () => {
  it("tabs: one tab stop, arrows and Home/End select and focus, the panel follows", async () => {
    const { page, errors } = await open();
    await show(page, "interactive");
    const tabs = block(page, "drivers").locator('[role="tab"]');
    await tabTo(page, tabs.first());
    await page.keyboard.press("ArrowRight");
    expect(await focusedId(page)).toBe("block-drivers-1-tab");
    expect(await tabs.nth(1).getAttribute("aria-selected")).toBe("true");
    expect(await tabs.nth(0).getAttribute("tabindex")).toBe("-1");
    expect(await page.locator("#block-drivers-1-panel").isVisible()).toBe(true);
    expect(await page.locator("#block-drivers-0-panel").isHidden()).toBe(true);
    await page.keyboard.press("End");
    expect(await focusedId(page)).toBe("block-drivers-2-tab");
    await page.keyboard.press("ArrowRight");
    expect(await focusedId(page)).toBe("block-drivers-0-tab");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowLeft");
    expect(await focusedId(page)).toBe("block-drivers-2-tab");
    // Every tab has been opened: each says so to screen readers.
    expect(await tabs.nth(1).textContent()).toBe("Recognition (Viewed)");
    // Tab leaves the tab list for the selected panel.
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("block-drivers-2-panel");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("tabs in a right-to-left course: ArrowLeft moves to the next tab", async () => {
    const { page } = await open(rtl);
    await show(page, "interactive");
    await tabTo(page, block(page, "drivers").locator('[role="tab"]').first());
    await page.keyboard.press("ArrowLeft");
    expect(await focusedId(page)).toBe("block-drivers-1-tab");
    await page.close();
  });

  it("accordion and reveal: Enter and Space toggle aria-expanded and the region", async () => {
    const { page } = await open();
    await show(page, "interactive");
    const trigger = page.locator("#block-questions-1-button");
    await tabTo(page, trigger);
    await page.keyboard.press("Enter");
    expect(await trigger.getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator("#block-questions-1-panel").isVisible()).toBe(true);
    expect(await page.locator("#block-questions-1-panel").getAttribute("role")).toBe("region");
    await page.keyboard.press("Space");
    expect(await trigger.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("#block-questions-1-panel").isHidden()).toBe(true);
    const reveal = block(page, "answer").locator("button");
    await tabTo(page, reveal);
    await page.keyboard.press("Enter");
    expect(await reveal.getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator("#block-answer-content").textContent()).toContain("Coverage is open pipeline");
    await page.close();
  });

  it("flip cards: Turn over shows and focuses the back; Turn back returns to the front", async () => {
    const { page } = await open();
    await show(page, "interactive");
    const card = block(page, "cards").locator(".flipcard").first();
    const turn = card.locator(".flipcard-front [data-flip]");
    await tabTo(page, turn);
    await page.keyboard.press("Enter");
    expect(await turn.getAttribute("aria-expanded")).toBe("true");
    expect(await focusedId(page)).toBe("block-cards-0-back");
    await expect.poll(() => card.locator(".flipcard-back").isVisible()).toBe(true);
    await expect.poll(() => turn.isVisible()).toBe(false);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.closest(".flipcard-front") !== null)).toBe(true);
    expect(await turn.getAttribute("aria-expanded")).toBe("false");
    await page.close();
  });

  it("steps: one step at a time, the count announced, focus on the new step's heading", async () => {
    const { page } = await open();
    await show(page, "interactive");
    const steps = block(page, "review");
    expect(await steps.locator('[data-step="-1"]').isHidden()).toBe(true);
    await tabTo(page, steps.locator('[data-step="1"]'));
    await page.keyboard.press("Enter");
    expect(await steps.locator("[data-steps-count]").textContent()).toBe("Step 2 of 3");
    expect(await steps.locator("[data-steps-count]").getAttribute("aria-live")).toBe("polite");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("2 Ask");
    expect(await steps.locator(".step:not([hidden])").count()).toBe(1);
    await tabTo(page, steps.locator('[data-step="1"]'));
    await page.keyboard.press("Enter");
    expect(await steps.locator('[data-step="1"]').isHidden()).toBe(true);
    await tabTo(page, steps.locator('[data-step="-1"]'));
    await page.keyboard.press("Enter");
    expect(await steps.locator("[data-steps-count]").textContent()).toBe("Step 2 of 3");
    await page.close();
  });

  it("labelled graphic: a marker opens its description and focuses it; Escape returns to the marker", async () => {
    const { page } = await open();
    await show(page, "interactive");
    const marker = block(page, "funnel").locator(".hotspot").nth(1);
    expect(await marker.locator('[aria-hidden="true"]').textContent()).toBe("2");
    await tabTo(page, marker);
    await page.keyboard.press("Enter");
    expect(await marker.getAttribute("aria-expanded")).toBe("true");
    expect(await focusedId(page)).toBe("block-funnel-1-panel");
    expect(await page.locator("#block-funnel-1-panel").textContent()).toContain("a need and a budget");
    await page.keyboard.press("Escape");
    expect(await marker.getAttribute("aria-expanded")).toBe("false");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-controls"))).toBe(
      "block-funnel-1-panel",
    );
    await page.close();
  });

  it("scenario: choices by keyboard lead to an ending with its score; Start again returns to the start", async () => {
    const { page, errors } = await open();
    await show(page, "scenario");
    const scenario = block(page, "luis");
    await tabTo(page, scenario.locator('[data-node="0"] [data-choice="0"]'));
    await page.keyboard.press("Enter");
    expect(await scenario.locator("[data-node]:not([hidden])").getAttribute("data-node")).toBe("1");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Most of them end without");
    expect(await scenario.locator("[data-scenario-live]").textContent()).toBe(
      "You chose: Walk me through your first meetings.",
    );
    await tabTo(page, scenario.locator('[data-node="1"] [data-choice="0"]'));
    await page.keyboard.press("Enter");
    expect(await scenario.locator("[data-node]:not([hidden])").textContent()).toContain("Score: 100 %");
    const restart = scenario.locator("[data-scenario-restart]");
    await tabTo(page, restart);
    await page.keyboard.press("Enter");
    expect(await scenario.locator("[data-node]:not([hidden])").getAttribute("data-node")).toBe("0");
    expect(await restart.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("accessibility of every block", () => {
  for (const [name, server, width, scheme] of [
    ["1280 px", () => ltr, 1280, "light"],
    ["320 px", () => ltr, 320, "light"],
    ["right to left", () => rtl, 1280, "light"],
    ["dark mode", () => ltr, 1280, "dark"],
  ] as const) {
    it(`no axe violations with blocks closed and opened, nothing wider than the screen (${name})`, async () => {
      const { page, errors } = await open(server(), { width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const p of course.pages.filter((p) => p.kind === "lesson")) {
        await show(page, p.id);
        await expectAccessible(page, `${p.id}, as first shown`);
        for (const id of p.blocks) {
          const data = course.blocks[id]!;
          if (data.kind === "video" || data.kind === "audio") continue;
          await completeBlock(page, data);
        }
        // Leave a card turned, a marker open and the scenario mid-way before checking again.
        if (p.id === "interactive") {
          await block(page, "cards").locator(".flipcard-front [data-flip]").first().click();
          await block(page, "funnel").locator(".hotspot").first().click();
        }
        await expectAccessible(page, `${p.id}, every block opened`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${p.id} at ${width} px`).toBeLessThanOrEqual(0);
      }
      expect(errors).toEqual([]);
      await page.close();
      // Four lessons, each audited twice.
    }, 180_000);
  }
});

describe("lesson completion, locks and resume", () => {
  it("a lesson that requires its blocks is in progress until all are done, and says so", async () => {
    const { page } = await open();
    await show(page, "interactive");
    const menu = page.locator('.menu a[data-page="interactive"]');
    await show(page, "static");
    expect(await menu.locator(".menu-status").textContent()).toBe(" (In progress)");
    expect(await page.locator('.menu a[data-page="static"] .menu-status').textContent()).toBe(" (Viewed)");
    await show(page, "interactive");
    const todo = page.locator('[data-requirement="cards"]');
    expect(await todo.textContent()).toBe("Turn over every card: Leading indicator, Lagging indicator (to do)");
    for (const id of course.pages.find((p) => p.id === "interactive")!.blocks.slice(0, -1))
      await completeBlock(page, course.blocks[id]!);
    expect(await todo.locator("[data-requirement-state]").textContent()).toBe("(done)");
    expect(await menu.locator(".menu-status").textContent()).toBe(" (In progress)");
    await completeBlock(page, course.blocks.funnel!);
    expect(await menu.locator(".menu-status").textContent()).toBe(" (Viewed)");
    await page.close();
  });

  it("the quiz opens after the lessons: a locked page says why and what opens it, until it opens", async () => {
    const { page, errors } = await open();
    const quizLink = page.locator('.menu a[data-page="quiz"]');
    expect(await quizLink.locator(".menu-status").textContent()).toBe(" (Locked)");
    await quizLink.click();
    const locked = page.locator("section.page.locked");
    await locked.waitFor();
    expect(await page.locator("section.page.quiz").isHidden()).toBe(true);
    expect(await focusedId(page)).toBe("title-locked");
    expect(await locked.textContent()).toContain("This quiz opens once you have finished every lesson before it.");
    const waiting = locked.locator("[data-locked-list] a");
    // The first lesson was shown at launch, so it is done; the others are still to do.
    const lessons = course.pages.filter((p) => p.kind === "lesson");
    expect(await waiting.allTextContents()).toEqual(lessons.slice(1).map((p) => p.title));
    await waiting.first().click();
    await expect.poll(() => currentPageId(page)).toBe("interactive");
    for (const p of course.pages.filter((p) => p.kind === "lesson")) {
      await show(page, p.id);
      await completeBlocks(page, p.id, course);
    }
    expect(await quizLink.locator(".menu-status").textContent()).toBe("");
    await show(page, "quiz");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sequential navigation: Next leads to a locked page that says why, by focus; the lock survives a reload", async () => {
    const { page, errors } = await open(sequential);
    expect(await page.locator('.menu a[data-page="scenario"] .menu-status').textContent()).toBe(" (Locked)");
    await page.locator('[data-nav="next"]').click();
    await expect.poll(() => currentPageId(page)).toBe("interactive");
    await page.locator('[data-nav="next"]').click();
    await page.locator("section.page.locked").waitFor();
    expect(await focusedId(page)).toBe("title-locked");
    expect(await page.locator("section.page.locked [data-locked-reason]").textContent()).toBe(
      "This course is taken in order: finish the pages before this one to open it.",
    );
    expect(await page.locator("[data-locked-list] a").allTextContents()).toEqual(["Interactive blocks"]);
    await page.reload();
    await page.locator("html.cp-ready").waitFor();
    expect(await page.locator('.menu a[data-page="scenario"] .menu-status').textContent()).toBe(" (Locked)");
    await show(page, "interactive");
    await completeBlocks(page, "interactive", course);
    expect(await page.locator('.menu a[data-page="scenario"] .menu-status').textContent()).toBe("");
    await page.locator('[data-nav="next"]').click();
    await expect.poll(() => currentPageId(page)).toBe("scenario");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("required media: playing the required share completes it and shows how much was played", async () => {
    const { page, errors } = await open();
    await show(page, "media");
    const progress = block(page, "clip").locator("[data-media-progress]");
    expect(await progress.textContent()).toBe("Play at least 50 % of it to complete this lesson.");
    await playMedia(page, "clip");
    await expect.poll(() => progress.textContent()).toMatch(/^(9\d|100) % played$/);
    expect(await page.locator('[data-requirement="clip"] [data-requirement-state]').textContent()).toBe("(done)");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a reload resumes every block: opened items, the furthest step, the scenario's node", async () => {
    const { page } = await open();
    await show(page, "interactive");
    await block(page, "drivers").locator('[role="tab"]').nth(2).click();
    await block(page, "review").locator('[data-step="1"]').click();
    await block(page, "cards").locator(".flipcard-front [data-flip]").nth(1).click();
    await show(page, "scenario");
    await block(page, "luis").locator('[data-node="0"] [data-choice="0"]').click();
    await page.reload();
    await page.locator("html.cp-ready").waitFor();
    expect(await currentPageId(page)).toBe("scenario");
    expect(await block(page, "luis").locator("[data-node]:not([hidden])").getAttribute("data-node")).toBe("1");
    await show(page, "interactive");
    expect(await block(page, "drivers").locator('[role="tab"]').nth(2).textContent()).toBe("Advancement (Viewed)");
    expect(await block(page, "drivers").locator('[role="tab"]').nth(1).textContent()).toBe("Recognition");
    expect(await block(page, "review").locator("[data-steps-count]").textContent()).toBe("Step 2 of 3");
    expect(await block(page, "cards").locator(".flipcard").nth(1).getAttribute("class")).toContain("is-seen");
    await page.close();
  });
});

describe("printing", () => {
  it("prints every page with every block expanded, and answers only when asked", async () => {
    const { page } = await open();
    await page.emulateMedia({ media: "print" });
    for (const selector of [
      "#block-drivers-2-panel",
      "#block-questions-1-panel",
      "#block-cards-1-back",
      '[data-block="review"] .step:last-child',
      "#block-answer-content",
      "#block-funnel-2-panel",
      '[data-block="luis"] [data-node="3"]',
      "section.page.quiz [data-question]",
    ])
      expect(await page.locator(selector).isVisible(), selector).toBe(true);
    for (const selector of ["section.page.summary", ".tab-list", '[data-block="review"] .steps-nav', ".print-answer"])
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    await page.goto(`${ltr.url}/index.html?cp-print=answers`);
    await page.locator("html.cp-ready").waitFor();
    expect(await page.locator("section.page.quiz .print-answer").textContent()).toBe("Correct answer: Meetings booked");
    await page.close();
  });
});
