/**
 * The build pipeline, one way: load → model (schema checks) → check rules → render once → package
 * every format from the same rendered course → swap the outputs into place.
 */
import path from "node:path";
import type { CourseData, FormatId } from "../shared/course-data.js";
import { acceptsFormat, LMS_FORMAT_NAMES, lmsFormatOf, sourceOf } from "../lms-profiles/index.js";
import { checkModel } from "./check/index.js";
import { BuildFailed, Diagnostics } from "./diagnostics.js";
import { loadCourse, parsePage, type ParsePage } from "./load/load-course.js";
import { buildModel, buildPage, type BuildPage, type CourseModel } from "./model/index.js";
import { packageTarget, readAssets, type PackagedOutput } from "./packaging/assemble.js";
import { StagedOutput } from "./packaging/output.js";
import { renderCourse } from "./render/index.js";
import { findTemplates, Templates } from "./render/templates.js";
import { targetFor } from "./targets/index.js";
import type { Target } from "./targets/target.js";
import { courseData } from "./render/course-data.js";

export interface BuildOptions {
  /** Course folder (holds course.yml). */
  dir: string;
  /** Output folder; defaults to `dist` in the current directory. */
  outDir?: string;
  /** Formats to build; defaults to the course's `formats`. */
  formats?: FormatId[];
  /** Also write each package unzipped (default true). */
  folders?: boolean;
  /** LMS profile id or file, overriding course.yml's `lms` (checked by the caller). */
  lms?: string;
}

export interface BuildResult {
  model: CourseModel;
  diagnostics: Diagnostics;
  outputs: PackagedOutput[];
  outDir: string;
  ms: number;
}

/** Load, model and check a course; throws BuildFailed with every error found. */
export interface CheckedCourse {
  model: CourseModel;
  data: CourseData;
  targets: Target[];
  templates: Templates;
  diagnostics: Diagnostics;
}

/**
 * The per-file and per-course steps of the front half of the pipeline. A build runs them all; the
 * preview's incremental session (session.ts) passes versions that reuse earlier results.
 */
export interface BuildStages {
  parsePage: ParsePage;
  buildPage: BuildPage;
  templates(model: CourseModel): Promise<Templates>;
}

export async function loadTemplates(model: CourseModel): Promise<Templates> {
  return Templates.load(
    await findTemplates(path.join(model.dir, "templates")),
    model.config.language,
    model.config.strings,
  );
}

const FULL: BuildStages = { parsePage, buildPage, templates: loadTemplates };

export async function checkCourse(
  dir: string,
  formats?: FormatId[],
  stages: BuildStages = FULL,
  lms?: string,
): Promise<CheckedCourse> {
  const diagnostics = new Diagnostics();
  const loaded = await loadCourse(dir, diagnostics, stages.parsePage);
  const model = loaded && buildModel(loaded, diagnostics, stages.buildPage, lms);
  if (!model) throw new BuildFailed(diagnostics);
  await checkModel(model, diagnostics);
  const templates = await stages.templates(model);
  const targets = resolveTargets(model, formats, diagnostics);
  const data = courseData(model, templates.strings);
  for (const target of targets) target.check?.(model, data, diagnostics);
  if (diagnostics.errorCount > 0) throw new BuildFailed(diagnostics);
  return { model, data, targets, templates, diagnostics };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const { model, data, targets, templates, diagnostics } = await checkCourse(
    options.dir,
    options.formats,
    FULL,
    options.lms,
  );
  const rendered = await renderCourse(model, templates, data);
  const outDir = path.resolve(options.outDir ?? "dist");
  const staged = await StagedOutput.open(outDir);
  try {
    const assets = await readAssets(rendered);
    const outputs = await Promise.all(
      targets.map((t) => packageTarget(t, model, rendered, staged, options.folders ?? true, assets)),
    );
    await staged.commit(outputs.flatMap((o) => ((options.folders ?? true) ? [o.zipName, o.folderName] : [o.zipName])));
    return { model, diagnostics, outputs, outDir, ms: performance.now() - started };
  } catch (error) {
    await staged.discard();
    throw error;
  }
}

/**
 * The targets to build: the formats asked for (--format), else course.yml's. A format the LMS does
 * not import is an error when asked for, and left out with a warning when only course.yml lists it.
 */
export function resolveTargets(model: CourseModel, asked: FormatId[] | undefined, diagnostics: Diagnostics): Target[] {
  const out: Target[] = [];
  const lms = model.lms;
  const formats = asked ?? model.config.formats;
  for (const id of new Set(formats)) {
    const at = asked
      ? model.courseSource.position(model.config.lms ? ["lms"] : [])
      : model.courseSource.position(["formats", model.config.formats.indexOf(id)]);
    const target = targetFor(id, lms);
    if (!target) {
      diagnostics.error(at, `format "${id}" is not available in this version of Coursepack`);
      continue;
    }
    if (acceptsFormat(lms, id)) {
      out.push(target);
      continue;
    }
    const taken = lms.formats.accepts.map((f) => LMS_FORMAT_NAMES[f]).join(", ");
    const why = `${lms.name} does not import ${LMS_FORMAT_NAMES[lmsFormatOf(id, lms)!]}; it takes ${taken} (${sourceOf(lms, lms.formats.sources[0]!).url ?? sourceOf(lms, lms.formats.sources[0]!).title})`;
    if (asked) diagnostics.error(at, `--format ${id}: ${why}`);
    else diagnostics.warning(at, `"${id}" is left out: ${why}`);
  }
  if (out.length === 0 && diagnostics.errorCount === 0)
    diagnostics.error(
      model.courseSource.position(["formats"]),
      `nothing to build for ${lms.name}: none of the formats is one it imports; add ${LMS_FORMAT_NAMES[lms.formats.recommended]} (${lms.formats.recommended}) to formats`,
    );
  return out;
}
