// Time from navigation start to the player's "coursepack-interactive" mark, opening the package's
// index.html from disk in headless Chromium: Debian's chromium-headless-shell where it is installed
// (the engine alone, as the tests prefer it), else the full chromium (CHROMIUM_PATH overrides).
// The full browser started headless also runs its own interface on the same two cores (a trace of
// 30 November caught it loading its omnibox popup's WebUI, 115 requests, during a launch), and the
// same page took 330–490 ms there against 145–200 ms in the headless shell.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"];

export const FIRST_INTERACTION_BROWSER =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((file) => existsSync(file)) ??
  "/usr/bin/chromium";

export async function measureFirstInteraction(indexHtml, runs) {
  const executablePath = FIRST_INTERACTION_BROWSER;
  const browser = await chromium.launch({ executablePath, args: ARGS });
  const times = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`file://${indexHtml}`);
      await page.waitForFunction(() => performance.getEntriesByName("coursepack-interactive").length > 0);
      times.push(await page.evaluate(() => performance.getEntriesByName("coursepack-interactive")[0].startTime));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/**
 * The floor under the figure above: the same measurement of a page that only sets the mark from an
 * inline script (a fresh renderer, navigation and one script, on the same machine at the same time).
 */
export async function measureEmptyPage(runs) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "coursepack-empty-page-"));
  const file = path.join(dir, "index.html");
  writeFileSync(
    file,
    '<!doctype html><html lang="en"><title>Empty</title><p>Empty</p><script>performance.mark("coursepack-interactive")</script></html>\n',
  );
  try {
    return await measureFirstInteraction(file, runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
