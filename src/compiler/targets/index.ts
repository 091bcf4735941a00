/** The output formats Coursepack can build, by id: a FormatId without a Target is a type error here. */
import type { FormatId } from "../../shared/course-data.js";
import { type LmsProfile, scorm2004Edition } from "../../lms-profiles/index.js";
import type { Target } from "./target.js";
import { cmi5 } from "./cmi5.js";
import { scorm12 } from "./scorm12.js";
import { scorm2004Fourth, scorm2004Target, scorm2004Third } from "./scorm2004.js";
import { web } from "./web.js";
import { xapi } from "./xapi.js";

// `scorm2004` alone has no fixed Target: its edition comes from the LMS profile.
const fixed: Readonly<Record<Exclude<FormatId, "scorm2004">, Target>> = {
  web,
  scorm12,
  "scorm2004-3rd": scorm2004Third,
  "scorm2004-4th": scorm2004Fourth,
  xapi,
  cmi5,
};

/** The Target for a format id; `scorm2004` in the edition the LMS profile prefers. */
export function targetFor(id: FormatId, profile: LmsProfile): Target {
  return id === "scorm2004" ? scorm2004Target("scorm2004", scorm2004Edition(profile)) : fixed[id];
}
