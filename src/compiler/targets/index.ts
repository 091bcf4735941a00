/** The output formats Coursepack can build, by id: a FormatId without a Target is a type error here. */
import type { FormatId } from "../../shared/course-data.js";
import type { Target } from "./target.js";
import { cmi5 } from "./cmi5.js";
import { scorm12 } from "./scorm12.js";
import { scorm2004, scorm2004Third } from "./scorm2004.js";
import { web } from "./web.js";
import { xapi } from "./xapi.js";

export const targets: Readonly<Record<FormatId, Target>> = {
  web,
  scorm12,
  scorm2004,
  "scorm2004-3rd": scorm2004Third,
  xapi,
  cmi5,
};

export function targetFor(id: FormatId): Target {
  return targets[id];
}
