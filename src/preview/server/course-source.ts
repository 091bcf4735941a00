/**
 * A Coursepack course in the preview: built in memory by the incremental BuildSession for one
 * format, rebuilt when its files change. A broken edit keeps the last good package served and
 * reports the diagnostics instead.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { BuildFailed, formatDiagnostic, sortDiagnostics, type Diagnostic } from "../../compiler/diagnostics.js";
import { linkedOutside } from "../../compiler/load/course-paths.js";
import { COURSE_FILE } from "../../compiler/load/load-course.js";
import { FORMAT_IDS, type FormatId } from "../../shared/course-data.js";
import { BuildSession, type SessionBuild } from "../../compiler/session.js";
import type { PackageFile } from "../../compiler/targets/target.js";
import { findLaunch, type PackageLaunch } from "../../validator/launch.js";
import { memorySource } from "../../validator/package/memory-source.js";
import type { BuildStatus, Launchable } from "../protocol.js";
import { launchableFrom, type PreviewSource } from "./source.js";
import { ignoredInCourse, watchTree, type TreeWatcher } from "./watcher.js";

interface Serving {
  buildId: number;
  files: Map<string, PackageFile>;
  launch: PackageLaunch;
  launchable: Launchable;
}

export class CourseSource implements PreviewSource {
  readonly kind = "course";
  readonly name: string;
  private readonly session: BuildSession;
  private serving: Serving | undefined;
  private status: BuildStatus | null = null;
  private builds = 0;
  private watcher: TreeWatcher | undefined;
  /** Changes waiting for the next build. */
  private queued: Set<string> | undefined;
  private running: Promise<void> | undefined;

  private constructor(
    readonly dir: string,
    private currentFormat: FormatId,
    private readonly onBuild: (status: BuildStatus) => void,
  ) {
    this.name = path.basename(dir);
    this.session = new BuildSession(dir);
  }

  /** Builds the course once, then watches it; `onBuild` hears every later build. */
  static async open(
    dir: string,
    format: FormatId | undefined,
    onBuild: (status: BuildStatus) => void,
    debounceMs?: number,
  ): Promise<CourseSource> {
    const source = new CourseSource(path.resolve(dir), format ?? (await defaultFormat(dir)), onBuild);
    await source.enqueue([]);
    source.watcher = await watchTree(source.dir, (changed) => source.changed(changed), {
      ignore: ignoredInCourse,
      ...(debounceMs === undefined ? {} : { debounceMs }),
      onError: (error) => console.error(`coursepack preview: watching ${source.dir} failed: ${error.message}`),
    });
    return source;
  }

  launchable(): Launchable | null {
    return this.serving?.launchable ?? null;
  }

  launch(): PackageLaunch | null {
    return this.serving?.launch ?? null;
  }

  build(): BuildStatus | null {
    return this.status;
  }

  format(): FormatId {
    return this.currentFormat;
  }

  formats(): FormatId[] {
    return [...FORMAT_IDS];
  }

  async setFormat(format: FormatId): Promise<void> {
    this.currentFormat = format;
    await this.enqueue([]);
  }

  async read(name: string): Promise<Buffer | undefined> {
    const file = this.serving?.files.get(name);
    if (!file) return undefined;
    if ("content" in file) return Buffer.from(file.content);
    // The last good build may be served after its file was replaced by a link leading out of the course.
    if (linkedOutside(this.dir, file.source)) return undefined;
    return readFile(file.source).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    await this.running;
  }

  private changed(changed: string[]): void {
    void this.enqueue(changed);
  }

  /** Builds now, or right after the running build (changes that arrive meanwhile make one build). */
  private enqueue(changed: string[]): Promise<void> {
    this.queued ??= new Set();
    for (const c of changed) this.queued.add(c);
    this.running ??= this.drain();
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued) {
        const changed = [...this.queued];
        this.queued = undefined;
        await this.runBuild(changed);
      }
    } finally {
      this.running = undefined;
    }
  }

  private async runBuild(changed: string[]): Promise<void> {
    const id = ++this.builds;
    const format = this.currentFormat;
    let built: SessionBuild | undefined;
    let diagnostics: Diagnostic[];
    let failure: string | undefined;
    try {
      built = await this.session.build(format);
      const launch = await findLaunch(memorySource(built.files));
      this.serving = {
        buildId: id,
        files: new Map(built.files.map((f) => [f.name, f])),
        launch,
        launchable: { ...launchableFrom(launch), courseId: built.model.config.id, title: built.model.config.title },
      };
      diagnostics = built.diagnostics.list;
    } catch (error) {
      built = undefined;
      diagnostics = error instanceof BuildFailed ? error.diagnostics.list : [];
      // Not the author's mistake (a missing runtime bundle, a bug): still shown, never fatal.
      if (!(error instanceof BuildFailed)) failure = `error: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.status = this.statusOf(id, format, changed, diagnostics, built, failure);
    this.onBuild(this.status);
  }

  private statusOf(
    id: number,
    format: FormatId,
    changed: string[],
    list: Diagnostic[],
    built: SessionBuild | undefined,
    failure: string | undefined,
  ): BuildStatus {
    const errors = list.filter((d) => d.severity === "error");
    const warnings = list.filter((d) => d.severity === "warning");
    const lines = [...sortDiagnostics(errors), ...sortDiagnostics(warnings)].map((d) => formatDiagnostic(d));
    return {
      id,
      ok: built !== undefined,
      format,
      ms: built ? Math.round(built.ms * 10) / 10 : 0,
      at: new Date().toISOString(),
      changed,
      diagnostics: failure ? [failure, ...lines] : lines,
      errors: errors.length + (failure ? 1 : 0),
      warnings: warnings.length,
      rebuilt: built
        ? {
            files: built.rebuilt.files.map((f) => path.relative(this.dir, f).split(path.sep).join("/")),
            pages: built.rebuilt.pages,
          }
        : null,
      serving: this.serving?.buildId ?? null,
    };
  }
}

/** The first LMS format course.yml lists (web when it lists no other); SCORM 2004 when unreadable. */
async function defaultFormat(dir: string): Promise<FormatId> {
  try {
    const config = parseYaml(await readFile(path.join(dir, COURSE_FILE), "utf8")) as { formats?: unknown } | null;
    const listed = Array.isArray(config?.formats)
      ? config.formats.filter((f): f is FormatId => (FORMAT_IDS as readonly unknown[]).includes(f))
      : [];
    return listed.find((f) => f !== "web") ?? listed[0] ?? "scorm2004";
  } catch {
    return "scorm2004";
  }
}
