/**
 * The preview's watcher (preview/server/watcher.ts) sees every save of a course file, however the
 * editor saves it: in place, or by renaming a new file over the old one (Vim, JetBrains, gedit),
 * again and again. Node 20's recursive fs.watch lost a file after its first rename-save.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ignoredInCourse, watchTree, type TreeWatcher } from "../../src/preview/server/watcher.js";
import { tempDir } from "../support/build.js";
import { saveByRename } from "../support/editor-saves.js";

let watcher: TreeWatcher | undefined;
afterEach(async () => {
  await watcher?.close();
});

/** A course folder, watched: `next()` resolves with the next burst of changes. */
async function watched(): Promise<{ dir: string; next(): Promise<string[]>; bursts: string[][] }> {
  const dir = await tempDir("watcher");
  await mkdir(path.join(dir, "lessons"));
  await mkdir(path.join(dir, "node_modules", "pkg"), { recursive: true });
  await mkdir(path.join(dir, "dist"));
  await writeFile(path.join(dir, "course.yml"), "title: Watched\n");
  await writeFile(path.join(dir, "lessons", "a.md"), "---\ntitle: A\n---\n");
  const bursts: string[][] = [];
  let waiting: ((changed: string[]) => void) | undefined;
  watcher = await watchTree(
    dir,
    (changed) => {
      bursts.push(changed);
      waiting?.(changed);
      waiting = undefined;
    },
    { ignore: ignoredInCourse },
  );
  const next = () =>
    new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no change reported within 5 s")), 5000);
      waiting = (changed) => {
        clearTimeout(timer);
        resolve(changed);
      };
    });
  return { dir, next, bursts };
}

describe("the preview's watcher", () => {
  it("sees every save of a file, in place or renamed over it", async () => {
    const { dir, next } = await watched();
    const lesson = path.join(dir, "lessons", "a.md");
    for (const [i, save] of [saveByRename, writeFile, saveByRename, saveByRename, writeFile].entries()) {
      const changed = next();
      await save(lesson, `---\ntitle: Save ${i}\n---\n`);
      expect(await changed, `save ${i} (${save.name})`).toEqual(["lessons/a.md"]);
    }
    const changed = next();
    await saveByRename(path.join(dir, "course.yml"), "title: Renamed\n");
    // On a busy machine the last in-place save's second event (truncate, then write) can arrive
    // more than the debounce apart, and so in this burst: the lesson may be named again with it.
    const reported = await changed;
    expect(reported).toContain("course.yml");
    expect(reported.filter((f) => f !== "course.yml" && f !== "lessons/a.md")).toEqual([]);
  });

  it("sees files in a new folder, and nothing in the folders a course ignores", async () => {
    const { dir, next, bursts } = await watched();
    await writeFile(path.join(dir, "dist", "course-web.zip"), "zip");
    await writeFile(path.join(dir, "node_modules", "pkg", "index.js"), "js");
    await writeFile(path.join(dir, "lessons", "a.md~"), "backup");
    const changed = next();
    await mkdir(path.join(dir, "lessons", "part-2"));
    await writeFile(path.join(dir, "lessons", "part-2", "b.md"), "---\ntitle: B\n---\n");
    const reported = [...(await changed)];
    // The folder and its file may arrive in one burst or two.
    if (!reported.includes("lessons/part-2/b.md")) reported.push(...(await next()));
    expect(reported).toContain("lessons/part-2/b.md");
    expect(bursts.flat().filter((f) => !f.startsWith("lessons/part-2"))).toEqual([]);
  });
});
