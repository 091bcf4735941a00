/**
 * Watches a folder tree (Node 20's recursive fs.watch, inotify on Linux) and reports the files
 * that changed once a burst of events has settled: editors write a file in several steps
 * (truncate, write, rename from a swap file), and one save should give one rebuild.
 */
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";

export interface TreeWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Quiet time after the last event before reporting. */
  debounceMs?: number;
  /** Paths (relative, "/"-separated) whose changes do not matter. */
  ignore?: (relative: string) => boolean;
  onError?: (error: Error) => void;
}

export function watchTree(
  dir: string,
  onChange: (relative: string[]) => void,
  options: WatchOptions = {},
): TreeWatcher {
  const debounceMs = options.debounceMs ?? 25;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, name) => {
    const relative = name ? String(name).split(path.sep).join("/") : "";
    if (relative && options.ignore?.(relative)) return;
    pending.add(relative);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending].filter(Boolean).sort();
      pending.clear();
      onChange(changed);
    }, debounceMs);
  });
  watcher.on("error", (error) => options.onError?.(error));
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
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
