// Screenshots of every block for docs/blocks.md: builds test/fixtures/courses/blocks (web) and
// photographs each block with headless Chromium into docs/images/block-<name>.png. Run it after
// changing a block's look: `npm run compile && node scripts/block-screenshots.mjs`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const out = mkdtempSync(path.join(tmpdir(), "coursepack-shots-"));
execFileSync(
  process.execPath,
  [path.join(root, "bin", "coursepack.js"), "build", "test/fixtures/courses/blocks", "-f", "web", "-o", out],
  {
    cwd: root,
    stdio: "ignore",
  },
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage({ viewport: { width: 760, height: 900 }, colorScheme: "light" });
await page.goto(`file://${out}/blocks-web/index.html`);
await page.locator("html.cp-ready").waitFor();

/** [file name, page, selector, what to do first] */
const shots = [
  ["callouts", "static", "#block-static-tip-1", null],
  ["takeaway", "static", "#block-static-takeaway-1", null],
  ["quote", "static", "#block-static-quote-1", null],
  ["timeline", "static", "#block-static-timeline-1", null],
  ["tabs", "interactive", "#block-drivers", (p) => p.locator("#block-drivers-1-tab").click()],
  ["accordion", "interactive", "#block-questions", (p) => p.locator("#block-questions-0-button").click()],
  [
    "flipcards",
    "interactive",
    "#block-cards",
    (p) => p.locator("#block-cards .flipcard-front [data-flip]").first().click(),
  ],
  ["steps", "interactive", "#block-review", (p) => p.locator('#block-review [data-step="1"]').click()],
  ["reveal", "interactive", "#block-answer", (p) => p.locator("#block-answer button").click()],
  ["hotspots", "interactive", "#block-funnel", (p) => p.locator("#block-funnel .hotspot").nth(1).click()],
  ["scenario", "scenario", "#block-luis", (p) => p.locator('#block-luis [data-node="0"] [data-choice="0"]').click()],
  ["video", "media", "#block-clip", null],
  ["locked", "quiz", "section.page.locked", null],
];
for (const [name, pageId, selector, act] of shots) {
  await page.locator(`.menu a[data-page="${pageId}"]`).dispatchEvent("click");
  if (act) await act(page);
  // Let the flip-card turn finish.
  await page.waitForTimeout(600);
  await page
    .locator(selector)
    .screenshot({ path: path.join(root, "docs", "images", `block-${name}.png`), animations: "disabled" });
}
await browser.close();
rmSync(out, { recursive: true, force: true });
console.log(`${shots.length} screenshots in docs/images/`);
