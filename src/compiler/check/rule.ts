/** A check rule reads the course model and reports problems; rules run in the order of check/index.ts. */
import type { Diagnostics } from "../diagnostics.js";
import type { CourseModel } from "../model/index.js";

export interface CheckContext {
  model: CourseModel;
  diagnostics: Diagnostics;
}

export interface Rule {
  name: string;
  run(ctx: CheckContext): void | Promise<void>;
}
