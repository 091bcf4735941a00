/** Headless Chromium for end-to-end tests (playwright-core driving Debian's chromium). */
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "./chromium.js";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
}

/** A page that fails the test on any uncaught script error. */
export async function openPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, errors };
}

/** Opens a course page and waits until the player is ready. */
export async function openCourse(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser);
  await opened.page.goto(url);
  await opened.page.locator("html.cp-ready").waitFor();
  return opened;
}

/** Where a page's fake clock starts (any fixed instant: the runtime only measures durations). */
const CLOCK_START = Date.UTC(2026, 0, 5, 9, 0, 0);

/**
 * Puts the page on Playwright's fake clock, paused, before any of its scripts run: no timer fires
 * until the test advances time (`page.clock.runFor`, `runClockUntil`) or resumes it.
 */
export async function pauseClock(page: Page): Promise<void> {
  await page.clock.install({ time: CLOCK_START });
  // Nothing has run yet, so jumping ahead fires nothing; the margin covers the time that passes
  // between the two calls (time flows after install).
  await page.clock.pauseAt(CLOCK_START + 60_000);
}

/** Advances a paused clock step by step until `condition` holds (an event, not a fixed wait). */
export async function runClockUntil(
  page: Page,
  condition: () => Promise<boolean>,
  { stepMs = 250, maxMs = 120_000 } = {},
): Promise<void> {
  for (let elapsed = 0; !(await condition()); elapsed += stepMs) {
    if (elapsed >= maxMs) throw new Error(`condition not met within ${maxMs} ms of page time`);
    await page.clock.runFor(stepMs);
  }
}
