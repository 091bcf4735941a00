/**
 * An output format is one Target: which runtime tracker it ships and which files it adds (the
 * manifest). Everything else in a package — index.html, CSS, assets — is shared by all formats.
 */
import type { CourseData, FormatId } from "../../shared/course-data.js";
import type { Diagnostics } from "../diagnostics.js";
import type { SchemaSet } from "../../validator/xsd.js";
import type { CourseModel } from "../model/index.js";

/** The runtime bundles scripts/compile.mjs builds: one tracker each. */
export type RuntimeId = "web" | "scorm12" | "scorm2004" | "xapi" | "cmi5";

export type PackageFile =
  | { name: string; content: string | Buffer }
  /** A file copied from disk as it is (assets). */
  | { name: string; source: string };

/** What a format's own files are made from: known before the course is rendered. */
export interface TargetContext {
  model: CourseModel;
  /** Package paths of every shared file (index.html, runtime, CSS, assets), sorted. */
  shipped: string[];
}

export interface Target {
  id: FormatId;
  /** Human name for build output, e.g. "SCORM 1.2". */
  label: string;
  runtime: RuntimeId;
  /** Files only this format ships, placed first in the package. */
  files(ctx: TargetContext): PackageFile[] | Promise<PackageFile[]>;
  /**
   * Its file that the package checks validate against an official schema, and the schema set the
   * checks choose for it: the build starts that validation before rendering (assemble.ts).
   */
  schema?: { file: string; set: SchemaSet };
  /** Format-specific warnings and errors, run with the other checks before anything is written. */
  check?(model: CourseModel, data: CourseData, diagnostics: Diagnostics): void;
}
