/**
 * Every command a user can reach, run from the packed and installed package (not from src/ or the
 * repository's lib/): help, version, new, build, handout, validate, import-gift, translate, diff. The
 * preview, the report and LMS profiles with `coursepack test` have their own files (preview.test.ts,
 * report.test.ts, tester.test.ts).
 */
import { copyFile, cp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { translateXliff } from "../support/mechanical-translator.js";
import { installed, pkg, scratch, start } from "./installed.js";

const REPO = path.resolve(import.meta.dirname, "../..");

/** A course made by the installed `coursepack new`, shared by the tests below. */
let course = "";

beforeAll(async () => {
  course = path.join(await scratch("cli"), "my-course");
  const created = await installed("new", course);
  expect(created.stderr).toBe("");
  expect(created.code).toBe(0);
});

describe("the installed coursepack", () => {
  it("is the packed version and prints its help", async () => {
    const manifest = JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")) as { version: string };
    const version = await installed("--version");
    expect(version).toMatchObject({ code: 0, stderr: "" });
    expect(version.stdout.trim()).toBe(manifest.version);
    const help = await installed("--help");
    expect(help.code).toBe(0);
    const commands = [
      "build",
      "new",
      "preview",
      "handout",
      "validate",
      "import-gift",
      "translate",
      "diff",
      "report",
      "test",
      "lms",
    ];
    for (const command of commands) expect(help.stdout).toContain(`coursepack ${command}`);
    const one = await installed("build", "--help");
    expect(one.stdout).toContain("coursepack build [dir]");
    expect(one.stdout).not.toContain("coursepack validate");
  });

  it("installs nothing but itself", async () => {
    // Every library is bundled into lib/ (devDependencies): npm has nothing more to fetch.
    const manifest = JSON.parse(await readFile(path.join(pkg.root, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
      scripts?: Record<string, string>;
    };
    expect(manifest.dependencies).toBeUndefined();
    // Nothing runs at install: npm 11 warns of a package with such scripts ("install scripts not yet
    // covered by allowScripts"), `prepare` among them, though it runs that one only for git installs.
    for (const script of ["preinstall", "install", "postinstall", "prepare"])
      expect(manifest.scripts?.[script], script).toBeUndefined();
    await expect(stat(path.join(pkg.root, "node_modules"))).rejects.toThrow(/ENOENT/);
    expect((await readdir(path.join(pkg.prefix, "lib", "node_modules"))).sort()).toEqual(["coursepack"]);
  });

  it("runs from the installed files only", async () => {
    // The bundle (cli.js and the chunks each command loads) must not reach back into the
    // repository (a path baked in at compile time).
    const lib = path.join(pkg.root, "lib");
    const scripts = (await readdir(lib, { recursive: true })).filter((f) => f.endsWith(".js"));
    expect(scripts).toEqual(expect.arrayContaining(["cli.js", expect.stringMatching(/^chunks\/build-/)]));
    const code = await Promise.all(scripts.map((f) => readFile(path.join(lib, f), "utf8")));
    for (const [i, text] of code.entries()) expect(text, scripts[i]).not.toContain(REPO);
    // js-yaml's CommonJS build, which runs its parser about twice as fast (scripts/js-yaml-commonjs.mjs).
    expect(code.some((text) => text.includes("// node_modules/js-yaml/dist/js-yaml.cjs.js"))).toBe(true);
    expect(code.some((text) => text.includes("// node_modules/js-yaml/dist/js-yaml.mjs"))).toBe(false);
  });

  it("new: writes the starter course", async () => {
    const files = (await readdir(course, { recursive: true })).map((f) => f.split(path.sep).join("/"));
    expect(files).toEqual(
      expect.arrayContaining(["course.yml", "lessons/01-welcome.md", "quizzes/check-your-understanding.yml"]),
    );
    expect(await readFile(path.join(course, "course.yml"), "utf8")).toContain('title: "My course"');
    const again = await installed("new", course);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists and is not empty");
  });

  it("build: every format of the starter, from inside the course folder", async () => {
    const out = path.join(await scratch("dist"), "dist");
    const built = await installed("build", "--out", out, { cwd: course });
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/Built 5 packages in [\d.]+ m?s\./);
    expect((await readdir(out)).filter((f) => f.endsWith(".zip")).sort()).toEqual(
      ["cmi5", "scorm12", "scorm2004", "web", "xapi"].map((f) => `my-course-${f}.zip`).sort(),
    );
  });

  it("build: a course folder given as an argument, and a clear error for a folder without a course", async () => {
    const parent = path.dirname(course);
    const out = path.join(await scratch("dist"), "dist");
    const built = await installed("build", "my-course", "--format", "scorm12", "--out", out, { cwd: parent });
    expect(built.code).toBe(0);
    expect((await stat(path.join(out, "my-course-scorm12.zip"))).isFile()).toBe(true);
    const empty = await scratch("empty");
    const missing = await installed("build", { cwd: empty });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("course.yml");
  });

  it("validate: a package the installed build wrote, as text and as JSON", async () => {
    const out = path.join(await scratch("dist"), "dist");
    expect((await installed("build", course, "--format", "scorm2004,cmi5", "--no-folders", "--out", out)).code).toBe(0);
    const zip = path.join(out, "my-course-scorm2004.zip");
    const text = await installed("validate", zip, "--expect", "scorm2004");
    expect(text.code).toBe(0);
    // Without an LMS profile, scorm2004 is the 3rd edition every LMS with SCORM 2004 imports.
    expect(text.stdout).toMatch(/✓ .*my-course-scorm2004\.zip: SCORM 2004 3rd Edition, valid/);
    const json = await installed("validate", path.join(out, "my-course-cmi5.zip"), "--json");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, standard: "cmi5" });
  });

  it("validate: flags a broken package with exit code 1", async () => {
    const dir = await scratch("broken");
    const manifest = path.join(dir, "imsmanifest.xml");
    await copyFile(path.join(REPO, "package.json"), manifest);
    const result = await installed("validate", manifest);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("error");
  });

  it("validate: points to the LMS checklist the installed package ships", async () => {
    const manifest = path.join(await scratch("checklist"), "imsmanifest.xml");
    await writeFile(
      manifest,
      `<?xml version="1.0"?>
<manifest identifier="1course" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations/><resources/>
</manifest>
`,
    );
    const result = await installed("validate", manifest);
    expect(result.stdout).toContain("[checklist #4]");
    expect(result.stdout).toContain("docs/lms-checklist.md#4");
    const doc = /in this install: (.+lms-checklist\.md)$/m.exec(result.stdout)?.[1];
    expect(doc).toBeDefined();
    expect(doc).not.toContain(REPO);
    expect(await readFile(doc!, "utf8")).toContain('<a id="4"></a>\n### 4. ');
  });

  it("import-gift: converts a Moodle bank into a quiz file the course builds with", async () => {
    const dir = path.join(await scratch("gift"), "gift-course");
    expect((await installed("new", dir)).code).toBe(0);
    const bank = path.join(dir, "sales-bank.gift");
    await copyFile(path.join(REPO, "test", "fixtures", "gift", "sales-bank.gift"), bank);
    const imported = await installed("import-gift", "sales-bank.gift", { cwd: dir });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/✓ Imported 13 questions from sales-bank\.gift into quizzes\/sales-bank\.yml/);
    const courseFile = path.join(dir, "course.yml");
    const yml = await readFile(courseFile, "utf8");
    await writeFile(courseFile, yml.replace(/^outline:\n/m, "outline:\n  - quizzes/sales-bank.yml\n"));
    const built = await installed("build", "--format", "web", { cwd: dir });
    expect(built.code).toBe(0);
    expect(built.stdout).toContain("Built 1 package");
    expect((await stat(path.join(dir, "dist", "gift-course-web.zip"))).isFile()).toBe(true);
  });

  it("diff: a text edit is replace-safe (exit 0); a new course id must go up as a new version (exit 2)", async () => {
    const out = path.join(await scratch("dist"), "dist");
    expect((await installed("build", course, "--format", "scorm12", "--no-folders", "--out", out)).code).toBe(0);
    const zip = path.join(out, "my-course-scorm12.zip");
    const edited = path.join(await scratch("diff"), "my-course");
    await cp(course, edited, { recursive: true });
    const lesson = path.join(edited, "lessons", "01-welcome.md");
    await writeFile(lesson, (await readFile(lesson, "utf8")).replace("Each lesson", "Every lesson"));
    const safe = await installed("diff", zip, edited, "--lms", "cornerstone");
    expect(safe.stderr).toBe("");
    expect(safe.code).toBe(0);
    expect(safe.stdout).toContain("imsmanifest.xml: byte-identical");
    expect(safe.stdout).toContain("Cornerstone: replace-safe, learners keep progress");
    const yml = path.join(edited, "course.yml");
    await writeFile(yml, (await readFile(yml, "utf8")).replace(/^id: .*$/m, "id: my-course-2"));
    const structural = await installed("diff", zip, edited, "--json");
    expect(structural.code).toBe(2);
    expect(JSON.parse(structural.stdout)).toMatchObject({ verdict: "new-version", lmsChosen: "generic" });
  });

  it("handout: prints the course to a PDF with the installed Chromium, or says how to get one", async () => {
    const pdf = path.join(await scratch("handout"), "course.pdf");
    const printed = await installed("handout", course, "-o", pdf, "--answers");
    expect(printed.stderr).toBe("");
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/course\.pdf \([\d.]+ KB, with answers\)/);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe("%PDF-");
    const missing = await installed("handout", course, { env: { COURSEPACK_CHROMIUM: "/nowhere/chromium" } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Coursepack never downloads a browser");
  });

  it("--quiet prints only problems; --json is for machines; NO_COLOR and FORCE_COLOR decide colours", {
    timeout: 180_000,
  }, async () => {
    const out = path.join(await scratch("dist"), "dist");
    const quiet = await installed("build", course, "--format", "web", "--out", out, "--quiet");
    expect(quiet).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const json = await installed("build", course, "--format", "web", "--out", out, "--json", "-q");
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, packages: [{ format: "web" }] });
    const broken = await scratch("broken-course");
    await writeFile(path.join(broken, "course.yml"), "id: Broken\ntitle: x\n");
    const failed = await installed("build", broken, "--json");
    expect(failed.code).toBe(1);
    const problems = (JSON.parse(failed.stdout) as { ok: boolean; problems: { file: string; message: string }[] })
      .problems;
    expect(problems.some((p) => p.file.endsWith("course.yml"))).toBe(true);
    const colored = await installed("build", course, "--format", "web", "--out", out, { env: { FORCE_COLOR: "1" } });
    expect(colored.stdout).toContain("\u001b[32m✓");
    const plain = await installed("build", course, "--format", "web", "--out", out, { env: { NO_COLOR: "1" } });
    expect(plain.stdout).not.toContain("\u001b[");
  });

  it("dev is preview's other name", async () => {
    const help = await installed("dev", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("coursepack preview [dir|package.zip]");
  });

  it("translate: export, import (a translated copy) and status, then build both languages", async () => {
    const dir = path.join(await scratch("translate"), "course");
    await cp(course, dir, { recursive: true });
    await writeFile(
      path.join(dir, "course.yml"),
      `${await readFile(path.join(dir, "course.yml"), "utf8")}languages: [de]\n`,
    );
    const exported = await installed("translate", "export", "--to", "de", "-o", "de.xlf", { cwd: dir });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/de\.xlf {2}German: \d+ texts, [\d,]+ words/);
    const xlf = path.join(dir, "de.xlf");
    await writeFile(xlf, translateXliff(await readFile(xlf, "utf8")));
    const imported = await installed("translate", "import", xlf, "--course", dir);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("course complete");
    const status = await installed("translate", "status", dir);
    expect(status.stdout).toMatch(/de {5}\d+ translated \(100 %\), 0 stale, 0 missing/);
    const out = path.join(await scratch("dist"), "dist");
    const built = await installed("build", dir, "--format", "web", "--out", out);
    expect(built.stderr).toBe("");
    expect((await readdir(out)).filter((f) => f.endsWith(".zip")).sort()).toEqual([
      "my-course-de-web.zip",
      "my-course-web.zip",
    ]);
  });

  it("stops quietly when what reads its output stops reading (coursepack build | head)", async () => {
    const out = path.join(await scratch("piped"), "dist");
    const running = start(["build", "--out", out], { cwd: course });
    // Closed before Node has even started: every line the build prints meets a closed pipe.
    running.child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => running.child.once("exit", resolve));
    expect(running.output()).toBe("");
    expect(code).toBe(0);
    // The build had finished: its packages are in place.
    expect((await readdir(out)).filter((f) => f.endsWith(".zip"))).toHaveLength(5);
  });

  it("rejects an unknown command with exit code 1", async () => {
    const result = await installed("bake");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown command "bake"');
    const typo = await installed("build", "--formt", "web");
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('unknown option "--formt" for coursepack build (did you mean "--format"?)');
  });
});
