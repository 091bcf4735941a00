/**
 * Packages broken on purpose, one mistake each: `validate` must report that mistake (code,
 * severity, file, line) and the verdict must follow. Every manifest starts from a valid one, which
 * is checked first to pass cleanly, so each finding is caused by the one change.
 */
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { FindingCode } from "../../src/validator/findings.js";
import { memorySource } from "../../src/validator/package/memory-source.js";
import { validatePackage, type ValidateOptions, type ValidationResult } from "../../src/validator/validate.js";
import { tempDir } from "../support/build.js";
import { strToU8, zipSync } from "fflate";
import { archiverZip, rawZip, type ZipContent } from "../support/zip.js";
import { PAGE, scorm12, scorm2004, tincanXml } from "../support/manifests.js";

function cmi5Xml(o: { url?: string } = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.com/courses/demo">
    <title><langstring lang="en">Demo</langstring></title>
    <description><langstring lang="en">Demo</langstring></description>
  </course>
  <au id="https://example.com/courses/demo/au" moveOn="Completed">
    <title><langstring lang="en">Demo</langstring></title>
    <description><langstring lang="en">Demo</langstring></description>
    <url>${o.url ?? "index.html"}</url>
  </au>
</courseStructure>
`;
}

async function check(input: string | Buffer, options: ValidateOptions = {}): Promise<ValidationResult> {
  return validatePackage(input, { label: "broken.zip", ...options });
}

/** The findings with these codes, as `code severity file:line`. */
function brief(result: ValidationResult, ...codes: FindingCode[]): string[] {
  return result.findings
    .filter((f) => codes.length === 0 || codes.includes(f.code))
    .map((f) => `${f.code} ${f.severity} ${f.file}${f.line === undefined ? "" : `:${f.line}`}`);
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

describe.concurrent("the valid starting points", () => {
  it.each([
    ["SCORM 1.2", { "imsmanifest.xml": scorm12(), "index.html": PAGE }],
    ["SCORM 2004", { "imsmanifest.xml": scorm2004(), "index.html": PAGE }],
    ["xAPI", { "tincan.xml": tincanXml(), "index.html": PAGE }],
    ["cmi5", { "cmi5.xml": cmi5Xml(), "index.html": PAGE }],
  ] as [string, ZipContent][])("%s has no findings at all", async (_, files) => {
    const result = await check(rawZip(files));
    expect(result.findings).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe.concurrent("zip entries and file names", () => {
  it("reports zip-slip entries without reading them, and still validates the rest", async () => {
    const result = await check(
      rawZip({
        "imsmanifest.xml": scorm12(),
        "index.html": PAGE,
        "../evil.sh": "rm -rf ~",
        "/etc/cron.d/x": "x",
        "a\\b.html": PAGE,
        "C:/boot.ini": "x",
      }),
    );
    expect(brief(result, "unsafe-zip-entry")).toEqual([
      "unsafe-zip-entry error ../evil.sh",
      "unsafe-zip-entry error /etc/cron.d/x",
      "unsafe-zip-entry error C:/boot.ini",
      "unsafe-zip-entry error a\\b.html",
    ]);
    expect(result.findings.find((f) => f.file === "a\\b.html")?.message).toContain("backslash");
    expect(result.findings.every((f) => f.checklist === 2)).toBe(true);
    expect(result.standard).toBe("scorm12");
    expect(result.valid).toBe(false);
  });

  it("reports the same name twice, names that clash by case, risky characters and Finder clutter", async () => {
    const zip = rawZip({
      "imsmanifest.xml": scorm12({ files: ["index.html", "Page.html", "page.html", "my page.html"] }),
      "index.html": PAGE,
      "Page.html": PAGE,
      "page.html": PAGE,
      "my page.html": PAGE,
      "__MACOSX/._index.html": "x",
      "__MACOSX/._page.html": "x",
      ".DS_Store": "x",
    });
    const result = await check(zip);
    expect(brief(result)).toEqual([
      "junk-file warning .DS_Store",
      "junk-file warning __MACOSX/",
      "unsafe-file-name warning my page.html",
      "file-name-case-clash warning page.html",
    ]);
    expect(result.findings[1]!.message).toContain("holds 2 files");
    expect(result.valid).toBe(true);
  });

  it("refuses a symbolic link stored in the zip (unzip would create it on the LMS server)", async () => {
    const S_IFLNK = 0o120000;
    const zip = Buffer.from(
      zipSync({
        "imsmanifest.xml": strToU8(scorm12()),
        "index.html": strToU8(PAGE),
        "passwd.txt": [strToU8("/etc/passwd"), { os: 3, attrs: ((S_IFLNK | 0o777) << 16) >>> 0 }],
      }),
    );
    const result = await check(zip);
    expect(brief(result)).toEqual(["zip-symlink error passwd.txt"]);
    expect(result.findings[0]!.message).toContain('symbolic link to "/etc/passwd"');
    expect(result.valid).toBe(false);
  });

  it("warns about names Windows reserves, with any extension and in any folder", async () => {
    const files = ["index.html", "CON.html", "img/aux.png", "lpt1", "com3.tar.gz", "notes.", "icon.png", "console.js"];
    const result = await check(
      rawZip({
        "imsmanifest.xml": scorm12({ files }),
        ...Object.fromEntries(files.map((f) => [f, PAGE])),
      }),
    );
    expect(brief(result)).toEqual([
      "windows-reserved-name warning CON.html",
      "windows-reserved-name warning com3.tar.gz",
      "windows-reserved-name warning img/aux.png",
      "windows-reserved-name warning lpt1",
      "windows-reserved-name warning notes.",
    ]);
    expect(result.findings.find((f) => f.file === "img/aux.png")?.message).toContain("AUX");
    expect(result.valid).toBe(true);
  });

  it("reports a file zipped twice", async () => {
    const zip = rawZip({ "imsmanifest.xml": scorm12(), "index.html": PAGE, "INDEX.html": "<p>older copy</p>" });
    // Give the second page the first one's name in its local and central headers: fflate would not write the same name twice.
    const twice = Buffer.from(zip.toString("latin1").replaceAll("INDEX.html", "index.html"), "latin1");
    const result = await check(twice);
    expect(brief(result)).toEqual(["duplicate-zip-entry error index.html"]);
  });

  it("reports compression methods LMSs cannot extract", async () => {
    const zip = rawZip(
      { "imsmanifest.xml": scorm12({ files: ["index.html", "data.bin"] }), "index.html": PAGE, "data.bin": "stored" },
      0,
    );
    // Mark data.bin as bzip2 (method 12) in its local and central headers.
    const bytes = Buffer.from(zip);
    for (const signature of [0x04034b50, 0x02014b50]) {
      for (
        let i = bytes.indexOf(Buffer.from([0x50, 0x4b]));
        i >= 0;
        i = bytes.indexOf(Buffer.from([0x50, 0x4b]), i + 1)
      ) {
        if (bytes.readUInt32LE(i) !== signature) continue;
        const nameOffset = signature === 0x04034b50 ? 30 : 46;
        const nameLength = bytes.readUInt16LE(i + (signature === 0x04034b50 ? 26 : 28));
        if (bytes.toString("latin1", i + nameOffset, i + nameOffset + nameLength) === "data.bin")
          bytes.writeUInt16LE(12, i + (signature === 0x04034b50 ? 8 : 10));
      }
    }
    const result = await check(bytes);
    expect(brief(result, "zip-compression-method")).toEqual(["zip-compression-method error data.bin"]);
  });

  it("warns about ZIP64 in a SCORM package", async () => {
    const result = await check(
      await archiverZip({ "imsmanifest.xml": scorm12(), "index.html": PAGE }, { zip64: true }),
    );
    expect(brief(result)).toEqual(["zip64 warning "]);
    expect(result.valid).toBe(true);
  });
});

describe.concurrent("refused inputs", () => {
  it("refuses a file that is not a zip, with a clear message", async () => {
    const dir = await tempDir("validate-refused");
    const cases: [string, string | Buffer, RegExp][] = [
      ["notes.md", "# LMS Test Package\n\nThis is a markdown file.\n", /it is a text file/],
      ["209-not-a-zip.zip", "# This is a markdown file which is not a zip file\n", /it is a text file/],
      ["image.zip", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /binary file/],
      ["empty.zip", "", /empty file/],
      ["truncated.zip", rawZip({ "imsmanifest.xml": scorm12() }).subarray(0, 60), /not a zip file|damaged zip/],
    ];
    for (const [name, content, message] of cases) {
      await writeFile(path.join(dir, name), content);
      const result = await validatePackage(path.join(dir, name));
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]).toMatchObject({ severity: "error", file: "" });
      expect(["not-a-package", "zip-corrupt"]).toContain(result.findings[0]!.code);
      expect(result.findings[0]!.message).toMatch(message);
      expect(result).toMatchObject({ valid: false, standard: null });
    }
  });

  it("refuses a path that does not exist", async () => {
    const result = await validatePackage(path.join(await tempDir("validate-missing"), "nope.zip"));
    expect(brief(result)).toEqual(["not-found error "]);
  });

  it("refuses a zip whose entries declare more than 2 GB, before inflating anything", async () => {
    const zip = rawZip({ "imsmanifest.xml": scorm12(), "index.html": PAGE, "video.mp4": "small" });
    // Set video.mp4's uncompressed size in the central directory to 4 GB - 1.
    const at = zip.lastIndexOf(Buffer.from("video.mp4")) - 46;
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    zip.writeUInt32LE(0xffffffff - 1, at + 24);
    const result = await check(zip);
    expect(brief(result)).toEqual(["zip-too-large error "]);
    expect(result.findings[0]!.message).toMatch(/more than 2 GB/);
  });

  it("refuses a zip bomb: an archive that expands to 512 MB or more at over 100 times its size", async () => {
    const zip = rawZip({ "imsmanifest.xml": scorm12(), "index.html": PAGE, "video.mp4": "small" });
    // Declare 600 MB for video.mp4 in the central directory: the zip is a few hundred bytes.
    const at = zip.lastIndexOf(Buffer.from("video.mp4")) - 46;
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    zip.writeUInt32LE(600 * 1024 * 1024, at + 24);
    const result = await check(zip);
    expect(brief(result)).toEqual(["zip-bomb error "]);
    expect(result.findings[0]!.message).toMatch(
      /^the zip of \d+ B expands to 600\.0 MB or more, [\d,]+ times its size/,
    );
  });

  it("refuses real compressed data past the bomb limit (lowered for the test)", async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const result = await check(rawZip({ "imsmanifest.xml": scorm12(), "index.html": PAGE, "zeros.bin": zeros }), {
      limits: { bombMinBytes: 16 * 1024 * 1024 },
    });
    expect(brief(result)).toEqual(["zip-bomb error "]);
  });

  it("judges the whole archive's expansion, not one file's ratio: a 2.8 MB BMP and a 50 MB lesson pass", async () => {
    // A screenshot saved as BMP (one colour) and a long lesson both compress over 1,000 times.
    const bmp = Buffer.alloc(2_799_054, 0xe0);
    const lesson = `<!doctype html><title>Long</title>${"<p>The same paragraph, again and again.</p>\n".repeat(1_200_000)}`;
    expect(lesson.length).toBeGreaterThan(50 * 1000 * 1000);
    const zip = rawZip({
      "imsmanifest.xml": scorm12({ files: ["index.html", "shot.bmp"] }),
      "index.html": lesson,
      "shot.bmp": bmp,
    });
    expect(zip.length * 100).toBeLessThan(bmp.length + lesson.length);
    const result = await check(zip);
    expect(result.findings).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("refuses more entries than the limit", async () => {
    const files: ZipContent = { "imsmanifest.xml": scorm12(), "index.html": PAGE };
    for (let i = 0; i < 10; i++) files[`page${i}.html`] = PAGE;
    const result = await check(rawZip(files), { limits: { maxEntries: 8 } });
    expect(brief(result)).toEqual(["zip-too-many-entries error "]);
  });

  it("reports an empty zip", async () => {
    const result = await check(rawZip({}));
    expect(brief(result, "package-empty")).toEqual(["package-empty error "]);
  });
});

describe.concurrent("finding the manifest", () => {
  it("reports a wrapper folder as an error and validates the package inside it", async () => {
    const result = await check(
      rawZip({ "course/imsmanifest.xml": scorm12({ files: ["index.html", "missing.js"] }), "course/index.html": PAGE }),
    );
    expect(brief(result)).toEqual([
      "manifest-not-at-root error course/imsmanifest.xml",
      `missing-file error course/imsmanifest.xml:${lineOf(scorm12({ files: ["index.html", "missing.js"] }), "missing.js")}`,
    ]);
    expect(result.findings[0]).toMatchObject({ checklist: 1 });
    expect(result.findings[0]!.message).toContain("wraps the course in a folder");
  });

  it("tolerates a wrapper folder around tincan.xml with a warning (Tin Can allows it)", async () => {
    const result = await check(rawZip({ "course/tincan.xml": tincanXml(), "course/index.html": PAGE }));
    expect(brief(result)).toEqual(["manifest-not-at-root warning course/tincan.xml"]);
    expect(result.valid).toBe(true);
  });

  it("reports a package without any manifest", async () => {
    const result = await check(rawZip({ "index.html": PAGE }));
    expect(brief(result)).toEqual(["no-manifest error "]);
    expect(result.standard).toBeNull();
  });

  it("reports a manifest named in the wrong case", async () => {
    const result = await check(rawZip({ "IMSManifest.xml": scorm12(), "index.html": PAGE }));
    expect(brief(result, "manifest-name-case")).toEqual(["manifest-name-case error IMSManifest.xml"]);
  });

  it("warns when a package ships two manifests", async () => {
    const result = await check(
      rawZip({
        "imsmanifest.xml": scorm12({ files: ["index.html", "tincan.xml"] }),
        "tincan.xml": tincanXml(),
        "index.html": PAGE,
      }),
    );
    expect(brief(result)).toEqual(["several-manifests warning tincan.xml"]);
    expect(result.standard).toBe("scorm12");
  });

  it("reports a manifest that is not well-formed XML", async () => {
    const result = await check(
      rawZip({ "imsmanifest.xml": scorm12().replace("</organizations>", ""), "index.html": PAGE }),
    );
    expect(brief(result)[0]).toMatch(/^xml-malformed error imsmanifest.xml:\d+$/);
    expect(result.valid).toBe(false);
  });

  it("refuses a manifest that declares entities (billion laughs) with one finding, before any XML tool expands them", async () => {
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("\n");
    const manifest = scorm12()
      .replace(
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE manifest [\n<!ENTITY lol0 "lol">\n${laughs}\n]>\n`,
      )
      .replace("<title>Course</title>", "<title>&lol9;</title>");
    const result = await check(rawZip({ "imsmanifest.xml": manifest, "index.html": PAGE }));
    expect(brief(result)).toEqual(["xml-entities error imsmanifest.xml:3"]);
  });

  it("checks the format the build meant to produce", async () => {
    const result = await check(
      rawZip({ "imsmanifest.xml": scorm2004({ schemaversion: "2004 3rd Edition" }), "index.html": PAGE }),
      { format: "scorm2004-4th" },
    );
    expect(brief(result)).toEqual(["wrong-standard error "]);
    expect(result.findings[0]!.message).toBe("expected a SCORM 2004 4th Edition package, found SCORM 2004 3rd Edition");
    // `scorm2004` is whichever edition the LMS profile chose.
    const either = await check(
      rawZip({ "imsmanifest.xml": scorm2004({ schemaversion: "2004 3rd Edition" }), "index.html": PAGE }),
      { format: "scorm2004" },
    );
    expect(either.valid).toBe(true);
  });
});

