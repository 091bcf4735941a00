/** The command line: help, version, exit codes, determinism, and a failed build that writes nothing. */
import { createHash } from "node:crypto";
import { cp, readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, ROOT, tempDir } from "../support/build.js";
import { pasteable } from "../../src/cli/commands/new.js";
import { coursepack as runCoursepack } from "../support/cli.js";
import { translateXliff } from "../support/mechanical-translator.js";

/** A course made by `coursepack new` (the starter folder itself holds placeholders). */
let STARTER = "";

const coursepack = (...args: string[]) => runCoursepack(args);

const sha = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

describe("coursepack CLI", () => {
  beforeAll(async () => {
    STARTER = path.join(await tempDir("cli-course"), "starter");
    expect((await coursepack("new", STARTER)).code).toBe(0);
  });

  it("prints help and version", async () => {
    const help = await coursepack("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("coursepack build [dir]");
    const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect((await coursepack("--version")).stdout.trim()).toBe(pkg.version);
    const one = await coursepack("validate", "--help");
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("coursepack validate <package>");
    expect(one.stdout).not.toContain("coursepack build");
  });

  it("rejects unknown commands and formats with exit code 1", async () => {
    const unknown = await coursepack("bake");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown command "bake"');
    const format = await coursepack("build", STARTER, "--format", "pdf");
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('unknown format "pdf"');
  });

  it("names the nearest command, option, format or browser to a typo, and none to a word far from all", async () => {
    const typos: [string[], string][] = [
      [["buidl"], 'unknown command "buidl" (did you mean "build"?)'],
      [["build", STARTER, "--outt", "x"], 'unknown option "--outt" for coursepack build (did you mean "--out"?)'],
      [["build", STARTER, "--format", "web,scorm1.2"], 'unknown format "scorm1.2" (did you mean "scorm12"?)'],
      [["validate", "x.zip", "--expect", "cmi"], 'unknown format "cmi" for --expect (did you mean "cmi5"?)'],
      [["test", STARTER, "--browser", "firefx"], 'unknown browser "firefx" for --browser (did you mean "firefox"?)'],
      [["test", STARTER, "--only", "pass,resme"], 'unknown scenario "resme" for --only (did you mean "resume"?)'],
      [["test", STARTER, "--only", ","], "--only names no scenario; choose from pass, fail, resume,"],
      [["translate", "exprot"], 'unknown translate subcommand "exprot" (did you mean "export"?)'],
      [
        ["translate", "export", STARTER, "--to", "de_DE"],
        '--to: "de_DE" is not a language tag such as "de" or "de-CH" (did you mean "de-DE"?)',
      ],
      [
        ["translate", "export", STARTER, "--to", "German"],
        '--to: "German" is not a language tag such as "de" or "de-CH" (did you mean "de"?)',
      ],
      [
        ["translate", "export", STARTER, "--to", "de", "--format", "xlif2"],
        'unknown XLIFF format "xlif2" for --format (did you mean "xliff2"?)',
      ],
      [
        ["translate", "export", STARTER, "--to", "de", "--out", path.join(STARTER, "course.yml", "de.xlf")],
        `cannot be made: ${path.join(STARTER, "course.yml")} is a file; choose another file`,
      ],
      [
        [
          "report",
          STARTER,
          "-i",
          path.join(FIXTURES, "report", "scorm-cloud-registrations.json"),
          "-o",
          path.join(STARTER, "course.yml", "r.html"),
        ],
        `--out ${path.join(STARTER, "course.yml", "r.html")} cannot be made: ${path.join(STARTER, "course.yml")} is a file; choose another file`,
      ],
      [
        ["test", STARTER, "--junit", path.join(STARTER, "course.yml", "junit.xml")],
        `--junit ${path.join(STARTER, "course.yml", "junit.xml")} cannot be made: ${path.join(STARTER, "course.yml")} is a file`,
      ],
      [
        ["test", STARTER, "--report", path.join(STARTER, "course.yml")],
        `--report ${path.join(STARTER, "course.yml")} is a file; choose another folder`,
      ],
      [
        ["translate", "status", "--course", STARTER],
        'option "--course" does not go with this form of coursepack translate; `coursepack translate --help` shows which form takes it',
      ],
      [
        ["build", path.join(STARTER, "course.yml")],
        `${path.join(STARTER, "course.yml")} is a file, not a course folder`,
      ],
      [
        ["build", path.join(STARTER, "elsewhere")],
        `there is no folder ${path.join(STARTER, "elsewhere")}: check the path`,
      ],
      [["new", path.join(STARTER, "course.yml")], `${path.join(STARTER, "course.yml")} is a file; choose a new folder`],
      [
        [
          "import-gift",
          path.join(FIXTURES, "gift", "sales-bank.gift"),
          "--out",
          path.join(STARTER, "course.yml", "q.yml"),
        ],
        `--out ${path.join(STARTER, "course.yml", "q.yml")} cannot be made: ${path.join(STARTER, "course.yml")} is a file`,
      ],
      [
        ["translate", "import", "missing.xlf", "--course", STARTER],
        "missing.xlf:1:1: error: there is no such file: check the path",
      ],
    ];
    for (const [args, message] of typos) {
      const run = await coursepack(...args);
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.stderr).toContain(message);
    }
    const far = await coursepack("build", STARTER, "--format", "pdf");
    expect(far.stderr).not.toContain("did you mean");
    // The option's error names the command's help; the general pointer is not repeated under it.
    const option = await coursepack("build", STARTER, "--outt", "x");
    expect(option.stderr).toContain("`coursepack build --help` lists its options");
    expect(option.stderr).not.toContain("Run `coursepack --help`");
  });

  it("builds, reports sizes and writes byte-identical zips on a second build", async () => {
    const a = await tempDir("cli-a");
    const b = await tempDir("cli-b");
    const first = await coursepack("build", STARTER, "--format", "web", "--out", a);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Web\s+.*starter-web\.zip\s+[\d.]+ KB/);
    expect(first.stdout).toMatch(/runtime JS\+CSS [\d.]+ KB gzipped/);
    expect(first.stdout).toMatch(/Built 1 package in [\d.]+ m?s\./);
    await coursepack("build", STARTER, "--format", "web", "--out", b);
    expect(await sha(path.join(a, "starter-web.zip"))).toBe(await sha(path.join(b, "starter-web.zip")));
  });

  it("prints every error, exits 1 and leaves the previous output as it was", async () => {
    const out = await tempDir("cli-broken");
    expect((await coursepack("build", STARTER, "--format", "web", "--out", out)).code).toBe(0);
    await writeFile(path.join(out, "keep.txt"), "mine");
    const before = await sha(path.join(out, "starter-web.zip"));
    const listing = (await readdir(out)).sort();

    const course = path.join(await tempDir("cli-broken-src"), "course");
    await cp(path.join(FIXTURES, "broken", "many-errors"), course, { recursive: true });
    const failed = await coursepack("build", course, "--format", "web", "--out", out);
    expect(failed.code).toBe(1);
    const errors = failed.stderr.split("\n").filter((l) => l.includes(": error: "));
    expect(errors).toHaveLength(4);
    for (const line of errors) expect(line).toMatch(/^\S+:\d+:\d+: error: /);
    expect(failed.stderr).toContain("Build failed: 4 errors. Nothing was written.");

    expect((await readdir(out)).sort()).toEqual(listing);
    expect(await sha(path.join(out, "starter-web.zip"))).toBe(before);
  });

  it("scaffolds a new course and refuses a folder that is not empty", async () => {
    const parent = await tempDir("cli-new");
    const made = await coursepack("new", path.join(parent, "onboarding-basics"));
    expect(made.code).toBe(0);
    const yml = await readFile(path.join(parent, "onboarding-basics", "course.yml"), "utf8");
    expect(yml).toContain("id: onboarding-basics");
    expect(yml).toContain('title: "Onboarding basics"');
    await mkdir(path.join(parent, "busy"));
    await writeFile(path.join(parent, "busy", "x.txt"), "x");
    const refused = await coursepack("new", path.join(parent, "busy"));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("not empty");
  });

  it("says how to build a language that translate exports and imports but course.yml does not list", async () => {
    const course = path.join(await tempDir("cli-translate-unlisted"), "course");
    await cp(STARTER, course, { recursive: true });
    const xlf = path.join(course, "..", "fr.xlf");
    const exported = await coursepack("translate", "export", course, "--to", "fr", "-o", xlf);
    expect(exported.code).toBe(0);
    const hint = "French is not built until course.yml lists it: languages: [en, fr]";
    expect(exported.stdout).toContain(hint);
    await writeFile(xlf, translateXliff(await readFile(xlf, "utf8")));
    const imported = await coursepack("translate", "import", xlf, "--course", course);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(hint);
    // Listed, it says nothing more.
    const yml = path.join(course, "course.yml");
    await writeFile(
      yml,
      (await readFile(yml, "utf8")).replace("language: en\n", "language: en\nlanguages: [en, fr]\n"),
    );
    const again = await coursepack("translate", "import", xlf, "--course", course);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain("is not built until");
  });

  it("tells how to go into a new course's folder in words a shell takes, spaces and all", async () => {
    const target = path.join(await tempDir("cli-new-spaces"), "My First Course");
    const made = await coursepack("new", target);
    expect(made.code).toBe(0);
    expect(made.stdout + made.stderr).toContain(`cd "${path.relative(process.cwd(), target)}"\n`);
    expect(pasteable("my-course")).toBe("my-course");
    expect(pasteable("../courses/v1.2+new")).toBe("../courses/v1.2+new");
    if (process.platform !== "win32") expect(pasteable("it's $HOME")).toBe("'it'\\''s $HOME'");
  });
});
