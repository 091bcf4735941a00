/**
 * `coursepack preview` from the packed and installed package, in headless Chromium: the course
 * runs in xAPI and in cmi5, every statement it sends is stored by the preview's LRS (none refused)
 * and shows in the debug panel and in the preview's statements endpoint. Ctrl+C stops it.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { goTo, takeQuiz } from "../support/learner.js";
import { field, launched, openPreview } from "../support/preview.js";
import { installed, type Running, scratch, start } from "./installed.js";

const LRS_WAIT = { timeout: 10_000 };
/** A whole learner session in a browser, on a busy two-core machine. */
const SESSION = { timeout: 180_000 };
const URL_LINE = /➜ (http:\/\/127\.0\.0\.1:\d+\/)/;

let browser: Browser;
let course = "";

beforeAll(async () => {
  course = path.join(await scratch("preview"), "my-course");
  expect((await installed("new", course)).code).toBe(0);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface StatementEntry {
  statement: { verb: { id: string } };
  stored: boolean;
}

/** What the preview's LRS holds for the current learner, read from its own endpoint. */
async function stored(url: string): Promise<{ verbs: string[]; refused: number }> {
  const response = await fetch(new URL("__coursepack/statements", url));
  expect(response.status).toBe(200);
  const { statements } = (await response.json()) as { statements: StatementEntry[] };
  return {
    verbs: statements.filter((s) => s.stored).map((s) => s.statement.verb.id.replace(/^.*\//, "")),
    refused: statements.filter((s) => !s.stored).length,
  };
}

async function startPreview(format: string): Promise<{ preview: Running; url: string; page: Page }> {
  const preview = start(["preview", course, "--format", format]);
  const url = (await preview.waitFor(URL_LINE))[1]!;
  await preview.waitFor(new RegExp(`✓ built ${format} in`));
  const { page } = await openPreview(browser, url);
  return { preview, url, page };
}

describe("coursepack preview from the installed package", () => {
  it("xAPI: the LRS stores every statement the course sends", SESSION, async () => {
    const { preview, url, page } = await startPreview("xapi");
    try {
      const sco = await launched(page, 1);
      await goTo(sco, "writing-lessons");
      await goTo(sco, "check-your-understanding");
      await takeQuiz(sco, "check-your-understanding", 1);
      await goTo(sco, "summary");
      await expect.poll(() => field(page, "success").textContent(), LRS_WAIT).toBe("passed");
      await expect.poll(() => field(page, "completion").textContent(), LRS_WAIT).toBe("yes");
      await expect(field(page, "statements").textContent()).resolves.toMatch(/^[1-9]\d* stored, 0 refused$/);
      const lrs = await stored(url);
      expect(lrs.refused).toBe(0);
      expect(lrs.verbs).toEqual(expect.arrayContaining(["initialized", "answered", "passed", "completed"]));
    } finally {
      expect(await preview.stop()).toBe(0);
    }
    expect(preview.output()).toContain("Preview stopped.");
    // A server error would print the install path; nothing of the kind was printed.
    expect(preview.output()).not.toMatch(/Cannot find module|node_modules/);
  });

  it("cmi5: launches the AU and the LRS stores its statements", SESSION, async () => {
    const { preview, url, page } = await startPreview("cmi5");
    try {
      const sco = await launched(page, 1);
      await expect
        .poll(async () => (await stored(url)).verbs.slice(0, 2), LRS_WAIT)
        .toEqual(["launched", "initialized"]);
      await goTo(sco, "writing-lessons");
      await expect(field(page, "statements").textContent()).resolves.toMatch(/^[1-9]\d* stored, 0 refused$/);
      expect((await stored(url)).refused).toBe(0);
    } finally {
      expect(await preview.stop()).toBe(0);
    }
  });
});
