/** The --lms option of build, validate and test: a profile id or profile file, or a usage error. */
import { type LmsProfile, LmsProfileError, loadProfile } from "../lms-profiles/index.js";
import { UsageError } from "./usage.js";

export function lmsOption(name: string | undefined): LmsProfile | undefined {
  if (name === undefined) return undefined;
  try {
    return loadProfile(name);
  } catch (error) {
    if (error instanceof LmsProfileError) throw new UsageError(`--lms: ${error.message}`);
    throw error;
  }
}
