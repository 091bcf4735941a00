// Takes the docs' screenshots with headless Chromium: a lesson of the default course (the web
// package), the preview's LMS page with its debug panel (SCORM 2004), and the learner report of
// 400 synthetic learners (bench/statement-stream.mjs) for docs/report.md. Writes docs/images/*.png.
// Usage: npm run compile && node scripts/screenshots.mjs, then shrink them (Debian's pngquant):
//   pngquant --force --quality=70-90 --strip --ext .png docs/images/*.png
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { builtCourseData, syntheticStatements } from "../bench/statement-stream.mjs";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const { main } = await import(path.join(root, "lib", "cli.js"));
const { startPreview } = await import(path.join(root, "lib", "preview.js"));
const out = mkdtempSync(path.join(os.tmpdir(), "coursepack-shots-"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  if ((await main(["build", path.join(root, "content"), "--format", "web", "--out", out, "--quiet"])) !== 0)
    throw new Error("the default course did not build");
  const course = await browser.newPage({ viewport: { width: 1100, height: 720 } });
  await course.goto(`file://${path.join(out, "sales-manager-training-web", "index.html")}`);
  await course.locator("html.cp-ready").waitFor();
  await course.locator('[data-nav="next"]').click();
  await course.screenshot({ path: path.join(root, "docs", "images", "course.png") });

  const preview = await startPreview({ source: path.join(root, "content"), format: "scorm2004" });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    await page.goto(preview.url);
    await page.waitForFunction(() => Number(document.body.dataset.launches ?? 0) >= 1);
    const frame = page.frames().find((f) => f.url().includes("/course/index.html"));
    await frame?.locator("html.cp-ready").waitFor();
    await frame?.locator('[data-nav="next"]').click();
    await page.locator("#log > li").first().waitFor();
    await page.screenshot({ path: path.join(root, "docs", "images", "preview.png") });
  } finally {
    await preview.close();
  }

  // The report: statements of synthetic learners of the default course, as an NDJSON export.
  if (
    (await main([
      "build",
      path.join(root, "content"),
      "--format",
      "xapi",
      "--language",
      "en-GB",
      "--out",
      out,
      "-q",
    ])) !== 0
  )
    throw new Error("the default course did not build");
  const statements = path.join(out, "statements.ndjson");
  const data = builtCourseData(path.join(out, "sales-manager-training-xapi"));
  writeFileSync(statements, [...syntheticStatements(data, { learners: 400 })].map((s) => JSON.stringify(s)).join("\n"));
  const report = path.join(out, "report.html");
  if ((await main(["report", path.join(root, "content"), "--input", statements, "-o", report, "-q"])) !== 0)
    throw new Error("the report failed");
  const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } });
  await page.goto(`file://${report}`);
  await page.screenshot({ path: path.join(root, "docs", "images", "report.png") });
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
console.log("wrote docs/images/course.png, preview.png and report.png");
