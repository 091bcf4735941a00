/**
 * Folders a build must never write into: a build stages its packages beside the old ones and
 * renames them into place, so `--out /` or `--out ~` would litter (and, with a careless name,
 * replace) files of the system or of the user's home. Judged on the real path, so a link to /etc
 * is /etc.
 */
import { realpathSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeProblem } from "../../shared/node/writable.js";

/** System folders, refused themselves and everything below them. */
const SYSTEM_TREES = [
  "/bin",
  "/boot",
  "/dev",
  "/etc",
  "/lib",
  "/lib32",
  "/lib64",
  "/libx32",
  "/proc",
  "/sbin",
  "/sys",
  "/usr",
  "/System",
  "/Library",
  "/private/etc",
  "/private/var/db",
  "C:\\Windows",
  "C:\\Program Files",
  "C:\\Program Files (x86)",
  "C:\\ProgramData",
];

/** Folders that hold others' folders: refused themselves, fine below (`/var/www/courses`, `/opt/lms`). */
const SYSTEM_FOLDERS = [
  "/var",
  "/opt",
  "/srv",
  "/run",
  "/mnt",
  "/media",
  "/home",
  "/Users",
  "/Volumes",
  "/Applications",
  "/private",
  "C:\\Users",
];

/** Why `dir` must not be an output folder, or undefined when it may be. */
export function outDirProblem(dir: string): string | undefined {
  const real = realPathOf(path.resolve(dir));
  const same = (a: string, b: string) => (process.platform === "win32" ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (same(real, path.parse(real).root)) return "is the root of the file system";
  if (same(real, os.homedir())) return "is your home folder";
  if (SYSTEM_FOLDERS.some((f) => same(real, f)) || SYSTEM_TREES.some((f) => same(real, f) || isBelow(real, f)))
    return "is a system folder";
  return undefined;
}

function isBelow(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/** The real path of `dir`, or of its nearest existing parent with the rest appended (it may not exist yet). */
function realPathOf(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    const parent = path.dirname(dir);
    return parent === dir ? dir : path.join(realPathOf(parent), path.basename(dir));
  }
}

/**
 * Throws when `dir` must not or cannot be an output folder. Checked before the course is read, so
 * a mistyped --out fails at once, in words: Node's own "EEXIST: file already exists, mkdir" names
 * no fix, and came only after a large course had been read.
 */
export function assertOutDir(dir: string): void {
  const problem = outDirProblem(dir);
  if (problem) throw new Error(`the output folder ${dir} ${problem}; build into a folder of its own, such as dist`);
  const blocked = writeProblem(dir, "folder");
  if (blocked) throw new Error(`the output folder ${dir} ${blocked}; choose another output folder`);
}
