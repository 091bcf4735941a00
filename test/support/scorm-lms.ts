/**
 * Driving SCORM packages inside the preview's LMS page (src/preview/client/scorm-host.ts), which hosts
 * scorm-again as API / API_1484_11: launching, reading what the LMS recorded, and the lifecycle rules
 * every session must follow.
 */
import type { Browser, Frame, Page } from "playwright-core";
import { expect } from "vitest";
import type { HostLaunch } from "../../src/preview/client/scorm-host.js";
import type { ApiCall, CmiJson, ScormStandard } from "../../src/preview/client/scorm-lms.js";
import { cp } from "node:fs/promises";
import path from "node:path";
import { firstSession } from "../../src/preview/client/scorm-record.js";
import { DEFAULT_TIMING } from "../../src/runtime/tracking/scorm/scheduler.js";
import { openPage, pauseClock } from "./browser.js";
import { ROOT } from "./build.js";
import { serveDirectory, type StaticServer } from "./static-server.js";
import { currentPageId, goTo } from "./learner.js";

/**
 * Serves a build's output folder with the LMS page beside it (as lms/scorm-host.html), same origin
 * as the packages, the way an LMS serves both.
 */
export async function serveWithLms(outDir: string): Promise<StaticServer> {
  await cp(path.join(ROOT, "lib", "preview"), path.join(outDir, "lms"), { recursive: true });
  return serveDirectory(outDir);
}

export interface Session {
  page: Page;
  errors: string[];
  /** The package's document. */
  sco: Frame;
}

/** Where the LMS page and a package are served (same origin). */
export interface ScormSite {
  browser: Browser;
  /** URL of lib/preview/scorm-host.html. */
  hostUrl: string;
  /** The package's index.html, relative to the host page. */
  packageUrl(standard: ScormStandard): string;
}

/**
 * Opens the LMS page and launches the package; resolves when the course is ready. With `clock`, the
 * page and the package run on Playwright's fake clock, paused (see `pauseClock`), so a test lets the
 * runtime's timers elapse when it chooses, without waiting for them (see `commitsPerView`).
 */
export async function launchScorm(
  site: ScormSite,
  standard: ScormStandard,
  options: Omit<HostLaunch, "standard" | "src"> = {},
  { clock = false } = {},
): Promise<Session> {
  const { page, errors } = await openPage(site.browser);
  if (clock) await pauseClock(page);
  await page.goto(site.hostUrl);
  const launchOptions: HostLaunch = { standard, src: site.packageUrl(standard), ...options };
  let sco: Frame;
  if (options.launch === "popup") {
    const [popup] = await Promise.all([
      page.context().waitForEvent("page"),
      page.evaluate((o) => void window.coursepackLms.launch(o), launchOptions),
    ]);
    popup.on("pageerror", (e) => errors.push(e.message));
    sco = popup.mainFrame();
  } else {
    await page.evaluate((o) => void window.coursepackLms.launch(o), launchOptions);
    sco = await packageFrame(page);
  }
  await sco.locator("html.cp-ready").waitFor();
  return { page, errors, sco };
}

/** The frame the LMS page loaded the package into, at any depth. */
export async function packageFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().endsWith("/index.html"))).toBe(true);
  return page.frames().find((f) => f.url().endsWith("/index.html"))!;
}

const commitCount = async (page: Page) => (await lmsCalls(page)).filter((c) => /Commit$/.test(c.method)).length;

/** Long enough for every commit the runtime schedules after a change (the longest is "later"). */
const COMMIT_SETTLE_MS = Math.max(DEFAULT_TIMING.soonMs, DEFAULT_TIMING.laterMs) + 300;

/**
 * The commits a series of views costs, in steady state: on a session launched with `clock` (paused),
 * the launch's commits are let through, then after each view the runtime's commit delays elapse on
 * the fake clock (no real waiting) before the next. Time flows again afterwards.
 */
export async function commitsPerView(session: Session, views: (() => Promise<void>)[]): Promise<number> {
  const { clock } = session.page;
  await clock.runFor(COMMIT_SETTLE_MS);
  const before = await commitCount(session.page);
  expect(before, "the launch commits").toBeGreaterThan(0);
  for (const view of views) {
    await view();
    await clock.runFor(COMMIT_SETTLE_MS);
  }
  const commits = (await commitCount(session.page)) - before;
  await clock.resume();
  return commits;
}

export const lmsCalls = (page: Page) => page.evaluate(() => window.coursepackLms.lms!.calls);
export const lmsCmi = (page: Page) =>
  page.evaluate(() => window.coursepackLms.lms!.cmi().cmi) as Promise<Record<string, any>>;
export const lmsTerminated = (page: Page) => page.evaluate(() => window.coursepackLms.lms!.terminated);
export const nextSession = (page: Page) => page.evaluate(() => window.coursepackLms.lms!.nextSession());

/** Reads the LMS may answer with 403 "not initialized" (checklist #15); anything else is an error. */
export function realErrors(calls: ApiCall[]): ApiCall[] {
  return calls.filter((c) => c.error !== "0" && !(/GetValue$/.test(c.method) && c.error === "403"));
}

export function setIndex(calls: ApiCall[], element: string): number {
  return calls.findIndex((c) => /SetValue$/.test(c.method) && c.element === element && c.result === "true");
}

/**
 * Lifecycle rules every session must follow (checklist #14, #35, #36): no Commit right before the
 * finish, which saves (Cornerstone refuses one; Forma processes it after LMSFinish, issue 12).
 */
export function expectCleanSession(standard: ScormStandard, calls: ApiCall[]): void {
  const [init, finish, commit] =
    standard === "scorm12" ? ["LMSInitialize", "LMSFinish", "LMSCommit"] : ["Initialize", "Terminate", "Commit"];
  expect(calls.filter((c) => c.method === init)).toHaveLength(1);
  expect(calls.filter((c) => c.method === finish)).toHaveLength(1);
  expect(calls.at(-1)!.method).toBe(finish);
  for (const c of calls.filter((c) => [init, finish, commit].includes(c.method))) expect(c.element).toBe("");
  expect(calls.at(-2)!.method).not.toBe(commit);
  expect(realErrors(calls)).toEqual([]);
}

export async function exitCourse(session: Session): Promise<void> {
  if ((await currentPageId(session.sco)) !== "summary") await goTo(session.sco, "summary");
  await session.sco.locator('[data-action="exit"]').click();
  await session.sco.locator('[data-notice="finished"]').waitFor();
  expect(await lmsTerminated(session.page)).toBe(true);
}

/** A first launch as the preview's LMS makes it, with `extra` elements (in cmi.core for 1.2). */
export function firstLaunch(standard: ScormStandard, extra: Record<string, unknown> = {}): CmiJson {
  const { cmi } = firstSession(standard, {
    learner: { id: "u42", given: "Jane", family: "Doe" },
    mode: "normal",
    credit: true,
    masteryScore: null,
  });
  if (standard === "scorm12") Object.assign(cmi.core as object, extra);
  else Object.assign(cmi, extra);
  return { cmi };
}
