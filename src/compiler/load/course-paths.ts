/**
 * Whether a path the author wrote stays inside the course folder. Written paths are checked as
 * written (`../x` leaves the folder) and then as the file system resolves them: a symbolic link in
 * the course folder — the file itself, or any folder on its way — that leads outside it would
 * otherwise put that file (`/etc/passwd`) into every package and serve it in the preview.
 */
import { realpathSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { nearest } from "../../shared/nearest.js";

/** `file` is below `root`, judged on the paths as written. */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/**
 * Where `file` really is, when symbolic links take it out of `root` (which may itself be reached
 * through a link, like macOS's /tmp); undefined when it stays inside or does not exist (the caller
 * reports a missing file in its own words). Synchronous: two realpath calls, also needed where a
 * translation adds an asset in the middle of a synchronous walk.
 */
export function linkedOutside(root: string, file: string): string | undefined {
  const realFile = real(file);
  if (realFile === undefined) return undefined;
  return isInside(real(root) ?? root, realFile) ? undefined : realFile;
}

/**
 * The C library's realpath: Node's JavaScript one lstat()s every folder on the way, and took three
 * times as long over a 1,000-lesson course's 2,000 files.
 */
function real(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** The end of an error message about such a link. */
export function linkAdvice(root: string, target: string): string {
  return `is a symbolic link to ${target}, outside the course folder; copy the file into ${path.basename(root)}/ instead of linking to it`;
}

export interface ListedFile {
  /** Path below the folder, "/"-separated. */
  rel: string;
  /** A symbolic link (to a file, or to a folder, which is not entered). */
  link: boolean;
}

/**
 * Every file below `dir`, without entering linked folders: Node's recursive readdir follows them,
 * so a link to / would walk the whole disk, and one to .. never ends. Missing `dir`: no files.
 */
export async function listFiles(dir: string, rel = ""): Promise<ListedFile[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
  const out: ListedFile[] = [];
  for (const e of entries) {
    const name = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, name)));
    else if (e.isFile() || e.isSymbolicLink()) out.push({ rel: name, link: e.isSymbolicLink() });
  }
  return out;
}

/**
 * For a path that names no file: the reference with the nearest name in its folder, when one is a
 * typo away (a misspelt or renamed file). File names allow a third of their length without folder
 * and extension in edits, fewer than other names: "c.md" is two edits from every other one-letter
 * lesson, and naming one of them would only mislead.
 */
export async function nearestFile(file: string, written: string): Promise<string | undefined> {
  const names = await readdir(path.dirname(file)).catch(() => []);
  const best = nearest(path.basename(file), names, fileEdits(file));
  return best && `${written.slice(0, written.lastIndexOf("/") + 1)}${best}`;
}

/** How many edits a misspelt file name may be from the one meant. */
export function fileEdits(file: string): number {
  return Math.floor(path.basename(file, path.extname(file)).length / 3);
}
