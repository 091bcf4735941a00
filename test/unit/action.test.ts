/**
 * action.yml, the GitHub Action: valid YAML with the inputs docs/testing.md shows, and steps that
 * build, validate and test with the installed command, then upload the three artifacts.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/build.js";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

describe("action.yml", () => {
  it("builds, validates and tests the course, and uploads packages, JUnit and the report", async () => {
    const action = parse(await readFile(path.join(ROOT, "action.yml"), "utf8")) as {
      inputs: Record<string, { description: string }>;
      runs: { using: string; steps: Step[] };
    };
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(["course", "lms", "formats", "browser"]));
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10);
    expect(action.runs.using).toBe("composite");
    const runs = action.runs.steps.map((s) => s.run ?? "").join("\n");
    for (const command of ["args=(build ", "args=(validate ", "args=(test "]) expect(runs).toContain(command);
    expect(runs).toContain('"$GITHUB_ACTION_PATH/bin/coursepack.js"');
    const uploads = action.runs.steps.filter((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(uploads.map((s) => s.with?.name)).toEqual([
      "coursepack-packages",
      "coursepack-test-junit",
      "coursepack-test-report",
    ]);
    const docs = await readFile(path.join(ROOT, "docs", "testing.md"), "utf8");
    for (const name of uploads.map((s) => s.with!.name!)) expect(docs).toContain(name);
  });
});
