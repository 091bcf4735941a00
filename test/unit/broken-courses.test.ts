/** Each broken course reports exactly the expected diagnostics, with file:line:col, all at once. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { BuildFailed, formatDiagnostic } from "../../src/compiler/diagnostics.js";
import { FIXTURES } from "../support/build.js";

const BROKEN = path.join(FIXTURES, "broken");
const cases = readdirSync(BROKEN, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

describe("broken courses", () => {
  it("has at least 15 kinds of mistakes", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)("%s", async (name) => {
    const dir = path.join(BROKEN, name);
    const expected = readFileSync(path.join(dir, "expected.txt"), "utf8").trim().split("\n");
    const error = await checkCourse(dir, ["web"]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BuildFailed);
    const printed = (error as BuildFailed).diagnostics.sorted().map((d) => formatDiagnostic(d, dir));
    expect(printed).toEqual(expected);
  });
});
