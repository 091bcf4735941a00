/**
 * An author's first day, from the packed tarballs: `npm create coursepack` (create-coursepack's
 * tarball, with coursepack's), then with the installed coursepack: edit a lesson while
 * `coursepack dev` previews it, build from inside the course folder, validate what was built.
 */
import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { npmEnv } from "../../scripts/pack.mjs";
import { saveByRename } from "../support/editor-saves.js";
import { installed, pkg, type Running, scratch, start } from "./installed.js";

const run = promisify(execFile);

/**
 * Waits for the preview's rebuilds of the lesson printed after `from` until the page it serves
 * shows `text`, and returns where the output had got to. One save may give two rebuilds (the
 * watcher looks again after chokidar's 50 ms throttle), so the first rebuild seen may be one the
 * edit before started; a save the preview never picked up times the test out.
 */
async function servedAfterRebuilds(dev: Running, url: string, from: number, text: string): Promise<number> {
  for (let at = from; ; ) {
    const rebuilt = await dev.waitFor(/✓ built web in .*01-welcome\.md/, at);
    at += rebuilt.index! + rebuilt[0].length;
    if ((await (await fetch(new URL("course/index.html", url))).text()).includes(text)) return at;
  }
}

/** `npm create coursepack@latest <args>` as npm runs it (npm exec create-coursepack), from the tarballs. */
async function npmCreate(cwd: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(
    "npm",
    [
      "exec",
      "--yes",
      "--prefer-offline",
      `--package=${pkg.tarball}`,
      `--package=${pkg.createTarball}`,
      "--",
      "create-coursepack",
      ...args,
    ],
    { cwd, env: { ...npmEnv(), NO_COLOR: "1" } },
  );
}

describe("an author's first day, from the packed packages", () => {
  it("npm create coursepack → edit with dev running → build → validate", { timeout: 240_000 }, async () => {
    const home = await scratch("journey");
    const created = await npmCreate(home, "onboarding");
    expect(created.stdout).toContain("Created Onboarding in onboarding");
    expect(created.stdout).toContain("npm run dev");
    const course = path.join(home, "onboarding");
    const files = (await readdir(course, { recursive: true })).map((f) => f.split(path.sep).join("/"));
    expect(files).toEqual(
      expect.arrayContaining([
        "course.yml",
        "package.json",
        ".gitignore",
        ".vscode/extensions.json",
        ".vscode/settings.json",
        "lessons/01-welcome.md",
        "quizzes/check-your-understanding.yml",
      ]),
    );
    const manifest = JSON.parse(await readFile(path.join(course, "package.json"), "utf8"));
    const version = (JSON.parse(await readFile(path.join(pkg.root, "package.json"), "utf8")) as { version: string })
      .version;
    expect(manifest).toMatchObject({ name: "onboarding", devDependencies: { coursepack: `^${version}` } });

    // `coursepack dev` (the preview) in the course folder rebuilds when a lesson changes.
    const dev = start(["dev", "--format", "web"], { cwd: course });
    try {
      const url = (await dev.waitFor(/➜ (http:\/\/127\.0\.0\.1:\d+\/)/))[1]!;
      await dev.waitFor(/✓ built web in/);
      const lesson = path.join(course, "lessons", "01-welcome.md");
      let from = dev.output().length;
      await writeFile(lesson, (await readFile(lesson, "utf8")).replace("title: Welcome", "title: Welcome aboard"));
      from = await servedAfterRebuilds(dev, url, from, "Welcome aboard");
      // Saved again as Vim and JetBrains save: a new file renamed over the old one.
      await saveByRename(lesson, (await readFile(lesson, "utf8")).replace("Welcome aboard", "Welcome on board"));
      await servedAfterRebuilds(dev, url, from, "Welcome on board");
    } finally {
      expect(await dev.stop()).toBe(0);
    }

    const built = await installed("build", "--json", { cwd: course });
    expect(built.code).toBe(0);
    const result = JSON.parse(built.stdout) as {
      ok: boolean;
      packages: { format: string; zip: string }[];
      problems: unknown[];
    };
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.packages.map((p) => p.format).sort()).toEqual(["cmi5", "scorm12", "scorm2004", "web", "xapi"]);
    // What goes to the LMS: every package but the web one, which has no manifest to check.
    const lms = result.packages.filter((p) => p.format !== "web").map((p) => p.zip);
    const checked = await installed("validate", ...lms, "--json", { cwd: course });
    const reports = JSON.parse(checked.stdout) as { valid: boolean; standard: string }[];
    expect(reports.map((r) => r.valid)).toEqual([true, true, true, true]);
    expect(checked.code).toBe(0);
  });

  it("npm create coursepack without a folder name makes my-course", { timeout: 120_000 }, async () => {
    const home = await scratch("create-default");
    const created = await npmCreate(home);
    expect(created.stdout).toContain("Created My course in my-course");
    expect((await readdir(path.join(home, "my-course"))).sort()).toContain("course.yml");
  });
});
