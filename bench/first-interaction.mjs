// Time from navigation start to the player's "coursepack-interactive" mark, opening the package's
// index.html from disk in headless Chromium (Debian's chromium, as the tests use).
import { chromium } from "playwright-core";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"];

export async function measureFirstInteraction(indexHtml, runs) {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
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
