/**
 * Watches a folder tree and reports the files that changed once a burst of events has settled:
 * editors write a file in several steps (truncate, write, rename from a swap file), and one save
 * should give one rebuild.
 *
 * chokidar watches each folder, not each file: Node 20's recursive fs.watch watches each file's
 * inode on Linux, so a file that an editor saves by renaming a new file over it (Vim, JetBrains,
 * gedit, Kate) was never seen again after its first save. chokidar also stops at ignored folders
 * (node_modules, dist/), which fs.watch descended into.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { watch } from "chokidar";

export interface TreeWatcher {
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Quiet time after the last event before reporting. */
  debounceMs?: number;
  /** Paths (relative, "/"-separated) whose changes do not matter. */
  ignore?: (relative: string) => boolean;
  onError?: (error: Error) => void;
}

/** Starts watching; resolves once every folder is watched, so no change after it is missed. */
export async function watchTree(
  dir: string,
  onChange: (relative: string[]) => void,
  options: WatchOptions = {},
): Promise<TreeWatcher> {
  const debounceMs = options.debounceMs ?? 25;
  const relativeOf = (file: string) => path.relative(dir, file).split(path.sep).join("/");
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const rechecks = new Set<NodeJS.Timeout>();
  const report = (file: string) => {
    pending.add(relativeOf(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending].filter(Boolean).sort();
      pending.clear();
      onChange(changed);
    }, debounceMs);
  };
  const watcher = watch(dir, {
    ignoreInitial: true,
    ignored: (file) => {
      const relative = relativeOf(file);
      return relative !== "" && (options.ignore?.(relative) ?? false);
    },
  });
  watcher.on("all", (event, file) => {
    report(file);
    if (event !== "add" && event !== "change") return;
    // chokidar drops a file's second change within 50 ms of its first, so a save followed at once by
    // a formatter's rewrite would leave the preview on the first version: look again after that.
    const seen = fingerprint(file);
    const recheck = setTimeout(async () => {
      rechecks.delete(recheck);
      if ((await fingerprint(file)) !== (await seen)) report(file);
    }, CHOKIDAR_CHANGE_THROTTLE_MS + 10);
    rechecks.add(recheck);
  });
  watcher.on("error", (error) => options.onError?.(error as Error));
  await new Promise<void>((resolve) => watcher.once("ready", resolve));
  return {
    async close() {
      clearTimeout(timer);
      for (const recheck of rechecks) clearTimeout(recheck);
      await watcher.close();
    },
  };
}

/** chokidar's `_throttle("change", path, 50)` in its emitter (chokidar 5.0). */
const CHOKIDAR_CHANGE_THROTTLE_MS = 50;

/** What tells two versions of a file apart without reading it. */
async function fingerprint(file: string): Promise<string> {
  try {
    const { ino, size, mtimeMs } = await stat(file);
    return `${ino}:${size}:${mtimeMs}`;
  } catch {
    return "gone";
  }
}

/**
 * What a course's preview ignores: hidden files and folders (.git, editor swap files), editor
 * backups, node_modules, and the build's default output folder `dist/`, so that running
 * `coursepack build` inside the course does not trigger a rebuild.
 */
export function ignoredInCourse(relative: string): boolean {
  const segments = relative.split("/");
  const name = segments.at(-1) ?? "";
  if (segments.some((s) => s.startsWith(".") || s === "node_modules")) return true;
  if (segments[0] === "dist") return true;
  // Vim probes a folder with a file named 4913; Emacs and others leave name~ backups.
  return name.endsWith("~") || name === "4913";
}
