// `coursepack diff` speed: the median wall time of the command (one process, as a user runs it) on
// two course folders that differ by one edited lesson, each built in memory for SCORM 1.2, and on
// the two packages built from them.
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const cli = path.join(root, "bin", "coursepack.js");

function timed(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
    times.push(performance.now() - started);
    if (child.status !== 0 && child.status !== 2)
      throw new Error(`coursepack ${args.join(" ")} failed:\n${child.stderr}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export async function measureDiff(courseDir, runs) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "coursepack-diff-bench-"));
  try {
    const [before, after, out] = ["before", "after", "out"].map((name) => path.join(dir, name));
    await cp(courseDir, before, { recursive: true });
    await cp(courseDir, after, { recursive: true });
    const lessons = (await readdir(path.join(after, "lessons"))).filter((f) => f.endsWith(".md")).sort();
    const lesson = path.join(after, "lessons", lessons[Math.floor(lessons.length / 2)]);
    await writeFile(lesson, `${await readFile(lesson, "utf8")}\nOne more sentence.\n`);
    const folders = timed(["diff", before, after, "--format", "scorm12", "--json"], runs);
    const zips = [];
    for (const [name, course] of [
      ["a", before],
      ["b", after],
    ]) {
      const to = path.join(out, name);
      spawnSync(process.execPath, [cli, "build", course, "-f", "scorm12", "--no-folders", "-o", to]);
      zips.push(
        path.join(
          to,
          (await readdir(to)).find((f) => f.endsWith(".zip")),
        ),
      );
    }
    const packages = timed(["diff", ...zips, "--json"], runs);
    return { folders, zips: packages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