describe.concurrent("SCORM manifests", () => {
  const zip12 = (manifest: string, extra: ZipContent = {}) =>
    rawZip({ "imsmanifest.xml": manifest, "index.html": PAGE, ...extra });

  it("reports a file the manifest lists but the package lacks", async () => {
    const manifest = scorm12({ files: ["index.html", "script.js"] });
    const result = await check(zip12(manifest));
    expect(brief(result)).toEqual([`missing-file error imsmanifest.xml:${lineOf(manifest, '"script.js"')}`]);
    expect(result.findings[0]).toMatchObject({ checklist: 6 });
  });

  it("reports a missing launch file", async () => {
    const manifest = scorm12({ href: "start.html" });
    const result = await check(zip12(manifest, {}));
    expect(brief(result, "missing-file")).toEqual([
      `missing-file error imsmanifest.xml:${lineOf(manifest, "<resource ")}`,
      `missing-file error imsmanifest.xml:${lineOf(manifest, '<file href="start.html"')}`,
    ]);
    expect(result.findings.find((f) => f.code === "missing-file")!.message).toContain('launch file "start.html"');
  });

  it("warns about shipped files no <file> lists", async () => {
    const result = await check(zip12(scorm12(), { "extra.css": "p{}" }));
    expect(brief(result)).toEqual(["file-not-listed warning extra.css"]);
    expect(result.valid).toBe(true);
  });

  it("reports duplicate identifiers", async () => {
    const manifest = scorm12({
      extraItem: `\n      <item identifier="item1" identifierref="res1"><title>Again</title></item>`,
    });
    const result = await check(zip12(manifest));
    expect(brief(result, "duplicate-identifier")).toEqual([
      `duplicate-identifier error imsmanifest.xml:${lineOf(manifest, "Again")}`,
    ]);
    expect(result.findings.find((f) => f.code === "duplicate-identifier")).toMatchObject({ checklist: 4 });
  });

  it("reports an identifier that is not an NCName, once", async () => {
    const manifest = scorm12({ id: "1course" });
    const result = await check(zip12(manifest));
    const line = lineOf(manifest, 'identifier="1course"');
    expect(brief(result)).toEqual([`identifier-not-ncname error imsmanifest.xml:${line}`]);
    expect(result.findings[0]!.message).toContain("must not start with a digit");
  });

  it("reports an identifierref that resolves to nothing", async () => {
    const manifest = scorm12({ itemRef: "res9" });
    const result = await check(zip12(manifest));
    expect(brief(result, "unresolved-identifierref")).toEqual([
      `unresolved-identifierref error imsmanifest.xml:${lineOf(manifest, '<item identifier="item1"')}`,
    ]);
    expect(brief(result, "no-launchable-item")).toHaveLength(1);
  });

  it("warns about adlcp:masteryscore (1.2)", async () => {
    const manifest = scorm12({ itemExtra: "\n        <adlcp:masteryscore>80</adlcp:masteryscore>" });
    const result = await check(zip12(manifest));
    expect(brief(result)).toEqual([`masteryscore warning imsmanifest.xml:${lineOf(manifest, "masteryscore>80")}`]);
    expect(result.findings[0]).toMatchObject({ checklist: 9 });
    expect(result.valid).toBe(true);
  });

  it("reports the 2004 spelling of scormType in a 1.2 manifest", async () => {
    const manifest = scorm12({ scormType: "scormType" });
    const result = await check(zip12(manifest));
    expect(brief(result, "scormtype-casing")).toEqual([
      `scormtype-casing error imsmanifest.xml:${lineOf(manifest, "<resource ")}`,
    ]);
  });

  it("reports more than one SCO", async () => {
    const manifest = scorm12({
      extraItem: `\n      <item identifier="item2" identifierref="res1"><title>Two</title></item>`,
    });
    const result = await check(zip12(manifest));
    expect(brief(result)).toEqual([`multiple-scos warning imsmanifest.xml:${lineOf(manifest, 'identifier="item2"')}`]);
  });

  it("reports hrefs that differ from the file name in case or by URL-encoding", async () => {
    const manifest = scorm12({ href: "Index.html", files: ["Index.html", "my%20notes.html"] });
    const result = await check(zip12(manifest, { "my notes.html": PAGE }));
    expect(brief(result, "href-case-mismatch", "href-encoded")).toEqual([
      `href-case-mismatch error imsmanifest.xml:${lineOf(manifest, "<resource ")}`,
      `href-case-mismatch error imsmanifest.xml:${lineOf(manifest, '<file href="Index.html"')}`,
      `href-encoded warning imsmanifest.xml:${lineOf(manifest, "my%20notes")}`,
    ]);
  });

  it("warns about 2004 SCOs without completionSetByContent/objectiveSetByContent", async () => {
    const manifest = scorm2004({ sequencing: false });
    const result = await check(rawZip({ "imsmanifest.xml": manifest, "index.html": PAGE }));
    expect(brief(result)).toEqual([
      `sequencing-defaults warning imsmanifest.xml:${lineOf(manifest, '<item identifier="item1"')}`,
    ]);
    expect(result.findings[0]).toMatchObject({ checklist: 8 });
  });

  it("reports a 2004 manifest that uses the 1.2 adlcp namespace", async () => {
    const result = await check(
      rawZip({
        "imsmanifest.xml": scorm2004({ adlcp: "http://www.adlnet.org/xsd/adlcp_rootv1p2" }),
        "index.html": PAGE,
      }),
    );
    expect(brief(result, "scorm-version-mismatch")).toHaveLength(1);
    expect(result.valid).toBe(false);
  });

  it("reports schemaversion 1.2 in a 2004 manifest", async () => {
    const manifest = scorm2004({ schemaversion: "1.2" });
    const result = await check(rawZip({ "imsmanifest.xml": manifest, "index.html": PAGE }));
    expect(brief(result, "scorm-version-mismatch")).toEqual([
      `scorm-version-mismatch error imsmanifest.xml:${lineOf(manifest, "<schemaversion>")}`,
    ]);
  });

  it("warns about xml:base and resolves hrefs through it", async () => {
    const manifest = scorm2004({ xmlBase: "content/" });
    const result = await check(rawZip({ "imsmanifest.xml": manifest, "content/index.html": PAGE }));
    expect(brief(result)).toEqual([`xml-base warning imsmanifest.xml:${lineOf(manifest, "xml:base")}`]);
  });

  it("warns about schemas named in xsi:schemaLocation that are not shipped", async () => {
    const manifest = scorm2004({ schemaLocation: "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd" });
    const ok = await check(
      rawZip({ "imsmanifest.xml": manifest, "index.html": PAGE, "imscp_v1p1.xsd": "<xs:schema/>" }),
    );
    expect(ok.findings).toEqual([]);
    const result = await check(rawZip({ "imsmanifest.xml": manifest, "index.html": PAGE }));
    expect(brief(result)).toEqual(["schema-not-shipped warning imsmanifest.xml:2"]);
  });

  it("warns about titles over the SCORM 2004 limit", async () => {
    const manifest = scorm2004({ title: "T".repeat(250) });
    const result = await check(rawZip({ "imsmanifest.xml": manifest, "index.html": PAGE }));
    expect(brief(result)).toEqual([`metadata-too-long warning imsmanifest.xml:${lineOf(manifest, "TTT")}`]);
  });
});

