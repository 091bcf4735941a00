/**
 * Package stage: one target's files — shared pages, its runtime, its manifest — as a zip and a
 * folder, then the zip, as written, goes through `coursepack validate`'s checks: a package that
 * fails them is a Coursepack bug, and the build stops before anything replaces the previous output.
 * The preview serves the same file list (packageFiles) from memory.
 */
import { stat } from "node:fs/promises";
import { readFile } from "../../shared/node/fs-quick.js";
import { BUILD_STAMP_FILE } from "../../shared/build-stamp.js";
import type { CourseModel } from "../model/index.js";
import type { RenderedCourse } from "../render/index.js";
import type { PackageFile, Target } from "../targets/target.js";
import { formatFinding, type Finding } from "../../validator/findings.js";
import { writtenZipSource } from "../../validator/package/memory-source.js";
import { validatePackage } from "../../validator/validate.js";
import { validateSchemaAhead } from "../../validator/checks/schema.js";
import { DeflateOnce, gzipSize } from "./deflate.js";
import { FolderWriter } from "./folders.js";
import { runtimeBundle } from "./runtime-bundle.js";
import type { StagedOutput } from "./output.js";
import { writeZip } from "./zip.js";

export const RUNTIME_JS = "coursepack.js";
export const RUNTIME_CSS = "coursepack.css";

export interface PackagedOutput {
  format: Target["id"];
  /** The language of the course in the package. */
  language: string;
  label: string;
  /** Output names inside the output folder. */
  zipName: string;
  folderName: string;
  zipBytes: number;
  fileCount: number;
  /** Gzipped size of the shipped runtime JS + CSS. */
  runtimeGzipBytes: number;
  /** Warnings from the package checks (errors stop the build). */
  findings: Finding[];
}

