/** The output formats Coursepack can build, by id; `scorm2004` in the edition the LMS profile prefers. */
import type { FormatId } from "../../shared/course-data.js";
import { type LmsProfile, scorm2004Edition } from "../../lms-profiles/index.js";
import type { Target } from "./target.js";
import { cmi5 } from "./cmi5.js";
import { scorm12 } from "./scorm12.js";
import { scorm2004Fourth, scorm2004Target, scorm2004Third } from "./scorm2004.js";
import { web } from "./web.js";
import { xapi } from "./xapi.js";

const fixed: ReadonlyMap<FormatId, Target> = new Map(
  [web, scorm12, scorm2004Third, scorm2004Fourth, xapi, cmi5].map((t) => [t.id, t]),
);

export function targetFor(id: FormatId, profile: LmsProfile): Target | undefined {
  return id === "scorm2004" ? scorm2004Target("scorm2004", scorm2004Edition(profile)) : fixed.get(id);
}
