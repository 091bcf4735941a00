/**
 * `coursepack handout`: the course printed to PDF by the installed Chromium (the print stylesheet
 * itself is tested in blocks.test.ts), answers only on request, and a clear message — never a
 * download — when no browser is installed.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, tempDir } from "../support/build.js";
import { coursepack } from "../support/cli.js";

const COURSE = path.join(FIXTURES, "courses", "blocks");

/** Pages of a PDF as Chromium writes it: one /Type /Page dictionary per page. */
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;

describe("coursepack handout", () => {
  // Two builds and two Chromium prints: minutes on a loaded machine.
  it("prints every page to a PDF, a page break before each; --answers adds the answers", {
    timeout: 180_000,
  }, async () => {
    const dir = await tempDir("handout");
    const plain = await coursepack(["handout", COURSE, "-o", path.join(dir, "plain.pdf")]);
    expect(plain.stderr).toBe("");
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/✓ Every block: .*plain\.pdf \([\d.]+ KB\) in /);
    const answers = await coursepack(["handout", COURSE, "-o", path.join(dir, "answers.pdf"), "--answers"]);
    expect(answers.code).toBe(0);
    const [a, b] = await Promise.all([readFile(path.join(dir, "plain.pdf")), readFile(path.join(dir, "answers.pdf"))]);
    expect(a.subarray(0, 5).toString()).toBe("%PDF-");
    // Four lessons and a quiz, each starting on a new page.
    expect(pageCount(a)).toBeGreaterThanOrEqual(5);
    expect(b.length).toBeGreaterThan(a.length);
  });

  it("refuses a PDF path it cannot write before building, in words instead of Chromium's logs", async () => {
    const dir = await tempDir("handout");
    const file = path.join(dir, "notes");
    await writeFile(file, "a file, not a folder");
    const below = await coursepack(["handout", COURSE, "-o", path.join(file, "x.pdf")]);
    expect(below.code).toBe(1);
    expect(below.stderr).toBe(
      `coursepack: the handout ${path.join(file, "x.pdf")} cannot be made: ${file} is a file; choose another file with --out\n`,
    );
    const folder = await coursepack(["handout", COURSE, "-o", dir]);
    expect(folder.stderr).toContain(`the handout ${dir} is a folder; choose another file with --out`);
  });

  it("without a browser: exit code 1 and how to install one", async () => {
    const previous = process.env.COURSEPACK_CHROMIUM;
    process.env.COURSEPACK_CHROMIUM = "/nowhere/chromium";
    try {
      const result = await coursepack(["handout", COURSE, "-o", path.join(await tempDir("handout"), "x.pdf")]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("/nowhere/chromium (from the environment) does not exist");
      expect(result.stderr).toContain("sudo apt-get install chromium");
    } finally {
      if (previous === undefined) delete process.env.COURSEPACK_CHROMIUM;
      else process.env.COURSEPACK_CHROMIUM = previous;
    }
  });
});
