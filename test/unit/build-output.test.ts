/**
 * The output folder: builds that share it (two terminals, CI steps) all succeed and never delete
 * each other's work; Ctrl+C leaves nothing behind; folders left by killed builds are cleared; and
 * the root, the home folder and system folders are refused before anything is built.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { watch } from "node:fs";
import { chmod, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/compiler/pipeline.js";
import { validatePackage } from "../../src/validator/validate.js";
import { tempDir } from "../support/build.js";
import { CLI, coursepack } from "../support/cli.js";

let starter = "";

beforeAll(async () => {
  starter = path.join(await tempDir("output-course"), "course");
  expect((await coursepack(["new", starter])).code).toBe(0);
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the output folder", () => {
  it("refuses the root, the home folder and system folders, before building", async () => {
    for (const out of ["/", os.homedir(), "/etc", "/usr/local/share/courses", "/var"]) {
      await expect(build({ dir: starter, outDir: out })).rejects.toThrow(
        /^the output folder .* (is the root of the file system|is your home folder|is a system folder); build into a folder of its own, such as dist$/,
      );
    }
    const cli = await coursepack(["build", starter, "--out", "/"]);
    expect(cli).toMatchObject({ code: 1, stdout: "" });
    expect(cli.stderr).toContain("coursepack: the output folder / is the root of the file system");
  });

  it("refuses an output folder that is a file, or below one, before reading the course", async () => {
    const dir = await tempDir("output-file");
    const file = path.join(dir, "dist");
    await writeFile(file, "not a folder");
    // The course does not exist: the output folder is judged first.
    const course = path.join(dir, "no-course-here");
    await expect(build({ dir: course, outDir: file })).rejects.toThrow(
      `the output folder ${file} is a file; choose another output folder`,
    );
    await expect(build({ dir: course, outDir: path.join(file, "web") })).rejects.toThrow(
      `the output folder ${path.join(file, "web")} cannot be made: ${file} is a file; choose another output folder`,
    );
  });

  it("refuses an output folder it may not write in, before reading the course", async () => {
    const dir = await tempDir("output-locked");
    const locked = path.join(dir, "locked");
    await mkdir(locked);
    await chmod(dir, 0o755);
    await chmod(locked, 0o555);
    const out = path.join(locked, "dist");
    // Root may write anywhere: as root, the command runs as nobody.
    const asRoot = process.getuid?.() === 0;
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, "build", path.join(dir, "no-course"), "--out", out], {
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        env: { ...process.env, NO_COLOR: "1" },
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
      child.on("close", (code) => resolve({ code, stderr }));
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `the output folder ${out} cannot be made: you may not write in ${locked}; choose another output folder`,
    );
  });

  it("lets three builds into the same folder all succeed; the last one's packages are there, whole", async () => {
    const out = await tempDir("output-shared");
    const runs = await Promise.all(
      Array.from({ length: 3 }, () => coursepack(["build", starter, "--out", out, "--format", "web,scorm12"])),
    );
    expect(runs.map((r) => [r.code, r.stderr])).toEqual(Array.from({ length: 3 }, () => [0, ""]));
    const names = await readdir(out);
    expect(names.sort()).toEqual(["course-scorm12", "course-scorm12.zip", "course-web", "course-web.zip"]);
    expect((await validatePackage(path.join(out, "course-scorm12.zip"), { format: "scorm12" })).valid).toBe(true);
  }, 180_000);

  it("clears staging folders and a lock left by a build that was killed", async () => {
    const out = await tempDir("output-abandoned");
    const dead = 999_999;
    expect(isRunning(dead)).toBe(false);
    await mkdir(path.join(out, `.coursepack-staging-${dead}-0badf00d`, "course-web"), { recursive: true });
    await mkdir(path.join(out, ".coursepack-lock"));
    await writeFile(path.join(out, ".coursepack-lock", "pid"), String(dead));
    await build({ dir: starter, outDir: out, formats: ["web"] });
    expect((await readdir(out)).sort()).toEqual(["course-web", "course-web.zip"]);
  });

  it("removes its staging folder when stopped with Ctrl+C, and leaves the previous output as it was", async () => {
    const out = await tempDir("output-interrupted");
    await writeFile(path.join(out, "previous.txt"), "the last good build");
    // A large asset that does not compress keeps the build busy packaging for a while.
    await writeFile(path.join(starter, "images", "noise.bin"), randomBytes(24 * 1024 * 1024));
    const lesson = path.join(starter, "lessons", "01-welcome.md");
    const text = await readFile(lesson, "utf8");
    await writeFile(lesson, `${text}\n[Download the data](../images/noise.bin)\n`);
    try {
      const child = spawn(process.execPath, [CLI, "build", starter, "--out", out], { stdio: "ignore" });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      const watcher = watch(out);
      const staged = new Promise<boolean>((resolve) => {
        watcher.on("change", () => {
          void readdir(out).then((names) => {
            if (names.some((n) => n.startsWith(".coursepack-staging-"))) resolve(true);
          });
        });
      });
      // Interrupt once the build is packaging (its staging folder exists); it must not finish first.
      expect(await Promise.race([staged, exited.then(() => false)])).toBe(true);
      watcher.close();
      child.kill("SIGINT");
      expect(await exited).toBe(130);
      expect(await readdir(out)).toEqual(["previous.txt"]);
    } finally {
      await writeFile(lesson, text);
    }
  }, 180_000);
});
