/** The output formats Coursepack can build, by id. */
import type { FormatId } from "../../shared/course-data.js";
import type { Target } from "./target.js";
import { scorm12 } from "./scorm12.js";
import { scorm2004, scorm2004Third } from "./scorm2004.js";
import { web } from "./web.js";

export const targets: ReadonlyMap<FormatId, Target> = new Map([web, scorm12, scorm2004, scorm2004Third].map((t) => [t.id, t]));

export function targetFor(id: FormatId): Target | undefined {
  return targets.get(id);
}
