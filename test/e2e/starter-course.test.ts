/** `coursepack new` scaffolds a course that builds and that a learner can take from start to finish. */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "../support/browser.js";
import { ROOT, tempDir } from "../support/build.js";
import { serveDirectory, type StaticServer } from "../support/static-server.js";
import { courseDataOf, currentPageId, takeQuiz } from "../support/learner.js";

let browser: Browser;
let server: StaticServer;
let dir: string;
let packageDir: string;

beforeAll(async () => {
  dir = path.join(await tempDir("starter"), "my-first-course");
  const cli = path.join(ROOT, "bin", "coursepack.js");
  execFileSync(process.execPath, [cli, "new", dir], { encoding: "utf8" });
  execFileSync(process.execPath, [cli, "build", dir, "--format", "web", "--out", path.join(dir, "dist")], {
    encoding: "utf8",
  });
  packageDir = path.join(dir, "dist", "my-first-course-web");
  server = await serveDirectory(path.join(dir, "dist"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("starter course", () => {
  it("walks every lesson, passes the quiz and shows a completed summary", async () => {
    const { page, errors } = await openPage(browser);
    // Served from a sub-path, as LMSs and intranets do: every URL in the package is relative.
    await page.goto(`${server.url}/my-first-course-web/index.html`);
    const course = await courseDataOf(page);
    expect(course.title).toBe("My first course");
    for (const p of course.pages) {
      expect(await currentPageId(page)).toBe(p.id);
      if (p.kind === "quiz") await takeQuiz(page, p.id, 1);
      await page.locator('[data-nav="next"]').click();
    }
    expect(await currentPageId(page)).toBe("summary");
    await expect
      .poll(() => page.locator('[data-summary="completion"]').textContent())
      .toBe("You have completed this course.");
    expect(await page.locator('[data-summary="result"]').textContent()).toBe("Result: passed");
    expect(errors).toEqual([]);
  });

  it("gives every page an address: a link opens its page, Back and Forward move between pages", async () => {
    const { page, errors } = await openPage(browser);
    const url = `${server.url}/my-first-course-web/index.html`;
    await page.goto(`${url}#page-writing-lessons`);
    await page.locator("html.cp-ready").waitFor();
    expect(await currentPageId(page)).toBe("writing-lessons");
    await page.locator('[data-nav="next"]').click();
    expect(await currentPageId(page)).toBe("check-your-understanding");
    expect(new URL(page.url()).hash).toBe("#page-check-your-understanding");
    await page.goBack();
    await expect.poll(() => currentPageId(page)).toBe("writing-lessons");
    expect(new URL(page.url()).hash).toBe("#page-writing-lessons");
    await page.goForward();
    await expect.poll(() => currentPageId(page)).toBe("check-your-understanding");
    // An address that names no page leaves the learner where they were.
    await page.goto(`${url}#page-no-such-page`);
    await page.locator("html.cp-ready").waitFor();
    expect(await currentPageId(page)).toBe("check-your-understanding");
    expect(errors).toEqual([]);
  });

  it("runs straight from disk (file://) and resumes where the learner left off", async () => {
    const { page, errors } = await openPage(browser);
    const url = `file://${path.join(packageDir, "index.html")}`;
    await page.goto(url);
    await page.locator("html.cp-ready").waitFor();
    // Relative asset URLs work from disk too: the first lesson's picture loads.
    const picture = page.locator('section[data-page="welcome"] img');
    await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await page.locator('[data-nav="next"]').click();
    expect(await currentPageId(page)).toBe("writing-lessons");
    await page.goto(url);
    await page.locator("html.cp-ready").waitFor();
    expect(await currentPageId(page)).toBe("writing-lessons");
    await expect.poll(() => page.locator('[data-notice="resumed"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