describe.concurrent("xAPI (Tin Can) packages", () => {
  const zip = (tincan: string, extra: ZipContent = { "index.html": PAGE }) =>
    rawZip({ "tincan.xml": tincan, ...extra });

  it("reports Basic credentials baked into the content", async () => {
    const script = `var lrs = { endpoint: location.search, auth: "Basic dXNlcjpzM2NyZXQ=" };\n`;
    const result = await check(zip(tincanXml(), { "index.html": PAGE, "js/config.js": script }));
    expect(brief(result)).toEqual(["credentials-in-package error js/config.js:1"]);
    expect(result.findings[0]!.message).toContain('"Basic dXNl…"');
    expect(result.findings[0]!.message).not.toContain("s3cret");
  });

  it("reports a URL with user and password, a copied launch link and a TinCanJS configuration", async () => {
    const html = `<!doctype html>\n<a href="https://lrs.example.com/xapi/?endpoint=x&auth=OjFjMGY4NTYxNzUwOGI4YWY0">launch</a>\n<script>fetch("https://admin:hunter22@lrs.example.com/xapi/statements")</script>`;
    const config = `new TinCan.LRS({\n  endpoint: "https://lrs.example.com/xapi/",\n  username: "key",\n  password: "p4ssw0rd"\n});`;
    const result = await check(zip(tincanXml(), { "index.html": html, "lrs.js": config }));
    expect(brief(result)).toEqual([
      "credentials-in-package error index.html:2",
      "credentials-in-package error index.html:3",
      "hardcoded-lrs-endpoint warning lrs.js:2",
      "credentials-in-package error lrs.js:4",
    ]);
  });

  it("reports a credential in a file several packages share, in each of them", async () => {
    // The build checks its packages from memory, where every format's page is one Buffer.
    const page = Buffer.from(`<!doctype html>\n<script>var auth = "Basic dXNlcjpzM2NyZXQ=";</script>`);
    for (const label of ["a.zip", "b.zip"]) {
      const files = [
        { name: "tincan.xml", content: tincanXml() },
        { name: "index.html", content: page },
      ];
      const result = await validatePackage(memorySource(files), { label });
      expect(brief(result), label).toEqual(["credentials-in-package error index.html:2"]);
    }
  });

  it("does not mistake code that reads the launch parameters for credentials", async () => {
    const script = `const q = new URLSearchParams(location.search);\nconst headers = { Authorization: q.get("auth") };\nfetch(q.get("endpoint") + "statements", { headers });\nconst basic = "Basic " + btoa(user + ":" + pass);`;
    const result = await check(zip(tincanXml(), { "index.html": PAGE, "app.js": script }));
    expect(result.findings).toEqual([]);
  });

  it("reports a launch file that is not in the package", async () => {
    const manifest = tincanXml({ launch: "start.html" });
    const result = await check(zip(manifest));
    expect(brief(result)).toEqual([`missing-file error tincan.xml:${lineOf(manifest, "<launch")}`]);
    expect(result.findings[0]).toMatchObject({ checklist: 54 });
  });

  it("reports an activity id that is not an absolute IRI, and a second launchable activity", async () => {
    const manifest = tincanXml({
      id: "demo-course",
      second: `\n    <activity id="https://example.com/two"><name>Two</name><launch>index.html</launch></activity>`,
    });
    const result = await check(zip(manifest));
    expect(brief(result)).toEqual([
      `iri-not-absolute error tincan.xml:${lineOf(manifest, 'id="demo-course"')}`,
      `launch-count error tincan.xml:${lineOf(manifest, "https://example.com/two")}`,
    ]);
  });

  it("reports a launch URL with a parameter the LMS adds itself", async () => {
    const result = await check(zip(tincanXml({ launch: "index.html?endpoint=https://lrs.example.com/" })));
    expect(brief(result, "launch-url-reserved-parameter")).toHaveLength(1);
  });

  it("reports two tincan.xml files", async () => {
    const result = await check(zip(tincanXml(), { "index.html": PAGE, "old/tincan.xml": tincanXml() }));
    expect(brief(result, "several-tincan-xml")).toEqual(["several-tincan-xml error old/tincan.xml"]);
  });
});

