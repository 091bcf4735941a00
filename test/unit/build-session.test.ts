/**
 * The preview's incremental build session: its packages are the build's, byte for byte, whatever
 * was reused; an edit rebuilds only what depends on it; diagnostics of reused files are still
 * reported.
 */
import { appendFile, readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { BuildFailed } from "../../src/compiler/diagnostics.js";
import { BuildSession, type SessionBuild } from "../../src/compiler/session.js";
import type { FormatId } from "../../src/shared/course-data.js";
import { ROOT, buildInto, tempDir } from "../support/build.js";
import { readFolder } from "../support/zip.js";
import { copyStarter } from "../../src/cli/starter.js";

let dir: string;

beforeEach(async () => {
  dir = path.join(await tempDir("session"), "course");
  await copyStarter(dir);
});

const lesson1 = () => path.join(dir, "lessons", "01-welcome.md");
const lesson2 = () => path.join(dir, "lessons", "02-writing-lessons.md");

/** Text files as text (readable diffs), others as base64. */
const show = (name: string, bytes: Uint8Array) =>
  Buffer.from(bytes).toString(/\.(html|css|js|xml)$/.test(name) ? "utf8" : "base64");

async function contents(build: SessionBuild): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of build.files)
    out[f.name] = show(f.name, "content" in f ? Buffer.from(f.content) : await readFile(f.source));
  return out;
}

/** What `coursepack build` writes for the format, file by file. */
async function fullBuild(format: FormatId): Promise<Record<string, string>> {
  const result = await buildInto(dir, { formats: [format] });
  const files = await readFolder(path.join(result.outDir, result.outputs[0]!.folderName));
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [
      name,
      show(name, typeof bytes === "string" ? Buffer.from(bytes) : bytes),
    ]),
  );
}

describe("incremental build session", () => {
  it("gives the same package files as the build, for every format", async () => {
    const session = new BuildSession(dir);
    for (const format of ["scorm2004", "scorm12", "cmi5", "xapi", "web"] as FormatId[]) {
      expect(await contents(await session.build(format)), format).toEqual(await fullBuild(format));
    }
  });

  it("after a lesson edit, models and renders that lesson only, and still matches a full build", async () => {
    const session = new BuildSession(dir);
    const first = await session.build("scorm2004");
    expect(first.rebuilt.files).toHaveLength(3);
    expect(first.rebuilt).toMatchObject({ templates: true, css: true });

    await appendFile(lesson2(), "\nA paragraph added while previewing.\n");
    const second = await session.build("scorm2004");
    expect(second.rebuilt).toEqual({ files: [lesson2()], pages: ["writing-lessons"], templates: false, css: false });
    expect(second.rendered.page.toString()).toContain("A paragraph added while previewing.");
    expect(await contents(second)).toEqual(await fullBuild("scorm2004"));

    const unchanged = await session.build("scorm2004");
    expect(unchanged.rebuilt).toEqual({ files: [], pages: [], templates: false, css: false });
  });

  it("re-renders every page from kept models when a template changes, with links resolved as the first time", async () => {
    const session = new BuildSession(dir);
    const first = await session.build("web");
    // Lesson 1 links to lesson 2 and shows an image: rendering them again must give the same HTML.
    expect(first.rendered.page.toString()).toContain('data-page="writing-lessons"');
    await mkdir(path.join(dir, "templates"), { recursive: true });
    const lesson = await readFile(path.join(ROOT, "templates", "lesson.hbs"), "utf8");
    await writeFile(
      path.join(dir, "templates", "lesson.hbs"),
      lesson.replace("<section", "<section data-custom-template"),
    );
    const second = await session.build("web");
    expect(second.rebuilt.files).toEqual([]);
    expect(second.rebuilt.templates).toBe(true);
    expect(second.rebuilt.pages).toEqual(["welcome", "writing-lessons", "check-your-understanding"]);
    expect(second.rendered.page.toString()).toContain("data-custom-template");
    expect(await contents(second)).toEqual(await fullBuild("web"));
  });

  it("re-models quizzes, not lessons, when course.yml's pass mark changes", async () => {
    const session = new BuildSession(dir);
    await session.build("scorm12");
    const course = path.join(dir, "course.yml");
    await writeFile(course, (await readFile(course, "utf8")).replace("passingScore: 80", "passingScore: 60"));
    const second = await session.build("scorm12");
    expect(second.rebuilt.files).toEqual([path.join(dir, "quizzes", "check-your-understanding.yml")]);
    expect(second.data.quizzes["check-your-understanding"]?.passingScore).toBe(60);
  });

  it("reports a broken file on every run until it is fixed, and builds again once it is", async () => {
    const session = new BuildSession(dir);
    await session.build("scorm2004");
    const good = await readFile(lesson1(), "utf8");
    await writeFile(lesson1(), good.replace("title: Welcome", "title: [unclosed"));
    const errorsOf = (run: Promise<unknown>) =>
      run.then(
        () => [],
        (e: unknown) => {
          expect(e).toBeInstanceOf(BuildFailed);
          return (e as BuildFailed).diagnostics
            .sorted()
            .map((d) => `${path.basename(d.file)}:${d.line}:${d.col}: ${d.severity}: ${d.message}`);
        },
      );
    const expected = await errorsOf(checkCourse(dir, ["scorm2004"]));
    expect(expected[0]).toMatch(/^01-welcome\.md:\d+:\d+: error: /);
    // The second run reuses the broken file's parse and replays its diagnostics.
    for (let run = 0; run < 2; run++) expect(await errorsOf(session.build("scorm2004"))).toEqual(expected);
    await writeFile(lesson1(), good);
    const fixed = await session.build("scorm2004");
    expect(fixed.rebuilt.files).toEqual([lesson1()]);
  });
});
