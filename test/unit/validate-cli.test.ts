/**
 * `coursepack validate` as users and CI run it: one line per finding, a summary, --json, exit
 * codes; and our own build output, which must validate with zero errors.
 */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CODES } from "../../src/validator/findings.js";
import { FIXTURES, ROOT, tempDir } from "../support/build.js";
import { coursepack as runCoursepack } from "../support/cli.js";
import { rawZip } from "../support/zip.js";

const SAMPLES = path.join(FIXTURES, "conformance-samples");

const coursepack = (...args: string[]) => runCoursepack(args);

const BROKEN_MANIFEST = `<?xml version="1.0"?>
<manifest identifier="course" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Course</title>
      <item identifier="1item" identifierref="res1"><title>Lesson</title><adlcp:masteryscore>80</adlcp:masteryscore></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource>
  </resources>
</manifest>
`;

describe("coursepack validate", () => {
  let dir = "";
  let broken = "";
  beforeAll(async () => {
    dir = await tempDir("validate-cli");
    broken = path.join(dir, "broken.zip");
    await writeFile(broken, rawZip({ "imsmanifest.xml": BROKEN_MANIFEST, "index.html": "<p>hi</p>" }));
  });

  it("prints one line per finding with severity, checklist item and fix, then a summary, and exits 1 on errors", async () => {
    const result = await coursepack("validate", broken);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toEqual([
      'imsmanifest.xml:7: error [checklist #4] item identifier "1item" is not a valid XML identifier (NCName): it must not start with a digit, "." or "-" — start identifiers with a letter or "_" and use only letters, digits, ".", "_" and "-" (identifier-not-ncname)',
      expect.stringMatching(
        /^imsmanifest\.xml:7: warning \[checklist #9\] item "1item" has adlcp:masteryscore 80; .* — remove adlcp:masteryscore .* \(masteryscore\)$/,
      ),
      `✗ ${broken}: SCORM 1.2, 1 error, 1 warning`,
      "Checklist items cited: docs/lms-checklist.md#4, docs/lms-checklist.md#9 (what goes wrong, what to do, sources)",
      `  in this install: ${path.join(ROOT, "docs", "lms-checklist.md")}`,
    ]);
  });

  it("cites checklist items that docs/lms-checklist.md explains under that number", async () => {
    const checklist = await readFile(path.join(ROOT, "docs", "lms-checklist.md"), "utf8");
    const items = [...checklist.matchAll(/^<a id="(\d+)"><\/a>\n### (\d+)\. /gm)].map((m) => [m[1], m[2]]);
    expect(items.map(([anchor]) => Number(anchor))).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(items.every(([anchor, heading]) => anchor === heading)).toBe(true);
    // Every finding code's checklist item, and every code the checklist names, agree.
    for (const [code, info] of Object.entries(CODES) as [string, { checklist?: number }][]) {
      if (info.checklist === undefined) continue;
      const section = checklist.split(/^<a id="/m).find((s) => s.startsWith(`${info.checklist}"`))!;
      expect(section, `${code} cites #${info.checklist}`).toContain(`\`${code}\``);
    }
  });

  it("prints JSON for CI", async () => {
    const result = await coursepack("validate", "--json", broken);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["package", "standard", "edition", "scope", "valid", "findings"]);
    expect(json).toMatchObject({ package: broken, standard: "scorm12", edition: "1.2", valid: false });
    expect(json.findings).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "identifier-not-ncname",
        checklist: 4,
        file: "imsmanifest.xml",
        line: 7,
        message: expect.any(String),
        fix: expect.any(String),
      }),
      expect.objectContaining({
        severity: "warning",
        code: "masteryscore",
        checklist: 9,
        file: "imsmanifest.xml",
        line: 7,
      }),
    ]);
  });

  it("exits 0 for a valid package and prints an array for several packages", async () => {
    const golf = path.join(SAMPLES, "scorm12", "ContentPackagingSingleSCO_SCORM12");
    const ok = await coursepack("validate", golf);
    expect(ok).toMatchObject({ code: 0, stdout: `✓ ${golf}: SCORM 1.2, valid\n` });
    const both = await coursepack("validate", "--json", golf, broken);
    expect(both.code).toBe(1);
    expect((JSON.parse(both.stdout) as { valid: boolean }[]).map((r) => r.valid)).toEqual([true, false]);
  });

  it("reports a billion-laughs manifest as one finding and still prints the other packages' results", async () => {
    const laughs = path.join(dir, "laughs.zip");
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
    const manifest = BROKEN_MANIFEST.replace(
      '<?xml version="1.0"?>',
      `<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY l0 "lol">${entities}]>`,
    ).replace("<title>Course</title>", "<title>&l9;</title>");
    await writeFile(laughs, rawZip({ "imsmanifest.xml": manifest, "index.html": "<p>hi</p>" }));
    const golf = path.join(SAMPLES, "scorm12", "ContentPackagingSingleSCO_SCORM12");
    const result = await coursepack("validate", "--json", laughs, golf);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const [first, second] = JSON.parse(result.stdout) as { valid: boolean; findings: { code: string }[] }[];
    expect(first!.findings.map((f) => f.code)).toEqual(["xml-entities"]);
    expect(second).toMatchObject({ valid: true, findings: [] });
  });

  it("refuses what is not a package with a clear message", async () => {
    const notes = path.join(dir, "notes.zip");
    await writeFile(notes, "# not a zip\n");
    const result = await coursepack("validate", notes);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${notes}: error not a zip file, a folder or an XML manifest: it is a text file`);
  });

  it("rejects bad usage", async () => {
    expect(await coursepack("validate")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("validate takes a package"),
    });
    expect(await coursepack("validate", "--expect", "pdf", broken)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('unknown format "pdf"'),
    });
    expect((await coursepack("--help")).stdout).toContain("coursepack validate <package>");
  });
});

describe("docs/validate.md", () => {
  it("documents every finding code", async () => {
    const docs = await readFile(path.join(ROOT, "docs", "validate.md"), "utf8");
    expect(Object.keys(CODES).filter((code) => !docs.includes(`| \`${code}\` |`))).toEqual([]);
  });
});

describe("our own packages", () => {
  it("the starter course built as web validates with zero errors, as a zip and as a folder, with or without --expect", async () => {
    const course = path.join(await tempDir("validate-starter"), "starter");
    expect((await coursepack("new", course)).code).toBe(0);
    const out = await tempDir("validate-starter-dist");
    expect((await coursepack("build", course, "--format", "web", "--out", out)).code).toBe(0);
    const zip = path.join(out, "starter-web.zip");
    const result = await coursepack("validate", "--json", "--expect", "web", zip, path.join(out, "starter-web"));
    expect(result.code).toBe(0);
    for (const r of JSON.parse(result.stdout) as { standard: string; valid: boolean; findings: unknown[] }[]) {
      expect(r).toMatchObject({ standard: "web", valid: true, findings: [] });
    }
    // Without --expect, Coursepack's web package is known by its build stamp (`validate dist/*.zip`).
    const asFound = await coursepack("validate", zip);
    expect(asFound.code).toBe(0);
    expect(asFound.stdout).toContain("starter-web.zip: web (a website, for a web server");
    // Without the stamp it is any zip without a manifest, which no LMS imports.
    const unstamped = path.join(out, "unstamped");
    await cp(path.join(out, "starter-web"), unstamped, { recursive: true });
    await rm(path.join(unstamped, "coursepack-build.json"));
    const asLms = await coursepack("validate", unstamped);
    expect(asLms.code).toBe(1);
    expect(asLms.stdout).toContain("(no-manifest)");
  });
});
