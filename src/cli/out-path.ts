/**
 * An option naming where a command writes (--out, --junit, --report), judged before the command
 * reads a course, an LRS or runs its browsers, so a mistyped path fails at once and in words.
 */
import { writeProblem } from "../shared/node/writable.js";

export function assertWritableOption(option: string, value: string, kind: "file" | "folder"): void {
  assertWritable(option, value, kind, `choose another ${kind}`);
}

/** Throws `<what> <path> <problem>; <fix>` when `path` cannot be written as a `kind`. */
export function assertWritable(what: string, path: string, kind: "file" | "folder", fix: string): void {
  const problem = writeProblem(path, kind);
  if (problem) throw new Error(`${what} ${path} ${problem}; ${fix}`);
}
