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
import {
  packageBase,
  packageTarget,
  PackagingRun,
  startSchemaValidation,
  type PackagedOutput,
} from "./packaging/assemble.js";
import { assertOutDir } from "./packaging/out-dir.js";
import { StagedOutput } from "./packaging/output.js";
import { renderCourse, renderEverything } from "./render/index.js";
import { findTemplates, Templates } from "./render/templates.js";
import { targetFor } from "./targets/index.js";
import type { Target } from "./targets/target.js";
import { courseData } from "./render/course-data.js";
import { warmXsd } from "../validator/xsd.js";
import { courseLanguages, outputBase } from "./i18n/languages.js";
import { localize } from "./i18n/localize.js";

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
  /** Told what the build is doing, for a progress line on large courses. */
  onProgress?: (step: string) => void;
  /** Languages to build; defaults to the course's `languages` (or its one `language`). */
  languages?: string[];
}

export interface BuildResult {
  model: CourseModel;
  diagnostics: Diagnostics;
  outputs: PackagedOutput[];
  outDir: string;
  ms: number;
}

/** One language of a course, ready to render: the course language or a translation. */
export interface LanguageVersion {
  language: string;
  model: CourseModel;
  data: CourseData;
  templates: Templates;
  /** Package names start with this: the course id, plus the language for a translation. */
  outputBase: string;
}

/** Load, model and check a course; throws BuildFailed with every error found. */
export interface CheckedCourse {
  /** The course in its own language (what the other fields describe too). */
  model: CourseModel;
  data: CourseData;
  targets: Target[];
  templates: Templates;
  diagnostics: Diagnostics;
  /** The course language first, then each translation to build. */
  languages: LanguageVersion[];
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

/**
 * @param languages which of the course's languages to prepare: all of them, only its own (the
 *   preview), or those listed
 * @param lms LMS profile id or file, overriding course.yml's `lms`
 */
export async function checkCourse(
  dir: string,
  formats?: FormatId[],
  stages: BuildStages = FULL,
  languages: "all" | "own" | string[] = "all",
  lms?: string,
): Promise<CheckedCourse> {
  const diagnostics = new Diagnostics();
  const loaded = await loadCourse(dir, diagnostics, stages.parsePage);
  const model = loaded && buildModel(loaded, diagnostics, stages.buildPage, lms);
  if (!model) throw new BuildFailed(diagnostics);
  await checkModel(model, diagnostics);
  const templates = await stages.templates(model).catch((error: unknown) => {
    // A template or strings file that fails: report it with everything the checks found.
    if (error instanceof BuildFailed) diagnostics.list.push(...error.diagnostics.list);
    throw error instanceof BuildFailed ? new BuildFailed(diagnostics) : error;
  });
  const targets = resolveTargets(model, formats, diagnostics);
  const data = courseData(model, templates.strings);
  for (const target of targets) target.check?.(model, data, diagnostics);
  const wanted = selectLanguages(model, languages, diagnostics);
  const versions: LanguageVersion[] = [];
  if (wanted.includes(model.config.language))
    versions.push({ language: model.config.language, model, data, templates, outputBase: model.config.id });
  // Translations share the source's structure, ids and settings, so the format checks above hold for them.
  // Not read while the source has errors: the translation of a question that failed would be reported
  // as left over.
  const translations = diagnostics.errorCount > 0 ? [] : wanted.filter((l) => l !== model.config.language);
  for (const language of translations) {
    const translated = await localize(model, language, diagnostics);
    const own = await loadTemplates(translated);
    versions.push({
      language,
      model: translated,
      data: courseData(translated, own.strings),
      templates: own,
      outputBase: outputBase(model, language),
    });
  }
  if (diagnostics.errorCount > 0) throw new BuildFailed(diagnostics);
  return { model, data, targets, templates, diagnostics, languages: versions };
}

/** The languages asked for, each checked against the course's `languages`. */
function selectLanguages(model: CourseModel, asked: "all" | "own" | string[], diagnostics: Diagnostics): string[] {
  const known = courseLanguages(model.config);
  if (asked === "all") return known;
  if (asked === "own") return [model.config.language];
  for (const language of asked.filter((l) => !known.includes(l))) {
    diagnostics.error(
      model.courseSource.position(model.config.languages ? ["languages"] : ["language"]),
      `language "${language}" is not one of this course's languages (${known.join(", ")}); add it to \`languages:\` in course.yml`,
    );
  }
  return known.filter((l) => asked.includes(l));
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const outDir = path.resolve(options.outDir ?? "dist");
  assertOutDir(outDir);
  // Every package's manifest goes through the official schemas once the course is read: start xmllint now.
  warmXsd();
  const progress = options.onProgress ?? (() => undefined);
  progress("reading the course");
  const { model, targets, diagnostics, languages } = await checkCourse(
    options.dir,
    options.formats,
    FULL,
    options.languages ?? "all",
    options.lms,
  );
  // The manifests' schema checks, the slow part of the package checks, run while the course renders;
  // one that fails here is run again, and reported, by the package check.
  for (const version of languages)
    for (const t of targets) startSchemaValidation(t, version.model).catch(() => undefined);
  const staged = await StagedOutput.open(outDir);
  const run = new PackagingRun(staged, options.folders ?? true);
  const packaging: Promise<PackagedOutput>[] = [];
  try {
    const total = targets.length * languages.length;
    let packaged = 0;
    for (const version of languages) {
      progress(`rendering ${version.model.pages.length} pages (${version.language})`);
      // Assets are read before rendering: their bytes go into the build stamp's content hash.
      const assetFiles = version.model.assets.entries();
      const assets = await run.readAssets(assetFiles);
      run.placeAssetsEarly(
        targets.map((t) => packageBase(version.outputBase, t)),
        assetFiles,
      );
      const rendered = await renderCourse(version.model, version.templates, version.data, renderEverything(assets));
      const named = { base: version.outputBase, language: version.language };
      // Not awaited: the next language renders while these are compressed and checked.
      for (const t of targets) {
        const output = packageTarget(t, version.model, rendered, run, named).then((o) => {
          progress(`packaging ${++packaged} of ${total}`);
          return o;
        });
        // Seen as handled now; Promise.all below or the discard reports the failure.
        output.catch(() => undefined);
        packaging.push(output);
      }
    }
    const outputs = await Promise.all(packaging);
    await staged.commit(outputs.flatMap((o) => ((options.folders ?? true) ? [o.zipName, o.folderName] : [o.zipName])));
    return { model, diagnostics, outputs, outDir, ms: performance.now() - started };
  } catch (error) {
    // Packages still being written go into the staging folder: let them finish before removing it.
    await Promise.allSettled(packaging);
    await run.settled();
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
    if (acceptsFormat(lms, id)) {
      out.push(targetFor(id, lms));
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
