/**
 * `validate` on packages nobody on this project wrote: conformant ones pass with zero errors,
 * the negative ones and every CATAPULT package a conforming LMS must reject fail, for the right
 * reason. See test/fixtures/conformance-samples/PROVENANCE.md.
 */
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validatePackage, type ValidationResult } from "../../src/validator/validate.js";
import { FIXTURES } from "../support/build.js";
import { archiverZip, readFolder, type ZipContent } from "../support/zip.js";

const SAMPLES = path.join(FIXTURES, "conformance-samples");
const LTS = path.join(SAMPLES, "cmi5", "catapult-lts-pkg-src");
const errorsOf = (r: ValidationResult) => r.findings.filter((f) => f.severity === "error");
const codesOf = (r: ValidationResult) => [...new Set(errorsOf(r).map((f) => f.code))].sort();

describe.concurrent("Rustici golf packages", () => {
  const golf = [
    ["scorm12/ContentPackagingSingleSCO_SCORM12", "scorm12", "1.2"],
    ["scorm12/ContentPackagingWithMetadata_SCORM12", "scorm12", "1.2"],
    ["scorm2004/ContentPackagingSingleSCO_SCORM20043rdEdition", "scorm2004", "2004 3rd Edition"],
  ] as const;

  it.each(golf)("%s passes as a folder and as a zip", async (dir, standard, edition) => {
    const folder = path.join(SAMPLES, dir);
    const zip = await archiverZip(await readFolder(folder));
    const [asFolder, asZip] = await Promise.all([
      validatePackage(folder),
      validatePackage(zip, { label: `${path.basename(dir)}.zip` }),
    ]);
    for (const result of [asFolder, asZip]) {
      expect(errorsOf(result)).toEqual([]);
      expect(result).toMatchObject({ valid: true, standard, edition, scope: "package" });
    }
    expect(asZip.findings).toEqual(asFolder.findings);
  });

  it("reads the external metadata file of the metadata example", async () => {
    // The example's adlcp:location points at metadata.xml: it must resolve (no missing-file) and not be reported as unlisted.
    const result = await validatePackage(path.join(SAMPLES, "scorm12/ContentPackagingWithMetadata_SCORM12"));
    expect(result.findings.filter((f) => f.file === "metadata.xml")).toEqual([]);
  });
});

describe.concurrent("negative manifests", () => {
  it.each([
    ["scorm12/NEGATIVE_bad-scormtype.imsmanifest.xml", "scorm12", 1],
    ["scorm2004/NEGATIVE_bad-scormType-and-imsss-element.imsmanifest.xml", "scorm2004", 7],
  ] as const)("%s fails its schema", async (file, standard, errors) => {
    const result = await validatePackage(path.join(SAMPLES, file));
    expect(result).toMatchObject({ valid: false, standard, scope: "document" });
    expect(codesOf(result)).toEqual(["xsd-invalid"]);
    expect(errorsOf(result)).toHaveLength(errors);
    expect(errorsOf(result).every((f) => f.line !== undefined && f.checklist === 5)).toBe(true);
    expect(result.findings.some((f) => f.message.includes("'bogus'"))).toBe(true);
  });
});

describe("ADL SCORM 2004 4th Edition test suite manifests", () => {
  const dir = path.join(SAMPLES, "scorm2004", "adl-cts-manifests");
  const manifests = readdirSync(dir);

  it(`all ${manifests.length} pass with zero errors`, async () => {
    expect(manifests.length).toBeGreaterThanOrEqual(50);
    // Validated together: the XSD runs are batched.
    const results = await Promise.all(manifests.map((m) => validatePackage(path.join(dir, m))));
    for (const result of results) {
      expect({ manifest: result.package, errors: errorsOf(result) }).toEqual({ manifest: result.package, errors: [] });
      expect(result).toMatchObject({ standard: "scorm2004", edition: "2004 4th Edition", scope: "document" });
    }
    // They do use what the checklist warns about, and the validator says so.
    const warnings = new Set(results.flatMap((r) => r.findings.map((f) => f.code)));
    expect([...warnings].sort()).toEqual(["multiple-scos", "satisfied-by-measure", "sequencing-defaults", "xml-base"]);
  });
});

/** Stand-ins for what CATAPULT's build adds to each package folder: the page and the AU script. */
async function catapultZip(name: string): Promise<Buffer> {
  const files: ZipContent = await readFolder(path.join(LTS, name));
  files["index.html"] = `<!doctype html><title>${name} - Project CATAPULT</title><script src="${name}.js"></script>`;
  files[`${name}.js`] = "/* stand-in for the AU script */";
  return archiverZip(files, { zip64: name === "102-zip64" });
}

