/**
 * Whether a command can write a file or make a folder at a path, judged before any work is done
 * and said in words: Node's own errors ("EEXIST: file already exists, mkdir '/tmp/x'") name no fix,
 * and came after the course had been read and built.
 */
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/**
 * Why `target` cannot be written as a `kind`, or undefined when, as far as can be told, it can:
 * the nearest part of the path that exists must be a folder the user may write in (or, for the
 * target itself, already of the right kind).
 */
export function writeProblem(target: string, kind: "file" | "folder"): string | undefined {
  const full = path.resolve(target);
  let existing = full;
  for (;;) {
    try {
      const isFolder = statSync(existing).isDirectory();
      if (existing === full && isFolder !== (kind === "folder")) return isFolder ? "is a folder" : "is a file";
      if (existing !== full && !isFolder) return `cannot be made: ${existing} is a file`;
      // The file itself when it exists, else the folder it goes into.
      accessSync(existing, constants.W_OK);
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
        const why = code === "EROFS" ? `${existing} is on a read-only file system` : `you may not write in ${existing}`;
        return `cannot be ${existing === full ? "written" : "made"}: ${why}`;
      }
      // ENOTDIR: a file further up the path, found on the way up.
      if ((code !== "ENOENT" && code !== "ENOTDIR") || path.dirname(existing) === existing) return undefined;
      existing = path.dirname(existing);
    }
  }
}
