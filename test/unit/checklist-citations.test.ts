/**
 * Every "checklist #N" the code, the templates and the docs cite (and every link to
 * lms-checklist.md#N) names an item that docs/lms-checklist.md explains under that number, so a
 * renumbered or missing item cannot leave `validate`'s output or the docs pointing nowhere.
 * Finding codes' own `checklist` numbers are checked in validate-cli.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/build.js";

const CITING = ["src", "docs", "templates", "README.md", "CHANGELOG.md"];
const TEXT = /\.(ts|md|hbs|css|yml|json)$/;

function filesUnder(entry: string): string[] {
  const at = path.join(ROOT, entry);
  if (TEXT.test(entry)) return [at];
  return readdirSync(at, { recursive: true, encoding: "utf8" })
    .filter((f) => TEXT.test(f))
    .map((f) => path.join(at, f));
}

/**
 * Item numbers cited in a text: "checklist #8", "checklist #8, #9", "checklist #41–#44" (a range
 * cites both ends), and links such as "lms-checklist.md#61".
 */
function citedItems(text: string): number[] {
  const cited: number[] = [];
  for (const m of text.matchAll(/checklist #(\d+)((?:\s*(?:,|and|-|–|to)\s*#\d+)*)/gi)) {
    cited.push(Number(m[1]), ...[...m[2]!.matchAll(/#(\d+)/g)].map((n) => Number(n[1])));
  }
  for (const m of text.matchAll(/lms-checklist\.md#(\d+)/g)) cited.push(Number(m[1]));
  return cited;
}

const checklist = readFileSync(path.join(ROOT, "docs", "lms-checklist.md"), "utf8");
/** The item numbers the checklist explains: an anchor and a heading with the same number. */
const explained = new Set(
  [...checklist.matchAll(/^<a id="(\d+)"><\/a>\n### (\d+)\. /gm)].filter((m) => m[1] === m[2]).map((m) => Number(m[1])),
);

describe("checklist citations", () => {
  it("reads every form of citation the sources use", () => {
    expect(
      citedItems("(checklist #8, #9) and [checklist #61](lms-checklist.md#61)–[#70](lms-checklist.md#70)"),
    ).toEqual([8, 9, 61, 61, 70]);
    expect(citedItems("encodings (checklist #41-#44); Checklist #4–#10")).toEqual([41, 44, 4, 10]);
  });

  it("name items docs/lms-checklist.md explains under that number", () => {
    const files = CITING.flatMap(filesUnder);
    const missing: string[] = [];
    let count = 0;
    for (const file of files) {
      for (const n of citedItems(readFileSync(file, "utf8"))) {
        count++;
        if (!explained.has(n)) missing.push(`${path.relative(ROOT, file)}: #${n}`);
      }
    }
    expect(missing).toEqual([]);
    // The scan found the citations (a broken pattern would pass with none).
    expect(count).toBeGreaterThan(100);
  });
});
