/** The output formats Coursepack can build, by id. */
import type { FormatId } from "../../shared/course-data.js";
import type { Target } from "./target.js";
import { web } from "./web.js";

export const targets: ReadonlyMap<FormatId, Target> = new Map([web].map((t) => [t.id, t]));

export function targetFor(id: FormatId): Target | undefined {
  return targets.get(id);
}
