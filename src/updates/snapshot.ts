/**
 * One side of `coursepack diff`: a package (zip or unzipped folder, Coursepack's or another tool's)
 * or a course folder, which is built in memory for one format exactly as `coursepack build` would
 * package it, in one of its languages. Either way the result holds what a comparison needs: the
 * manifests, the file list, and for Coursepack builds the build stamp and the course data.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { BuildStamp } from "../shared/build-stamp.js";
import type { CourseData, FormatId } from "../shared/course-data.js";
import { packageFiles } from "../compiler/packaging/assemble.js";
import { checkCourse } from "../compiler/pipeline.js";
import { renderCourse } from "../compiler/render/index.js";
import { readCoursepackBuild } from "../validator/checks/build-stamp.js";
import { locateManifest, MANIFEST_FILES } from "../validator/detect.js";
import { Findings } from "../validator/findings.js";
import { openPackage } from "../validator/package/open.js";
import { DEFAULT_LIMITS, PackageRefused } from "../validator/package/source.js";
import { PackageView } from "../validator/package/view.js";

export interface Snapshot {
  /** The path as given. */
  label: string;
  kind: "package" | "course";
  format: FormatId;
  /** Manifest files (imsmanifest.xml, tincan.xml, cmi5.xml) by name, as text; none for web packages. */
  manifests: Record<string, string>;
  /** Every file of the package, sorted. */
  files: string[];
  /** Coursepack builds only. */
  stamp?: BuildStamp;
  data?: CourseData;
}

/** Formats a course folder is compared in when none is asked for: the first LMS format it builds. */
function defaultFormat(formats: readonly FormatId[]): FormatId {
  return formats.find((f) => f !== "web") ?? "web";
}

/** `input` is a course folder when it holds a course.yml. */
export function isCourseFolder(input: string): boolean {
  return existsSync(path.join(input, "course.yml"));
}

/**
 * A course folder built in memory. `language` picks one of the course's languages (a translation
 * is built as `coursepack build` packages it); without it, or when the course does not have that
 * language, the course's own language.
 */
export async function snapshotCourse(dir: string, format?: FormatId, language?: string): Promise<Snapshot> {
  // Translations are prepared only when one may be wanted: localizing costs time.
  const checked = await checkCourse(dir, format ? [format] : undefined, undefined, language ? "all" : "own");
  const chosen = format ?? defaultFormat(checked.model.config.formats);
  const target = checked.targets.find((t) => t.id === chosen)!;
  const version = checked.languages.find((v) => v.language === language) ?? checked.languages[0]!;
  const rendered = await renderCourse(version.model, version.templates, version.data);
  const files = await packageFiles(target, version.model, rendered);
  const manifestNames = new Set<string>(Object.values(MANIFEST_FILES));
  const manifests: Record<string, string> = {};
  for (const f of files) if (manifestNames.has(f.name) && "content" in f) manifests[f.name] = String(f.content);
  return {
    label: dir,
    kind: "course",
    format: chosen,
    manifests,
    files: files.map((f) => f.name).sort(),
    stamp: rendered.stamp,
    data: rendered.data,
  };
}

/** The format a package was built as, from its manifest. */
function formatOf(kind: "scorm" | "cmi5" | "xapi" | undefined, manifest: string): FormatId {
  if (kind === "cmi5" || kind === "xapi") return kind;
  if (kind === undefined) return "web";
  const version = /<schemaversion>\s*([^<]*?)\s*<\/schemaversion>/.exec(manifest)?.[1] ?? "";
  if (version === "1.2" || !version) return "scorm12";
  // `scorm2004` names whichever edition the LMS profile asks for; a package knows its own.
  return /4th/i.test(version) ? "scorm2004-4th" : "scorm2004-3rd";
}

export async function snapshotPackage(input: string): Promise<Snapshot> {
  const findings = new Findings();
  let source: Awaited<ReturnType<typeof openPackage>> | undefined;
  try {
    source = await openPackage(input, input, DEFAULT_LIMITS, findings);
    const located = await locateManifest(source, findings);
    const view = located?.view ?? new PackageView(source, "");
    if (!located && !view.has("index.html"))
      throw new Error(`${input}: no manifest and no index.html; is it a course package?`);
    const manifests: Record<string, string> = {};
    for (const name of Object.values(MANIFEST_FILES))
      if (view.has(name)) manifests[name] = (await view.read(name)).toString("utf8");
    const build = await readCoursepackBuild(view);
    return {
      label: input,
      kind: "package",
      format: formatOf(located?.kind, located ? (manifests[located.manifest] ?? "") : ""),
      manifests,
      files: view.files.map((f) => f.name).sort(),
      ...build,
    };
  } catch (error) {
    if (error instanceof PackageRefused) throw new Error(`${input}: ${error.message}`);
    throw error;
  } finally {
    await source?.close();
  }
}

/** What to build a course folder as; unset fields follow the other side or the course's defaults. */
export interface BuildChoice {
  format?: FormatId | undefined;
  language?: string | undefined;
}

/**
 * Both sides: packages are read as they are; course folders are built in the format and language of
 * the other side when that is a package (`dist/my-course-de-scorm12.zip` against the course folder
 * compares the German translation), else as `choice` says, by default in the first LMS format and
 * the own language of the old course.
 */
export async function snapshots(
  before: string,
  after: string,
  choice: BuildChoice = {},
): Promise<[old: Snapshot, updated: Snapshot]> {
  const read = (input: string, like?: Snapshot) =>
    isCourseFolder(input)
      ? snapshotCourse(
          input,
          choice.format ?? like?.format,
          choice.language ?? (like?.kind === "package" ? like.data?.language : undefined),
        )
      : snapshotPackage(input);
  if (!isCourseFolder(before)) {
    const old = await read(before);
    return [old, await read(after, old)];
  }
  if (!isCourseFolder(after)) {
    const updated = await read(after);
    return [await read(before, updated), updated];
  }
  const old = await read(before);
  return [old, await read(after, old)];
}
