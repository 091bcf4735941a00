/**
 * Learner state across languages, in a browser: the English and German web packages of one course
 * served from the same origin (as an intranet or an LMS would), so they share localStorage. With
 * `languageIds: separate` the German package starts fresh after the learner moved on in English;
 * with `shared` it resumes there, in German, with the answer given in English still chosen.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "../support/browser.js";
import { FIXTURES, tempDir } from "../support/build.js";
import { coursepack } from "../support/cli.js";
import { currentPageId } from "../support/learner.js";
import { translateXliff } from "../support/mechanical-translator.js";
import { serveDirectory, type StaticServer } from "../support/static-server.js";

let browser: Browser;
const servers: StaticServer[] = [];

/** The translation fixture, translated, built for the web with the given identifier policy. */
async function built(policy: "separate" | "shared"): Promise<StaticServer> {
  const dir = path.join(await tempDir(`state-${policy}`), "course");
  await cp(path.join(FIXTURES, "courses", "translation"), dir, { recursive: true });
  const yml = path.join(dir, "course.yml");
  await writeFile(yml, `${await readFile(yml, "utf8")}languageIds: ${policy}\n`);
  const xlf = path.join(dir, "..", "de.xlf");
  expect((await coursepack(["translate", "export", dir, "--to", "de", "-o", xlf])).code).toBe(0);
  await writeFile(xlf, translateXliff(await readFile(xlf, "utf8")));
  expect((await coursepack(["translate", "import", xlf, "--course", dir])).code).toBe(0);
  const out = path.join(dir, "..", "dist");
  expect((await coursepack(["build", dir, "--format", "web", "-o", out])).code).toBe(0);
  const server = await serveDirectory(out);
  servers.push(server);
  return server;
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator("html.cp-ready").waitFor();
}

/** In English: answers the lesson's knowledge check with its correct (translated) choice, moves to lesson 2. */
async function progressInEnglish(page: Page, server: StaticServer): Promise<void> {
  await open(page, `${server.url}/translated-web/index.html`);
  const check = page.locator('[data-question="kc-single"]');
  await check.locator('input[value="the-translated-choice"]').check();
  await check.getByRole("button", { name: "Check answer" }).click();
  await check.locator(".question-feedback:not([hidden])").waitFor();
  await page.locator('[data-nav="next"]').click();
  expect(await currentPageId(page)).toBe("second");
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

describe("learner state across language packages on one origin", () => {
  it("separate (default): the German package does not pick up the English learner's state", async () => {
    const server = await built("separate");
    const { page, errors } = await openPage(browser);
    await progressInEnglish(page, server);
    await open(page, `${server.url}/translated-de-web/index.html`);
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    expect(await currentPageId(page)).toBe("formatting");
    expect(await page.locator('[data-notice="resumed"]').count()).toBe(0);
    expect(await page.locator('[data-question="kc-single"] input:checked').count()).toBe(0);
    // And the English package still has its own.
    await open(page, `${server.url}/translated-web/index.html`);
    expect(await currentPageId(page)).toBe("second");
    expect(errors).toEqual([]);
  });

  it("shared: the German package resumes the English learner's place and answers, in German", async () => {
    const server = await built("shared");
    const { page, errors } = await openPage(browser);
    await progressInEnglish(page, server);
    await open(page, `${server.url}/translated-de-web/index.html`);
    expect(await currentPageId(page)).toBe("second");
    await expect.poll(() => page.locator('[data-notice="resumed"]').count()).toBe(1);
    expect(await page.locator('section[data-page="second"] h2').textContent()).toBe("«Details»");
    await page.locator('.menu a[data-page="formatting"]').click();
    const chosen = page.locator('[data-question="kc-single"] input:checked');
    expect(await chosen.getAttribute("value")).toBe("the-translated-choice");
    expect(await page.locator(`label[for="${await chosen.getAttribute("id")}"]`).textContent()).toContain(
      "«The translated choice»",
    );
    expect(errors).toEqual([]);
  });
});