describe("CATAPULT cmi5 LMS test suite", () => {
  const valid = [
    "001-essentials",
    "002-allowed",
    "003-launchMethod-OwnWindow",
    "004-1-moveOn-Completed",
    "004-2-moveOn-CompletedOrPassed",
    "004-3-moveOn-Passed",
    "004-4-moveOn-CompletedOrPassed",
    "004-5-moveOn-NotApplicable",
    "005-1-invalid-au",
    "005-2-invalid-au",
    "006-launchMode",
    "007-1-multi-session",
    "007-2-multi-session",
    "008-1-abandoned",
    "009-1-waived",
    "102-zip64",
  ];

  // Everything is validated up front, together, so the schema runs are batched.
  const results = new Map<string, ValidationResult>();
  beforeAll(async () => {
    const zipped = [...valid, ...rejectedPackages.map(([n]) => n)];
    const files = ["101-one-thousand-aus.xml", ...rejectedFiles.map(([n]) => n)];
    await Promise.all([
      ...zipped.map(async (name) =>
        results.set(name, await validatePackage(await catapultZip(name), { label: `${name}.zip` })),
      ),
      ...files.map(async (file) => results.set(file, await validatePackage(path.join(LTS, file)))),
    ]);
  });

  it.each(valid)("imports %s", (name) => {
    const result = results.get(name)!;
    expect(errorsOf(result)).toEqual([]);
    expect(result).toMatchObject({ valid: true, standard: "cmi5", scope: "package" });
    // cmi5 LMSs must read ZIP64 (cmi5 §14), so 102 gets no zip64 warning.
    expect(result.findings.filter((f) => f.code === "zip64")).toEqual([]);
  });

  it("imports 101-one-thousand-aus.xml on its own", () => {
    const result = results.get("101-one-thousand-aus.xml")!;
    expect(result).toMatchObject({ valid: true, standard: "cmi5", scope: "document", findings: [] });
  });

  const rejectedPackages: [string, string[]][] = [
    ["203-1-relative-url-no-reference", ["missing-file"]],
    ["210-1-no-cmi5-xml", ["no-manifest"]],
  ];
  it.each(rejectedPackages)("rejects %s.zip", (name, codes) => {
    const result = results.get(name)!;
    expect(result.valid).toBe(false);
    expect(codesOf(result)).toEqual(codes);
  });

  const rejectedFiles: [string, string[]][] = [
    ["201-1-iris-course-id.xml", ["iri-not-absolute", "relative-url-without-package"]],
    ["201-2-iris-block-id.xml", ["iri-not-absolute", "relative-url-without-package"]],
    ["201-3-iris-au-id.xml", ["iri-not-absolute", "relative-url-without-package"]],
    ["201-4-iris-objective-id.xml", ["iri-not-absolute", "relative-url-without-package"]],
    ["202-1-relative-url-no-zip.xml", ["relative-url-without-package"]],
    ["202-2-relative-url-no-zip.xml", ["relative-url-without-package"]],
    ["202-3-relative-url-no-zip.xml", ["relative-url-without-package"]],
    ["202-4-relative-url-no-zip.xml", ["relative-url-without-package"]],
    ["202-5-relative-url-no-zip.xml", ["launch-url-invalid"]],
    ["204-query-string-conflict-endpoint.xml", ["launch-url-reserved-parameter", "relative-url-without-package"]],
    ["205-1-duplicated-block.xml", ["duplicate-identifier"]],
    // The sample's AU also refers to its objective by an id without scheme, which matches no objective.
    ["205-2-duplicated-objective.xml", ["duplicate-identifier", "unresolved-identifierref"]],
    ["205-3-duplicated-au.xml", ["duplicate-identifier"]],
    ["206-1-invalid-au-url.xml", ["launch-url-invalid"]],
    ["207-1-invalid-courseStructure.xml", ["launch-url-invalid", "xsd-invalid"]],
    ["208-1-invalid-package.md", ["not-a-package"]],
  ];
  it.each(rejectedFiles)("rejects %s", (file, codes) => {
    const result = results.get(file)!;
    expect(result.valid).toBe(false);
    expect(codesOf(result)).toEqual(codes);
  });

  it("covers every sample of the suite", () => {
    const tested = new Set([
      ...valid,
      "101-one-thousand-aus.xml",
      ...rejectedPackages.map(([n]) => n),
      ...rejectedFiles.map(([n]) => n),
    ]);
    const all = readdirSync(LTS).filter((n) => n !== "LTS-README.md");
    expect(all.filter((n) => !tested.has(n))).toEqual([]);
  });
});

describe("CATAPULT course examples", () => {
  /** Their media was not copied: stand-in pages take the place of the AU launch files. */
  const pages: Record<string, string[]> = {
    masteryscore_framed: ["index.html"],
    masteryscore_responsive: ["index.html"],
    multi_au_framed: ["index.html"],
    pre_post_test_framed: ["index.html", "pre1.html", "post1.html", "pre2.html", "post2.html"],
    single_au_basic_framed: ["index.html"],
    single_au_basic_responsive: ["index.html"],
  };
  const results = new Map<string, ValidationResult>();
  beforeAll(async () => {
    await Promise.all(
      Object.entries(pages).map(async ([name, launchPages]) => {
        const dir = path.join(SAMPLES, "cmi5", "catapult-course-examples", name);
        const files: ZipContent = { "cmi5.xml": await readFile(path.join(dir, "cmi5.xml")) };
        for (const page of launchPages) files[page] = `<!doctype html><title>${page}</title>`;
        results.set(name, await validatePackage(await archiverZip(files), { label: `${name}.zip` }));
      }),
    );
  });

  it.each(Object.keys(pages))("%s passes", (name) => {
    const result = results.get(name)!;
    expect(errorsOf(result)).toEqual([]);
    expect(result).toMatchObject({ valid: true, standard: "cmi5" });
  });

  it("has a stand-in list for every example", () => {
    const dir = path.join(SAMPLES, "cmi5", "catapult-course-examples");
    expect(
      readdirSync(dir)
        .filter((n) => existsSync(path.join(dir, n, "cmi5.xml")))
        .sort(),
    ).toEqual(Object.keys(pages).sort());
  });
});
