/**
 * `coursepack diff` on the version pairs of every kind of edit (test/support/course-edits.ts):
 * manifests stay byte-identical for content-only edits in every format, the changes found, the
 * verdict per LMS; built zips give the same report as course folders; structural changes (course
 * id, edition, files, title, a pass mark in cmi5.xml) are judged per LMS; the CLI's exit codes.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { profileIds } from "../../src/lms-profiles/load.js";
import { type DiffReport, diffCourses, diffSnapshots } from "../../src/updates/index.js";
import { LMS_IDS } from "../../src/updates/lms-updates.js";
import { snapshotCourse, type Snapshot } from "../../src/updates/snapshot.js";
import type { FormatId } from "../../src/shared/course-data.js";
import { buildInto, FIXTURES, tempDir } from "../support/build.js";
import { coursepack as runCli } from "../support/cli.js";
import { courseVersion, EDIT_KINDS, type EditKind } from "../support/course-edits.js";
import { translateXliff } from "../support/mechanical-translator.js";

const FORMATS: FormatId[] = ["scorm12", "scorm2004", "scorm2004-3rd", "xapi", "cmi5"];
const dirs = {} as Record<EditKind | "v1", string>;
const built = new Map<string, Snapshot>();

async function snap(version: EditKind | "v1", format: FormatId): Promise<Snapshot> {
  const key = `${version}/${format}`;
  if (!built.has(key)) built.set(key, await snapshotCourse(dirs[version], format));
  return built.get(key)!;
}

const report = async (kind: EditKind, format: FormatId = "scorm12") =>
  diffSnapshots(await snap("v1", format), await snap(kind, format));
const kinds = (r: DiffReport) => r.changes.map((c) => c.kind);
const verdicts = (r: DiffReport) => new Set(Object.values(r.lms).map((l) => l.verdict));

beforeAll(async () => {
  dirs.v1 = await courseVersion();
  for (const kind of EDIT_KINDS) dirs[kind] = await courseVersion(kind);
});

describe("coursepack diff on every kind of edit", () => {
  // Every edit but the pass mark, which reaches cmi5.xml (below).
  const contentOnly = EDIT_KINDS.filter((kind) => kind !== "pass-mark");
  it.each(contentOnly)("%s: every manifest is byte-identical, although the version changed", async (kind) => {
    for (const format of FORMATS) {
      const [a, b] = [await snap("v1", format), await snap(kind, format)];
      expect(b.stamp!.version).toBe("2.0.0");
      expect(b.stamp!.content).not.toBe(a.stamp!.content);
      for (const [name, text] of Object.entries(a.manifests)) expect(b.manifests[name], `${format} ${name}`).toBe(text);
      expect(Object.keys(a.manifests)).toHaveLength(1);
    }
  });

  const expected: Record<EditKind, { changes: string[]; dropsAnswers: boolean }> = {
    text: { changes: ["page-text"], dropsAnswers: false },
    // Added before the quiz: the other pages keep their order.
    "lesson-added": { changes: ["page-added"], dropsAnswers: false },
    "lesson-removed": { changes: ["page-removed", "question-removed"], dropsAnswers: true },
    "lessons-reordered": { changes: ["pages-reordered"], dropsAnswers: false },
    "lesson-split": { changes: ["page-added", "page-text"], dropsAnswers: false },
    "question-added": { changes: ["page-text", "question-added"], dropsAnswers: false },
    "question-removed": { changes: ["page-text", "question-removed"], dropsAnswers: true },
    "question-reworded": { changes: ["page-text", "question-reworded"], dropsAnswers: false },
    // Which choice is right is not in the page; only the course data has it.
    "answer-key": { changes: ["answer-key"], dropsAnswers: true },
    "draw-size": { changes: ["draw-size", "page-text"], dropsAnswers: false },
    "pass-mark": { changes: ["page-text", "pass-mark", "pass-mark"], dropsAnswers: false },
  };
  it.each(EDIT_KINDS)("%s: names the change and judges every LMS alike (SCORM 1.2)", async (kind) => {
    const r = await report(kind);
    expect([...kinds(r)].sort()).toEqual(expected[kind].changes);
    expect(r.dropsAnswers).toBe(expected[kind].dropsAnswers);
    expect(verdicts(r)).toEqual(new Set([expected[kind].dropsAnswers ? "drops-changed-answers" : "keeps-progress"]));
  });

  it("says which lesson changed, which question's key changed and what learners keep", async () => {
    expect((await report("text")).changes[0]!.message).toBe('lesson "Basics" (basics): text changed');
    const key = (await report("answer-key")).changes.find((c) => c.kind === "answer-key")!;
    expect(key).toMatchObject({ id: "q1", dropsAnswers: true });
    expect(key.message).toContain("saved answers to it are dropped");
    const pass = (await report("pass-mark")).changes.filter((c) => c.kind === "pass-mark");
    expect(pass.map((c) => c.message)).toEqual([
      "quiz final: pass mark 75 % → 90 % (learners who passed stay passed)",
      "course pass mark 75 % → 90 % (learners who passed stay passed)",
    ]);
  });

  it("a pass mark change rewrites cmi5.xml's masteryScore: structural where the manifest must stay identical", async () => {
    const r = await report("pass-mark", "cmi5");
    expect(r.manifests).toEqual([{ file: "cmi5.xml", identical: false, changes: ["tracking"] }]);
    expect(r.lms.cornerstone).toEqual({ verdict: "new-version", because: ["tracking"] });
    expect(r.lms["scorm-cloud"].verdict).toBe("new-version");
    expect(r.lms.moodle.verdict).toBe("keeps-progress");
  });
});

describe("structural changes", () => {
  async function variant(name: string, change: (dir: string) => Promise<void>): Promise<string> {
    const dir = path.join(await tempDir(`diff-${name}`), "course");
    await cp(dirs.v1, dir, { recursive: true });
    await change(dir);
    return dir;
  }
  const editFile = async (file: string, from: string, to: string) =>
    writeFile(file, (await readFile(file, "utf8")).replace(from, to));

  it("a new course id changes every identifier: a new version everywhere", async () => {
    const dir = await variant("id", (d) =>
      editFile(path.join(d, "course.yml"), "id: update-drill", "id: update-drill-2"),
    );
    const r = await diffCourses(dirs.v1, dir, { format: "scorm2004" });
    expect(r.manifests[0]!.changes).toContain("identifiers");
    expect(verdicts(r)).toEqual(new Set(["new-version"]));
    expect(r.changes.map((c) => c.kind)).toContain("course-id");
  });

  it("a new image adds a file: Cornerstone needs a new version, Moodle replaces in place", async () => {
    const dir = await variant("image", async (d) => {
      await cp(path.join(d, "images/flow.svg"), path.join(d, "images/flow-2.svg"));
      await editFile(path.join(d, "lessons/03-wrap-up.md"), "progress.", "progress.\n\n![Again](../images/flow-2.svg)");
    });
    const r = await diffCourses(dirs.v1, dir);
    expect(r.manifests[0]).toMatchObject({ file: "imsmanifest.xml", changes: ["files"] });
    expect(r.changes.find((c) => c.kind === "files")!.message).toBe("files added: assets/images/flow-2.svg");
    expect(r.lms.cornerstone.verdict).toBe("new-version");
    expect(r.lms.moodle.verdict).toBe("keeps-progress");
    expect(r.lms.generic.verdict).toBe("new-version");
  });

  it("a new title is metadata: SumTotal and LearnUpon replace in place, SCORM Cloud does not", async () => {
    const dir = await variant("title", (d) =>
      editFile(path.join(d, "course.yml"), "title: Update drill", "title: Update drill 2"),
    );
    const r = await diffCourses(dirs.v1, dir);
    expect(r.manifests[0]!.changes).toEqual(["metadata"]);
    expect(r.lms.sumtotal.verdict).toBe("keeps-progress");
    expect(r.lms.learnupon.verdict).toBe("keeps-progress");
    expect(r.lms["scorm-cloud"].verdict).toBe("new-version");
  });

  it("reads zips and package folders as it reads course folders, and mixes them", async () => {
    const [old, updated] = [await buildInto(dirs.v1), await buildInto(dirs["answer-key"])];
    const zip = (b: typeof old, f: string) => path.join(b.outDir, `update-drill-${f}.zip`);
    const fromZips = await diffCourses(zip(old, "scorm2004"), zip(updated, "scorm2004"));
    const fromFolders = await diffCourses(dirs.v1, dirs["answer-key"], { format: "scorm2004" });
    expect(fromZips.changes).toEqual(fromFolders.changes);
    expect(fromZips.manifests).toEqual(fromFolders.manifests);
    expect(fromZips.lms).toEqual(fromFolders.lms);
    expect(fromZips.old).toMatchObject({ kind: "package", format: "scorm2004-3rd", version: "1.0.0" });
    // An LMS's copy against the edited course folder: the folder is built in the package's format.
    const mixed = await diffCourses(path.join(old.outDir, "update-drill-cmi5"), dirs["pass-mark"]);
    expect(mixed.new).toMatchObject({ kind: "course", format: "cmi5", version: "2.0.0" });
    expect(mixed.manifests[0]!.changes).toEqual(["tracking"]);
    // A different edition is structural for SumTotal.
    const edition = await diffCourses(zip(old, "scorm2004"), dirs.text, { format: "scorm2004-4th" });
    expect(edition.new.format).toBe("scorm2004-4th");
    expect(edition.lms.sumtotal).toEqual({ verdict: "new-version", because: ["edition"] });
  });
});

describe("a translated course", () => {
  it("is compared in the package's language: the German package against its unchanged course folder", async () => {
    const dir = path.join(await tempDir("diff-translated"), "course");
    await cp(path.join(FIXTURES, "courses", "translation"), dir, { recursive: true });
    const xlf = path.join(dir, "..", "de.xlf");
    expect((await runCli(["translate", "export", dir, "--to", "de", "-o", xlf])).code).toBe(0);
    await writeFile(xlf, translateXliff(await readFile(xlf, "utf8")));
    expect((await runCli(["translate", "import", xlf, "--course", dir])).code).toBe(0);
    const { outDir, outputs } = await buildInto(dir, { formats: ["scorm12"], folders: false });
    const german = outputs.find((o) => o.language === "de")!;
    for (const [zip, language] of [
      [german.zipName, "de"],
      [outputs.find((o) => o.language === "en")!.zipName, "en"],
    ] as const) {
      const r = await diffCourses(path.join(outDir, zip), dir);
      expect(r.new).toMatchObject({ kind: "course", format: "scorm12", language });
      expect(r.old.content).toBe(r.new.content);
      expect(r.manifests).toEqual([{ file: "imsmanifest.xml", identical: true, changes: [] }]);
      expect(r.changes).toEqual([]);
    }
    // Two course folders are compared in the language asked for.
    const asked = await diffCourses(dir, dir, { language: "de" });
    expect([asked.old.language, asked.new.language]).toEqual(["de", "de"]);
  });
});

describe("coursepack diff (command)", () => {
  it("exits 0 when replace-safe, 2 when the chosen LMS needs a new version; --json for CI", async () => {
    const ok = await runCli(["diff", dirs.v1, dirs["answer-key"], "--lms", "moodle"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("imsmanifest.xml: byte-identical");
    expect(ok.stdout).toContain("Moodle: replace-safe, but saved answers to changed questions are dropped");
    const structural = await runCli([
      "diff",
      dirs.v1,
      dirs["pass-mark"],
      "--format",
      "cmi5",
      "--lms",
      "cornerstone",
      "--json",
    ]);
    expect(structural.code).toBe(2);
    const json = JSON.parse(structural.stdout);
    expect(json).toMatchObject({ verdict: "new-version", lmsChosen: "cornerstone" });
    // --quiet: nothing when the update is replace-safe, only the verdict when it is not.
    expect(await runCli(["diff", dirs.v1, dirs.text, "--quiet"])).toMatchObject({ code: 0, stdout: "" });
    const quiet = await runCli(["diff", dirs.v1, dirs["pass-mark"], "-f", "cmi5", "--lms", "cornerstone", "-q"]);
    expect(quiet).toMatchObject({ code: 2, stdout: "Cornerstone: structural: upload as a new version\n" });
    const bad = await runCli(["diff", dirs.v1, dirs.text, "--lms", "nowhere"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown LMS "nowhere"');
  });
});

describe("update rules per LMS", () => {
  it("has a rule for every LMS profile, so `diff --lms` takes whatever `build --lms` takes", () => {
    expect(profileIds().filter((id) => !(LMS_IDS as readonly string[]).includes(id))).toEqual([]);
  });
});
