// Preview rebuild after editing one lesson: the median time from writing a lesson file to the
// rebuilt course being ready to serve (the preview's build event), on a copy of the course in a
// temp folder. It includes the file watcher's debounce; the first edit warms up and is not counted.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export async function measurePreviewRebuild(courseDir, runs) {
  const { startPreview } = await import(new URL("../lib/preview.js", import.meta.url).href);
  const dir = await mkdtemp(path.join(os.tmpdir(), "coursepack-preview-bench-"));
  await cp(courseDir, dir, { recursive: true });
  const lessons = (await readdir(path.join(dir, "lessons"))).filter((f) => f.endsWith(".md")).sort();
  const lesson = path.join(dir, "lessons", lessons[Math.floor(lessons.length / 2)]);
  const original = await readFile(lesson, "utf8");
  const preview = await startPreview({ source: dir, format: "scorm2004" });
  const times = [];
  try {
    if (!preview.state().build?.ok) throw new Error(`the course in ${courseDir} does not build`);
    for (let i = 0; i <= runs; i++) {
      const built = preview.nextBuild();
      const started = performance.now();
      await writeFile(lesson, `${original}\nEdit number ${i} while previewing.\n`);
      const status = await built;
      if (!status.ok || status.rebuilt.files.length !== 1)
        throw new Error(`unexpected rebuild: ${JSON.stringify(status)}`);
      if (i > 0) times.push(performance.now() - started);
    }
  } finally {
    await preview.close();
    await rm(dir, { recursive: true, force: true });
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
