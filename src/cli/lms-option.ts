/** The --lms option of build, validate and test: a profile id or profile file, or a usage error. */
import path from "node:path";
import { type LmsProfile, LmsProfileError, loadProfile } from "../lms-profiles/index.js";
import { UsageError } from "./usage.js";

export function lmsOption(name: string | undefined): LmsProfile | undefined {
  if (name === undefined) return undefined;
  try {
    return loadProfile(name);
  } catch (error) {
    if (error instanceof LmsProfileError) throw new UsageError(`--lms: ${profileErrorText(error)}`);
    throw error;
  }
}

/** A profile that does not load, for the terminal: a file's problems each on a line, paths as typed. */
export function profileErrorText(error: LmsProfileError): string {
  if (error.problems.length === 0) return error.message;
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  const lines = error.problems.map((p) => `  ${shown(p.file)}:${p.line}:${p.col}: ${p.message}`);
  return `${shown(error.problems[0]!.file)} is not a valid LMS profile:\n${lines.join("\n")}`;
}
