/**
 * Driving `coursepack preview`'s LMS page: opening it, waiting for launches, finding the course's
 * frame, reading the debug panel. The page exposes the same `coursepackLms` as the tests' LMS page,
 * so scorm-lms.ts's readers (lmsCalls, lmsCmi) work on it too.
 */
import { connect } from "node:net";
import type { Browser, Frame, Page } from "playwright-core";
import { expect } from "vitest";
import { openPage } from "./browser.js";

export interface PreviewPage {
  page: Page;
  errors: string[];
}

export async function openPreview(browser: Browser, url: string): Promise<PreviewPage> {
  const opened = await openPage(browser, { width: 1400, height: 900 });
  await opened.page.goto(url);
  return opened;
}

/** Waits until the page has launched the course `count` times in all, and the course is ready. */
export async function launched(page: Page, count: number): Promise<Frame> {
  await page.waitForFunction((n) => Number(document.body.dataset.launches ?? 0) >= n, count);
  const launches = Number(await page.evaluate(() => document.body.dataset.launches));
  // On a mismatch, say why each launch since the log was last cleared happened.
  const reasons = launches === count ? [] : (await logLines(page)).filter((line) => line.startsWith("Launch "));
  expect(launches, reasons.join("; ")).toBe(count);
  return courseFrame(page);
}

/** The frame showing the course (at any depth), once its player is ready. */
export async function courseFrame(page: Page, path = "/course/index.html"): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(
      () =>
        (frame = page.frames().find((f) => new URL(f.url() || "about:blank").pathname === path && !f.isDetached())) !==
        undefined,
    )
    .toBe(true);
  if (path.endsWith("/index.html")) await frame!.locator("html.cp-ready").waitFor();
  return frame!;
}

/** A value of the panel's data model ("completion", "score", "suspend-data"…). */
export function field(page: Page, key: string) {
  return page.locator(`#data-model dd[data-field="${key}"]`);
}

/** The log's lines (API calls or statements), as text. */
export async function logLines(page: Page): Promise<string[]> {
  return page.locator("#log > li").allInnerTexts();
}

export async function setOptions(
  page: Page,
  options: { mastery?: string; mode?: string; credit?: boolean; window?: string },
): Promise<void> {
  if (options.mastery !== undefined) await page.getByLabel("Mastery score (%)").fill(options.mastery);
  if (options.mode !== undefined) await page.getByLabel("Launch mode").selectOption(options.mode);
  if (options.window !== undefined) await page.getByLabel("Window").selectOption(options.window);
  if (options.credit !== undefined) await page.getByLabel(/^Credit/).setChecked(options.credit);
  await page.getByRole("button", { name: "Apply and relaunch" }).click();
}

/** Whether anything still accepts connections on the port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
