/**
 * The course as `coursepack translate` sees it: its model, its units by file, and the XLIFF file
 * ids that name its files. A file id is the course id and the file's path, e.g.
 * `sales-manager-training:lessons:01-why.md` (an XML NMTOKEN, as XLIFF 2.0 requires): it keeps a
 * translation from being imported into another course or onto another file.
 */
import path from "node:path";
import { BuildFailed, Diagnostics } from "../compiler/diagnostics.js";
import { courseSourceFiles, courseUnits, type Unit } from "../compiler/i18n/units.js";
import { loadCourse } from "../compiler/load/load-course.js";
import { buildModel, type CourseModel } from "../compiler/model/index.js";

export interface TranslatableCourse {
  model: CourseModel;
  /** Source file → its units in order. */
  units: Map<string, Unit[]>;
  /** XLIFF file id → source file. */
  files: Map<string, string>;
  fileId(sourceFile: string): string;
}

/** Loads and models the course; throws BuildFailed when it has errors (fix them first). */
export async function loadTranslatable(dir: string): Promise<TranslatableCourse> {
  const diagnostics = new Diagnostics();
  const loaded = await loadCourse(dir, diagnostics);
  const model = loaded && buildModel(loaded, diagnostics);
  if (!model || diagnostics.errorCount > 0) throw new BuildFailed(diagnostics);
  const fileId = (file: string) =>
    `${model.config.id}:${path
      .relative(model.dir, file)
      .split(path.sep)
      .join(":")
      .replace(/[^A-Za-z0-9._:-]/g, "_")}`;
  const units = new Map<string, Unit[]>(courseSourceFiles(model).map((f) => [f, []]));
  for (const unit of courseUnits(model)) units.get(unit.file)?.push(unit);
  const files = new Map([...units.keys()].map((f) => [fileId(f), f]));
  return { model, units, files, fileId };
}

/** Words of a text, for the size of a translation job (what agencies quote by). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