/** Every file of one target's package, in package order: the target's own first (checklist #1). */
export async function packageFiles(
  target: Target,
  model: CourseModel,
  rendered: RenderedCourse,
): Promise<PackageFile[]> {
  const shared: PackageFile[] = [
    { name: "index.html", content: rendered.page },
    { name: RUNTIME_CSS, content: rendered.css },
    { name: RUNTIME_JS, content: await runtimeBundle(target.runtime) },
    { name: BUILD_STAMP_FILE, content: `${JSON.stringify(rendered.stamp, null, 2)}\n` },
    ...rendered.assets.map(([source, name]) => ({ name, source })),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  const own = await target.files({ model, shipped: shippedNames(rendered.assets) });
  return [...own, ...shared];
}

/** Package paths of the files every format ships, sorted as packageFiles orders them. */
function shippedNames(assets: readonly (readonly [source: string, name: string])[]): string[] {
  return ["index.html", RUNTIME_CSS, RUNTIME_JS, BUILD_STAMP_FILE, ...assets.map(([, name]) => name)].sort();
}

/**
 * Starts the official-schema validation of a target's manifest before the course is rendered: the
 * manifest depends on the model and the shipped file names only, and the XSD worker would
 * otherwise start on it only once the package is written, with the build waiting for it at the
 * end. The package check validates the manifest it finds in the zip; when that text is the one
 * validated here, xsd.ts answers from this run. A manifest that differs is validated afresh.
 */
export async function startSchemaValidation(target: Target, model: CourseModel): Promise<void> {
  if (!target.schema) return;
  const own = await target.files({ model, shipped: shippedNames(model.assets.entries()) });
  const manifest = own.find((f) => f.name === target.schema!.file);
  if (manifest && "content" in manifest)
    validateSchemaAhead(target.schema.set, manifest.name, Buffer.from(manifest.content));
}

/** Assets up to this size are read once per build and shared by every format's zip and folder. */
const SHARED_ASSET_BYTES = 16 * 1024 * 1024;

export type AssetContents = ReadonlyMap<string, Buffer>;

/** What the packages of one build share: where they go, and what was read and compressed once. */
export class PackagingRun {
  readonly deflate: DeflateOnce;
  /** Undefined when the build writes no unzipped folders (--no-folders). */
  readonly folders?: FolderWriter;
  private readonly assets = new Map<string, Buffer>();
  /** Folder writes started ahead of their packages, waited for before the staging folder goes. */
  private readonly early: Promise<void>[] = [];

  constructor(
    readonly staged: StagedOutput,
    writeFolders: boolean,
  ) {
    this.deflate = new DeflateOnce(staged.path(".deflated"));
    if (writeFolders) this.folders = new FolderWriter();
  }

  /**
   * The contents of a language's assets, each read once per build: the formats and languages of a
   * course share the Buffer, so no file is read (or compressed) twice and the page cache holds it
   * once. Larger files (videos) stay on disk: deflate.ts compresses them once by streaming, and
   * each folder copies them.
   */
  async readAssets(entries: readonly [source: string, name: string][]): Promise<AssetContents> {
    await Promise.all(
      entries.map(async ([source]) => {
        if (this.assets.has(source)) return;
        if ((await stat(source)).size <= SHARED_ASSET_BYTES) this.assets.set(source, await readFile(source));
      }),
    );
    return this.assets;
  }

  /** The file as packaged: an asset read into memory by readAssets is shipped from there. */
  inMemory(file: PackageFile): PackageFile {
    const content = "source" in file ? this.assets.get(file.source) : undefined;
    return content ? { name: file.name, content } : file;
  }

  /**
   * Starts placing a language's assets in its packages' folders while the course renders. Creating
   * files is what the folders cost (a 1,000-lesson course's 1,000 figures make 6,000 files), and at
   * the end of the build the main thread waited about a second on the file system for it; while
   * the course renders, the file system's threads are idle. packageTarget waits for these.
   */
  placeAssetsEarly(bases: readonly string[], assets: readonly [source: string, name: string][]): void {
    const folders = this.folders;
    if (!folders) return;
    const files = assets.map(([source, name]) => this.inMemory({ name, source }));
    for (const base of bases) {
      const writing = folders.write(this.staged.path(base), files);
      writing.catch(() => undefined); // reported by the package that waits for it
      this.early.push(writing);
    }
  }

  /** Resolves once every folder write started early has ended, however it ended. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.early);
  }
}

/** A package's zip name without `.zip`, and its folder's name. */
export function packageBase(base: string, target: Target): string {
  return `${base}-${target.id}`;
}

export async function packageTarget(
  target: Target,
  model: CourseModel,
  rendered: RenderedCourse,
  run: PackagingRun,
  /** Package names start with `base` (default: the course id). */
  named: { base: string; language: string } = { base: model.config.id, language: model.config.language },
): Promise<PackagedOutput> {
  const files = (await packageFiles(target, model, rendered)).map((f) => run.inMemory(f));
  const base = packageBase(named.base, target);
  const zipName = `${base}.zip`;
  const entries = await Promise.all(files.map((f) => run.deflate.entry(f)));
  const [zip] = await Promise.all([
    writeZip(run.staged.path(zipName), entries),
    run.folders?.write(run.staged.path(base), files),
  ]);
  const check = await validatePackage(writtenZipSource(zip, files), {
    format: target.id,
    label: zipName,
    lms: model.lms,
  });
  if (!check.valid) {
    const errors = check.findings.filter((f) => f.severity === "error");
    const lines = (list: Finding[]) => list.map((f) => `  ${formatFinding(f, zipName)}`).join("\n");
    const own = errors.filter((f) => !f.lms);
    if (own.length > 0)
      throw new Error(
        `the ${target.label} package failed its checks (a Coursepack bug; please report it):\n${lines(own)}`,
      );
    // Only the LMS's limits are broken (a large video, a file type it refuses): the author can fix it.
    throw new Error(`the ${target.label} package breaks limits of ${model.lms.name}:\n${lines(errors)}`);
  }
  return {
    format: target.id,
    language: named.language,
    findings: check.findings,
    label: target.label,
    zipName,
    folderName: base,
    zipBytes: zip.bytes,
    fileCount: files.length,
    runtimeGzipBytes: entries
      .filter((e) => e.name === RUNTIME_JS || e.name === RUNTIME_CSS)
      .reduce((n, e) => n + gzipSize(e), 0),
  };
}
