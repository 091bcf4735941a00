/**
 * LMS profiles: data about one LMS that the build, `validate --lms` and `coursepack test` read.
 * Helpers here answer the questions those programs ask of a profile, so none of them needs to know
 * which LMS it is.
 */
import type { FormatId } from "../shared/course-data.js";
import { type LmsQuirks, type RecordQuirk, SIMULATED_LMS, type SimulatedLms } from "../shared/lms-quirks.js";
import type { LaunchMode, LmsFormat, LmsProfile, LmsSource } from "./schema.js";

export { DEFAULT_PROFILE, isProfilePath, listProfiles, LmsProfileError, loadProfile, profileIds } from "./load.js";
export {
  LAUNCH_MODES,
  LMS_FORMATS,
  SCORM12_STATUS_PAIRS,
  type AdminSetting,
  type LaunchMode,
  type LmsFormat,
  type LmsLimit,
  type LmsProfile,
  type LmsSource,
} from "./schema.js";

/** The SCORM 2004 edition `scorm2004` builds for this LMS: the profile's choice, else 3rd when it takes it. */
export function scorm2004Edition(profile: LmsProfile): "3rd" | "4th" {
  const { accepts, scorm2004Edition } = profile.formats;
  return scorm2004Edition ?? (accepts.includes("scorm2004-3rd") || !accepts.includes("scorm2004-4th") ? "3rd" : "4th");
}

/** The LMS format a build format produces for this LMS (`web` is no LMS format). */
export function lmsFormatOf(format: FormatId, profile: LmsProfile): LmsFormat | undefined {
  switch (format) {
    case "web":
      return undefined;
    case "scorm2004":
      return `scorm2004-${scorm2004Edition(profile)}`;
    case "scorm12":
    case "scorm2004-3rd":
    case "scorm2004-4th":
    case "xapi":
    case "cmi5":
      return format;
  }
}

/** Whether the LMS imports what `format` builds; a web package is never uploaded, so it always passes. */
export function acceptsFormat(profile: LmsProfile, format: FormatId): boolean {
  const lms = lmsFormatOf(format, profile);
  return lms === undefined || profile.formats.accepts.includes(lms);
}

export function sourceOf(profile: LmsProfile, key: string): LmsSource {
  const source = profile.sources[key];
  if (!source) throw new Error(`LMS profile ${profile.id} cites an unknown source "${key}"`);
  return source;
}

/**
 * How the LMS's API departs from the standard, for the tests' LMS (ScormLms): the simulated LMS the
 * profile names plus its own runtime quirks (their sources written out). Undefined when none.
 */
export function simulationOf(profile: LmsProfile): LmsQuirks | undefined {
  const simulated = profile.simulation ? SIMULATED_LMS[profile.simulation.lms as SimulatedLms] : undefined;
  const own = profile.runtime.map((q) => {
    const s = sourceOf(profile, q.source);
    return { ...q, source: s.url ? `${s.title} (${s.url})` : s.title };
  });
  if (!simulated && own.length === 0) return undefined;
  return { id: profile.id, name: simulated?.name ?? profile.name, quirks: [...(simulated?.quirks ?? []), ...own] };
}

export function recordQuirks(profile: LmsProfile): RecordQuirk[] {
  return profile.quirks;
}

/** Human names of launch modes, as LMS admin screens call them. */
export const LAUNCH_MODE_NAMES: Record<LaunchMode, string> = {
  frame: "in a frame of the LMS page",
  frameset: "in a frame below the LMS's player frame",
  popup: "in a popup window",
  "new-window": "in a new window or tab",
};

export const LMS_FORMAT_NAMES: Record<LmsFormat, string> = {
  scorm12: "SCORM 1.2",
  "scorm2004-3rd": "SCORM 2004 3rd edition",
  "scorm2004-4th": "SCORM 2004 4th edition",
  xapi: "xAPI (Tin Can launch)",
  cmi5: "cmi5",
};
