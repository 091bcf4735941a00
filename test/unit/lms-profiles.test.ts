/**
 * The shipped LMS profiles load and cite their sources; a broken profile file is refused with each
 * problem at its line; unknown names get a suggestion; the helpers answer from the data.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  acceptsFormat,
  DEFAULT_PROFILE,
  listProfiles,
  LmsProfileError,
  loadProfile,
  profileIds,
  recordQuirks,
  simulationOf,
  scorm2004Edition,
} from "../../src/lms-profiles/index.js";
import { describeProfile } from "../../src/lms-profiles/describe.js";
import { parseProfile } from "../../src/lms-profiles/load.js";
import { ROOT, tempDir } from "../support/build.js";
import { coursepack } from "../support/cli.js";

const REQUIRED = [
  "generic",
  "moodle",
  "scorm-cloud",
  "cornerstone",
  "successfactors",
  "workday",
  "docebo",
  "talentlms",
  "360learning",
  "absorb",
  "learnupon",
  "totara",
  "canvas",
  "forma",
];

describe("shipped LMS profiles", () => {
  it("include every LMS the issue names, the default first, each valid", () => {
    const ids = profileIds();
    expect(ids[0]).toBe(DEFAULT_PROFILE);
    for (const id of REQUIRED) expect(ids).toContain(id);
    for (const profile of listProfiles()) {
      expect(profile.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(Object.keys(profile.sources).length).toBeGreaterThan(0);
      expect(profile.launch.modes.length).toBeGreaterThan(0);
    }
  });

  it("state the facts the issue starts from", () => {
    expect(loadProfile("docebo").formats.accepts).toEqual(["scorm12", "scorm2004-3rd", "xapi"]);
    expect(loadProfile("docebo").limits).toContainEqual(
      expect.objectContaining({
        rule: "rejected-extensions",
        extensions: expect.arrayContaining([".php", ".sh", ".htaccess"]),
      }),
    );
    expect(loadProfile("talentlms").formats.accepts).toEqual(["scorm12", "xapi", "cmi5"]);
    expect(loadProfile("360learning").limits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: "file-count", max: 50_000 }),
        expect.objectContaining({ rule: "compression-methods", methods: ["stored", "deflate"] }),
        expect.objectContaining({ rule: "single-sco", standards: ["scorm12"] }),
      ]),
    );
    expect(recordQuirks(loadProfile("successfactors")).map((q) => q.kind)).toEqual([
      "completes-on-exit-unless-content-sets-completion",
    ]);
    expect(loadProfile("cornerstone").limits).toContainEqual(
      expect.objectContaining({ rule: "zip-size", bytes: 750 * 1024 ** 2 }),
    );
    // Moodle and Forma behave like the simulated LMSs of src/shared/lms-quirks.ts, written once there.
    expect(simulationOf(loadProfile("moodle"))!.quirks.map((q) => q.kind)).toEqual([
      "refuse",
      "refuse",
      "terminate-throws",
    ]);
    expect(simulationOf(loadProfile("forma"))!.quirks.map((q) => q.kind)).toEqual([
      "refuse",
      "refuse",
      "refuse",
      "late-commit-entry",
    ]);
    expect(simulationOf(loadProfile("open-edx"))!.quirks.map((q) => q.kind)).toEqual(["api-late", "api-late"]);
    expect(simulationOf(loadProfile("generic"))).toBeUndefined();
  });

  it("build SCORM 2004 as 3rd edition unless the LMS prefers the 4th", () => {
    expect(scorm2004Edition(loadProfile("generic"))).toBe("3rd");
    expect(scorm2004Edition(loadProfile("docebo"))).toBe("3rd");
    expect(scorm2004Edition(loadProfile("scorm-cloud"))).toBe("4th");
    expect(acceptsFormat(loadProfile("talentlms"), "scorm2004")).toBe(false);
    expect(acceptsFormat(loadProfile("talentlms"), "web")).toBe(true);
    expect(acceptsFormat(loadProfile("docebo"), "scorm2004-4th")).toBe(false);
    expect(acceptsFormat(loadProfile("docebo"), "scorm2004")).toBe(true);
  });

  it("every simulated quirk's pattern is a valid regular expression", () => {
    for (const profile of listProfiles())
      for (const quirk of simulationOf(profile)?.quirks ?? [])
        if (quirk.kind === "refuse" && quirk.accept) expect(() => new RegExp(quirk.accept!)).not.toThrow();
  });
});

describe("loading a profile", () => {
  it("suggests the closest name for a typo", () => {
    expect(() => loadProfile("modle")).toThrow(/unknown LMS "modle" \(did you mean "moodle"\?\)/);
  });

  it("reads a profile file of one's own, and reports its problems at their lines", async () => {
    const dir = await tempDir("profile");
    await mkdir(dir, { recursive: true });
    const good = path.join(dir, "acme.yml");
    await writeFile(
      good,
      [
        "id: acme",
        "name: Acme LMS",
        "summary: Our in-house LMS.",
        "sources:",
        "  tested:",
        "    title: Tried by the L&D team",
        "    note: Uploaded the starter course in March.",
        "formats:",
        "  accepts: [scorm12]",
        "  recommended: scorm12",
        "  why: Only SCORM 1.2 is switched on.",
        "  sources: [tested]",
        "launch:",
        "  modes: [popup]",
        "  sources: [tested]",
        "",
      ].join("\n"),
    );
    expect(loadProfile("./acme.yml", dir)).toMatchObject({ id: "acme", formats: { accepts: ["scorm12"] } });
    const bad = path.join(dir, "bad.yml");
    await writeFile(
      bad,
      [
        "id: bad",
        "name: Bad",
        "summary: Broken on purpose.",
        "sources: {}",
        "formats:",
        "  accepts: [scorm13]",
        "  recommended: scorm12",
        "  why: none",
        "  sources: [missing]",
        "launch: { modes: [frame], sources: [missing] }",
        "",
      ].join("\n"),
    );
    let refused: LmsProfileError | undefined;
    try {
      loadProfile(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(LmsProfileError);
      refused = error as LmsProfileError;
    }
    expect(refused?.message).toMatch(/bad\.yml:6:\d+: "formats\.accepts\[0\]" must be one of: scorm12, /);
    // The same words and places as a course file's problems: the build reports each at its place.
    expect(refused?.problems).toContainEqual({
      file: bad,
      line: 6,
      col: 13,
      message:
        '"formats.accepts[0]" must be one of: scorm12, scorm2004-3rd, scorm2004-4th, xapi, cmi5 (did you mean "scorm12"?)',
    });
    // On the command line: one problem a line, the path as relative as the working folder allows.
    const shown = path.relative(process.cwd(), bad);
    for (const args of [
      ["lms", bad],
      ["validate", bad, "--lms", bad],
    ]) {
      const { code, stderr } = await coursepack(args);
      expect(code).toBe(1);
      expect(stderr).toContain(`${shown} is not a valid LMS profile:\n  ${shown}:`);
      expect(stderr).toContain(`  ${shown}:6:13: "formats.accepts[0]" must be one of: scorm12,`);
    }
  });
  it("words a profile's YAML syntax errors as a course file's, at the place to fix", () => {
    const text = ["id: acme", 'name: "Acme LMS', "summary: Our own.", ""].join("\n");
    let refused: LmsProfileError | undefined;
    try {
      parseProfile("acme.yml", text);
    } catch (error) {
      refused = error as LmsProfileError;
    }
    // The yaml library reports the unclosed quote at the end of the text, with its own wording.
    expect(refused?.problems).toEqual([
      {
        file: "acme.yml",
        line: 2,
        col: 7,
        message: "this quoted text is never closed: add the closing quote at the end of the value",
      },
    ]);
  });
});

describe("docs/lms-profiles.md", () => {
  it("prints every profile as `coursepack lms --markdown` does (node scripts/lms-profiles-doc.mjs)", async () => {
    const doc = await readFile(path.join(ROOT, "docs", "lms-profiles.md"), "utf8");
    const block = doc.slice(doc.indexOf("<!-- profiles:start -->"), doc.indexOf("<!-- profiles:end -->"));
    const expected = listProfiles()
      .map((p) => describeProfile(p))
      .join("\n")
      .trim();
    expect(block.replace("<!-- profiles:start -->", "").trim()).toBe(expected);
  });

  it("shows a profile of one's own that loads as written", async () => {
    const doc = await readFile(path.join(ROOT, "docs", "lms-profiles.md"), "utf8");
    const example = /## A profile of your own[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(parseProfile("example.yml", example)).toMatchObject({ id: "acme", simulation: { lms: "moodle" } });
  });
});
