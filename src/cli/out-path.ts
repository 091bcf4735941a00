/**
 * An option naming where a command writes (--out, --junit, --report), judged before the command
 * reads a course, an LRS or runs its browsers, so a mistyped path fails at once and in words.
 */
import { writeProblem } from "../shared/node/writable.js";

export function assertWritableOption(option: string, value: string, kind: "file" | "folder"): void {
  const problem = writeProblem(value, kind);
  if (problem) throw new Error(`${option} ${value} ${problem}; choose another ${kind}`);
}
