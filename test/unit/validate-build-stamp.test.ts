/**
 * `validate` reads what Coursepack put in a package (coursepack-build.json and the course data in
 * index.html): it reports the build, warns when the two disagree (the package was edited after it
 * was built) or when the stamp is not one, and stays silent for packages of other tools.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validatePackage } from "../../src/validator/validate.js";
import { tempDir, writePackages } from "../support/build.js";
import { BASE_COURSE } from "../support/course-edits.js";

let folder: string;

beforeAll(async () => {
  const out = await tempDir("stamp");
  await writePackages(BASE_COURSE, out);
  folder = path.join(out, "update-drill-scorm12");
});

describe("validate and the build stamp", () => {
  it("reports the build of a Coursepack package, with no finding", async () => {
    const result = await validatePackage(folder, { format: "scorm12" });
    expect(result.findings).toEqual([]);
    expect(result.build).toMatchObject({
      course: "update-drill",
      version: "1.0.0",
      content: expect.stringMatching(/^[0-9a-f]{7}$/),
    });
    expect(result.build!.generator).toMatch(/^coursepack \d+\.\d+\.\d+/);
    const html = await readFile(path.join(folder, "index.html"), "utf8");
    expect(html).toContain(`Version 1.0.0 · ${result.build!.content}`);
  });

  it("warns when index.html and the stamp name different builds, or the stamp is not one", async () => {
    const stamp = path.join(folder, "coursepack-build.json");
    const original = await readFile(stamp, "utf8");
    await writeFile(stamp, original.replace(/"content": "[0-9a-f]+"/, '"content": "0000000"'));
    const edited = await validatePackage(folder);
    expect(edited.findings.map((f) => f.code)).toEqual(["build-stamp-mismatch"]);
    expect(edited.valid).toBe(true);
    await writeFile(stamp, "{ not json");
    expect((await validatePackage(folder)).findings.map((f) => f.code)).toEqual(["build-stamp-unreadable"]);
    await rm(stamp);
    const other = await validatePackage(folder);
    expect(other.build).toBeUndefined();
    expect(other.findings.map((f) => f.code)).toEqual(["missing-file"]);
    await writeFile(stamp, original);
  });
});
