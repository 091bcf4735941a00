/** The output formats Coursepack can build, by id. */
import type { FormatId } from "../../shared/course-data.js";
import type { Target } from "./target.js";
import { cmi5 } from "./cmi5.js";
import { scorm12 } from "./scorm12.js";
import { scorm2004, scorm2004Third } from "./scorm2004.js";
import { web } from "./web.js";
import { xapi } from "./xapi.js";

export const targets: ReadonlyMap<FormatId, Target> = new Map(
  [web, scorm12, scorm2004, scorm2004Third, xapi, cmi5].map((t) => [t.id, t]),
);

export function targetFor(id: FormatId): Target | undefined {
  return targets.get(id);
}