describe.concurrent("cmi5 packages", () => {
  it("reports an AU url outside the package and one that climbs out of it", async () => {
    for (const url of ["/index.html", "../index.html"]) {
      const result = await check(rawZip({ "cmi5.xml": cmi5Xml({ url }), "index.html": PAGE }));
      expect(brief(result)).toEqual([`launch-url-invalid error cmi5.xml:${lineOf(cmi5Xml({ url }), "<url>")}`]);
    }
  });

  it("scans cmi5 packages for credentials too", async () => {
    const result = await check(
      rawZip({ "cmi5.xml": cmi5Xml(), "index.html": `<script>var auth = "Basic dXNlcjpzM2NyZXQ=";</script>` }),
    );
    expect(brief(result)).toEqual(["credentials-in-package error index.html:1"]);
  });
});

describe.concurrent("folders", () => {
  it("validates an unzipped package folder and skips symbolic links", async () => {
    const dir = await tempDir("validate-folder");
    await mkdir(path.join(dir, "pages"));
    await writeFile(path.join(dir, "imsmanifest.xml"), scorm12({ files: ["index.html", "pages/one.html"] }));
    await writeFile(path.join(dir, "index.html"), PAGE);
    await writeFile(path.join(dir, "pages", "one.html"), PAGE);
    await symlink("/etc/hostname", path.join(dir, "link.txt"));
    const result = await validatePackage(dir);
    expect(brief(result)).toEqual(["symlink warning link.txt"]);
    expect(result).toMatchObject({ valid: true, standard: "scorm12", scope: "package" });
  });
});
