/**
 * The LMS profile as data the build reads: `lms:` in course.yml (or --lms) picks the SCORM 2004
 * edition, the reporting defaults and the formats to build; course.yml's own choices still win; a
 * name that is no profile is reported at its line.
 */
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BuildFailed, formatDiagnostic } from "../../src/compiler/diagnostics.js";
import type { CourseData } from "../../src/shared/course-data.js";
import { ROOT, buildInto, tempDir } from "../support/build.js";

async function starter(extra: string): Promise<string> {
  const dir = path.join(await tempDir("lms-build"), "course");
  execFileSync(process.execPath, [path.join(ROOT, "bin", "coursepack.js"), "new", dir], { encoding: "utf8" });
  const file = path.join(dir, "course.yml");
  await writeFile(file, `${await readFile(file, "utf8")}\n${extra}\n`);
  return dir;
}

async function courseDataIn(folder: string): Promise<CourseData> {
  const html = await readFile(path.join(folder, "index.html"), "utf8");
  return JSON.parse(/<script type="application\/json" id="course-data">([^<]*)<\/script>/.exec(html)![1]!);
}

describe("building for an LMS", () => {
  it("takes the edition, reporting and formats from the profile named in course.yml", async () => {
    const dir = await starter("lms: successfactors");
    const result = await buildInto(dir, { formats: ["scorm12", "scorm2004"] });
    expect(result.model.lms.id).toBe("successfactors");
    const [s12, s2004] = result.outputs;
    expect(s2004!.label).toBe("SCORM 2004 3rd edition");
    const manifest = await readFile(path.join(result.outDir, s2004!.folderName, "imsmanifest.xml"), "utf8");
    expect(manifest).toContain("<schemaversion>2004 3rd Edition</schemaversion>");
    // SuccessFactors records a failure only from "failed": its profile asks for the passed-failed pair.
    expect((await courseDataIn(path.join(result.outDir, s12!.folderName))).tracking.scorm12Status).toBe(
      "passed-failed",
    );
  });

  it("lets course.yml's own tracking choices win over the profile's", async () => {
    const dir = await starter("lms: successfactors\ntracking:\n  scorm12Status: completed-incomplete");
    const result = await buildInto(dir, { formats: ["scorm12"] });
    expect((await courseDataIn(path.join(result.outDir, result.outputs[0]!.folderName))).tracking.scorm12Status).toBe(
      "completed-incomplete",
    );
  });

  it("--lms overrides course.yml, builds 4th edition where the LMS prefers it, and leaves out formats it does not take", async () => {
    const dir = await starter("lms: moodle");
    const cloud = await buildInto(dir, { formats: ["scorm2004"], lms: "scorm-cloud" });
    expect(cloud.outputs[0]!.label).toBe("SCORM 2004 4th edition");
    const talent = await buildInto(dir, { lms: "talentlms" });
    expect(talent.outputs.map((o) => o.format)).toEqual(["web", "scorm12", "xapi", "cmi5"]);
    expect(talent.diagnostics.sorted().map((d) => formatDiagnostic(d))).toContainEqual(
      expect.stringMatching(
        /course\.yml:\d+:\d+: warning: "scorm2004" is left out: TalentLMS does not import SCORM 2004 3rd edition; it takes SCORM 1\.2, xAPI \(Tin Can launch\), cmi5 \(https:\/\/help\.talentlms\.com\//,
      ),
    );
  });

  it("refuses a format the LMS does not import when it is asked for, and an unknown LMS at its line", async () => {
    const dir = await starter("lms: docebo");
    const asked = await buildInto(dir, { formats: ["scorm2004-4th"] }).catch((e: unknown) => e);
    expect(asked).toBeInstanceOf(BuildFailed);
    expect(
      (asked as BuildFailed).diagnostics
        .sorted()
        .map((d) => formatDiagnostic(d))
        .join("\n"),
    ).toMatch(/error: --format scorm2004-4th: Docebo does not import SCORM 2004 4th edition/);
    const typo = await starter("lms: modle");
    const failed = await buildInto(typo, { formats: ["web"] }).catch((e: unknown) => e);
    expect((failed as BuildFailed).diagnostics.sorted().map((d) => formatDiagnostic(d))).toEqual([
      expect.stringMatching(/course\.yml:\d+:6: error: unknown LMS "modle" \(did you mean "moodle"\?\)/),
    ]);
  });
});
