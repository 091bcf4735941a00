/**
 * `validate --lms`: each limit of an LMS profile a package breaks is reported as an error that
 * names the LMS and cites the profile's source; the same package passes for an LMS without that
 * limit. Packages are valid except for the one thing each test breaks.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type LmsProfile, loadProfile } from "../../src/lms-profiles/index.js";
import { formatFinding } from "../../src/validator/findings.js";
import { validatePackage, type ValidationResult } from "../../src/validator/validate.js";
import { tempDir } from "../support/build.js";
import { coursepack } from "../support/cli.js";
import { PAGE, scorm12, scorm2004 } from "../support/manifests.js";
import { rawZip, type ZipContent } from "../support/zip.js";

const lmsCodes = (r: ValidationResult) => r.findings.filter((f) => f.lms).map((f) => `${f.code} ${f.file}`);

async function check(files: ZipContent, lms: LmsProfile | string, label = "course.zip") {
  return validatePackage(rawZip(files), { label, lms: typeof lms === "string" ? loadProfile(lms) : lms });
}

describe("validate --lms", () => {
  it("passes a clean SCORM 1.2 package for every LMS that takes SCORM 1.2", async () => {
    for (const id of ["generic", "moodle", "docebo", "talentlms", "360learning", "successfactors", "forma"]) {
      const result = await check({ "imsmanifest.xml": scorm12(), "index.html": PAGE }, id);
      expect({ id, findings: result.findings }).toEqual({ id, findings: [] });
    }
  });

  it("refuses a format or edition the LMS does not import, and says what to build", async () => {
    const result = await check({ "imsmanifest.xml": scorm2004(), "index.html": PAGE }, "docebo");
    expect(lmsCodes(result)).toEqual(["lms-format "]);
    const [finding] = result.findings;
    expect(finding!.message).toBe(
      "Docebo does not import SCORM 2004 4th edition; it takes SCORM 1.2, SCORM 2004 3rd edition, xAPI (Tin Can launch)",
    );
    expect(finding!.fix).toMatch(/^build it as scorm2004-3rd \(coursepack build --lms docebo\)/);
    expect(finding!.lms).toEqual({
      profile: "docebo",
      name: "Docebo",
      source: expect.objectContaining({ url: expect.stringContaining("help.docebo.com") }),
    });
    expect(result.valid).toBe(false);
    const talent = await check(
      { "imsmanifest.xml": scorm2004({ schemaversion: "2004 3rd Edition" }), "index.html": PAGE },
      "talentlms",
    );
    expect(lmsCodes(talent)).toEqual(["lms-format "]);
  });

  it("names each server-side file Docebo refuses, and an http: reference", async () => {
    const result = await check(
      {
        "imsmanifest.xml": scorm12({ files: ["index.html", "tools/export.php", ".htaccess", "run.SH"] }),
        "index.html": '<!doctype html><title>x</title><img src="http://cdn.example.com/a.png" alt="a">',
        "tools/export.php": "<?php",
        ".htaccess": "Deny from all",
        "run.SH": "echo",
      },
      "docebo",
    );
    expect(lmsCodes(result).sort()).toEqual([
      "lms-file-type .htaccess",
      "lms-file-type run.SH",
      "lms-file-type tools/export.php",
      "lms-http-reference index.html",
    ]);
    const line = formatFinding(result.findings.find((f) => f.file === "tools/export.php")!, "course.zip");
    expect(line).toMatch(
      /^tools\/export\.php: error Docebo: the LMS refuses packages holding \.php files such as "tools\/export\.php" — .* \(lms-file-type\) \[docebo: https:\/\/help\.docebo\.com\//,
    );
    // Moodle has no such limit: the same files are fine there.
    const moodle = await check(
      {
        "imsmanifest.xml": scorm12({ files: ["index.html", "tools/export.php"] }),
        "index.html": PAGE,
        "tools/export.php": "<?php",
      },
      "moodle",
    );
    expect(lmsCodes(moodle)).toEqual([]);
  });

  it("checks file count, compression ratio and SCO count against 360Learning's limits", async () => {
    const base = loadProfile("360learning");
    const strict: LmsProfile = {
      ...base,
      limits: base.limits.map((l) =>
        l.rule === "file-count" ? { ...l, max: 2 } : l.rule === "compression-ratio" ? { ...l, max: 5 } : l,
      ),
    };
    const padding = "a".repeat(200_000);
    const result = await check(
      {
        "imsmanifest.xml": scorm12({
          files: ["index.html", "pad.txt"],
          extraItem: '\n      <item identifier="item2" identifierref="res1"><title>Again</title></item>',
        }),
        "index.html": PAGE,
        "pad.txt": padding,
      },
      strict,
    );
    expect(lmsCodes(result).sort()).toEqual([
      "lms-compression-ratio ",
      "lms-file-count ",
      "lms-multiple-scos imsmanifest.xml",
    ]);
  });

  it("requires completionSetByContent for SuccessFactors, which completes learners on exit otherwise", async () => {
    const files = {
      "imsmanifest.xml": scorm2004({ schemaversion: "2004 3rd Edition", sequencing: false }),
      "index.html": PAGE,
    };
    const sf = await check(files, "successfactors");
    expect(lmsCodes(sf)).toEqual(["lms-content-completion imsmanifest.xml"]);
    expect(sf.findings.find((f) => f.lms)!.message).toMatch(
      /^SAP SuccessFactors Learning: Without completionSetByContent/,
    );
    expect(sf.findings.find((f) => f.lms)!.lms!.source.url).toContain("3403728");
    expect(lmsCodes(await check(files, "generic"))).toEqual([]);
  });

  it("wants plain ASCII names for Chamilo, the zip's own name included", async () => {
    const result = await check(
      {
        "imsmanifest.xml": scorm12({ files: ["index.html", "média/été.png"] }),
        "index.html": PAGE,
        "média/été.png": "x",
      },
      "chamilo",
      "my course.zip",
    );
    expect(lmsCodes(result).sort()).toEqual(["lms-file-name ", "lms-file-name média/été.png"]);
  });

  it("is available on the command line, with the source in the output and in --json", async () => {
    const dir = await tempDir("validate-lms");
    const zip = path.join(dir, "course.zip");
    await writeFile(zip, rawZip({ "imsmanifest.xml": scorm2004(), "index.html": PAGE }));
    const text = await coursepack(["validate", "--lms", "docebo", zip]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /error Docebo does not import SCORM 2004 4th edition.*\(lms-format\) \[docebo: https:\/\//,
    );
    const json = JSON.parse((await coursepack(["validate", "--json", "--lms", "docebo", zip])).stdout);
    expect(json.findings[0].lms.profile).toBe("docebo");
    const typo = await coursepack(["validate", "--lms", "doceb", zip]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/--lms: unknown LMS "doceb" \(did you mean "docebo"\?\)/);
  });
});
