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

beforeAll(async () => {
  dir = path.join(await tempDir("starter"), "my-first-course");
  const cli = path.join(ROOT, "bin", "coursepack.js");
  execFileSync(process.execPath, [cli, "new", dir], { encoding: "utf8" });
  execFileSync(process.execPath, [cli, "build", dir, "--format", "web", "--out", path.join(dir, "dist")], { encoding: "utf8" });
  server = await serveDirectory(path.join(dir, "dist", "my-first-course-web"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("starter course", () => {
  it("walks every lesson, passes the quiz and shows a completed summary", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/index.html`);
    const course = await courseDataOf(page);
    expect(course.title).toBe("My first course");
    for (const p of course.pages) {
      expect(await currentPageId(page)).toBe(p.id);
      if (p.kind === "quiz") await takeQuiz(page, p.id, 1);
      await page.locator('[data-nav="next"]').click();
    }
    expect(await currentPageId(page)).toBe("summary");
    await expect.poll(() => page.locator('[data-summary="completion"]').textContent()).toBe("You have completed this course.");
    expect(await page.locator('[data-summary="result"]').textContent()).toBe("Result: passed");
    expect(errors).toEqual([]);
  });
});
