/**
 * Finds and reads LMS profiles: the ones Coursepack ships (profiles/<id>.yml) by id, or a profile
 * file of the user's own by path. A profile that does not match the schema is refused with each
 * problem at its `file:line:col`, so a custom profile is as easy to fix as a course file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { didYouMean } from "../shared/nearest.js";
import { PROFILES_DIR } from "../shared/node/paths.js";
import { issueReports } from "../shared/schema-issues.js";
import { explainedErrors } from "../shared/yaml/explain.js";
import { readYaml } from "../shared/yaml/read.js";
import { type LmsProfile, profileSchema } from "./schema.js";

/** The profile used when neither course.yml nor --lms names one. */
export const DEFAULT_PROFILE = "generic";

/** A problem of a profile file, at its place. */
export interface ProfileProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export class LmsProfileError extends Error {
  /** @param problems a profile file's own problems, each at its place (none for an unknown name) */
  constructor(
    message: string,
    readonly problems: readonly ProfileProblem[] = [],
  ) {
    super(message);
  }
}

const cache = new Map<string, LmsProfile>();

/** Ids of the shipped profiles, the default first, then alphabetical. */
export function profileIds(): string[] {
  const ids = readdirSync(PROFILES_DIR)
    .filter((f) => f.endsWith(".yml"))
    .map((f) => f.slice(0, -".yml".length))
    .sort();
  return [DEFAULT_PROFILE, ...ids.filter((id) => id !== DEFAULT_PROFILE)];
}

export function listProfiles(): LmsProfile[] {
  return profileIds().map((id) => loadProfile(id));
}

/** Whether `name` is a file path rather than a profile id. */
export function isProfilePath(name: string): boolean {
  return /[\\/]/.test(name) || /\.ya?ml$/i.test(name);
}

/**
 * A shipped profile by id, or a profile file by path (relative paths from `baseDir`, course.yml's
 * folder or the working directory).
 */
export function loadProfile(name: string, baseDir = process.cwd()): LmsProfile {
  const file = isProfilePath(name) ? path.resolve(baseDir, name) : path.join(PROFILES_DIR, `${name}.yml`);
  const cached = cache.get(file);
  if (cached) return cached;
  if (!existsSync(file)) {
    if (isProfilePath(name)) throw new LmsProfileError(`${name}: there is no such LMS profile file`);
    const ids = profileIds();
    throw new LmsProfileError(
      `unknown LMS "${name}"${didYouMean(name, ids)}; choose from ${ids.join(", ")}, or give the path of a profile file`,
    );
  }
  const profile = parseProfile(file, readFileSync(file, "utf8"));
  if (!isProfilePath(name) && profile.id !== name)
    throw new LmsProfileError(`${file}: its id is "${profile.id}", but the file is named ${name}.yml`);
  cache.set(file, profile);
  return profile;
}

/**
 * Validates a profile's text. A profile that fails is refused with each problem at its place, in
 * the words course files get (shared/yaml/explain.ts, shared/schema-issues.ts); the message lists them as
 * `file:line:col: message`.
 */
export function parseProfile(file: string, text: string): LmsProfile {
  const yaml = readYaml(text);
  const at = (offset: number, message: string): ProfileProblem => ({ file, ...yaml.lineCol(offset), message });
  let problems: ProfileProblem[];
  if (yaml.errors.length > 0) problems = explainedErrors(yaml).map((e) => at(e.offset, e.message));
  else {
    const result = profileSchema.safeParse(yaml.value, { reportInput: true });
    if (result.success) return result.data;
    problems = issueReports(profileSchema, result.error.issues, "the profile").map(({ path, key, message }) =>
      at((key === undefined ? undefined : yaml.offsets.key(path, key)) ?? yaml.offsetOf(path), message),
    );
  }
  const listed = problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join("\n");
  throw new LmsProfileError(`${file} is not a valid LMS profile:\n${listed}`, problems);
}
