/**
 * An incremental build for `coursepack preview`: the pipeline of build.ts (load → model → check →
 * render → package), run again after every edit, reusing what did not change:
 * - per outline file: its text, the source parsed from it and the page model built from it, with the
 *   diagnostics each produced (replayed when reused); a quiz's model also depends on course.yml's
 *   passingScore;
 * - the templates, strings and theme CSS, while no file of the template folders changed and the
 *   course's language and string overrides are the same;
 * - per page: its HTML, while its model, its lesson number, the templates and what its links
 *   resolve against (page files and ids, asset names) are the same;
 * - the minified CSS, while its source is the same.
 * Every file is read again on each run and compared, so a missed file-system event cannot leave a
 * stale page. Check rules always run on the whole model: they are cheap and look across pages.
 * The result is one format's package files in memory: no zip, no package validation.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FormatId } from "../shared/course-data.js";
import { checkCourse, type BuildStages, type CheckedCourse } from "./pipeline.js";
import { Diagnostics, type Diagnostic } from "./diagnostics.js";
import { parsePage, type PageSource } from "./load/load-course.js";
import { buildPage, type CourseModel, type PageModel } from "./model/index.js";
import { packageFiles } from "./packaging/assemble.js";
import { renderCourse, type RenderedCourse, type RenderMemo } from "./render/index.js";
import { findTemplates, Templates } from "./render/templates.js";
import type { PackageFile, Target } from "./targets/target.js";

export interface SessionBuild extends CheckedCourse {
  target: Target;
  rendered: RenderedCourse;
  /** The package of `target`, in package order (as the zip would hold it). */
  files: PackageFile[];
  ms: number;
  /** What this run made anew; everything else was reused from the previous runs. */
  rebuilt: Rebuilt;
}

export interface Rebuilt {
  /** Outline files parsed and modelled again (absolute paths). */
  files: string[];
  /** Ids of the pages rendered again. */
  pages: string[];
  templates: boolean;
  css: boolean;
}

interface FileEntry {
  text: string;
  source: PageSource;
  parseDiagnostics: Diagnostic[];
  /** Built lazily from `source`; dropped when the text changes. */
  model?: { passingScore: number; page: PageModel | undefined; diagnostics: Diagnostic[] };
}

interface RenderEntry {
  number: number;
  templates: Templates;
  links: string;
  html: string;
}

export class BuildSession {
  private readonly files = new Map<string, FileEntry>();
  private templates: { key: string; templates: Templates } | undefined;
  private readonly pages = new WeakMap<PageModel, RenderEntry>();
  private css: { source: string; css: string } | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  /** Builds `format`; throws BuildFailed with every error, like `build()`. Runs one at a time. */
  build(format: FormatId): Promise<SessionBuild> {
    const run = this.queue.then(() => this.run(format));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(format: FormatId): Promise<SessionBuild> {
    const started = performance.now();
    const rebuilt: Rebuilt = { files: [], pages: [], templates: false, css: false };
    const checked = await checkCourse(this.dir, [format], this.stages(rebuilt), "own");
    const rendered = await renderCourse(
      checked.model,
      checked.templates,
      checked.data,
      this.renderMemo(checked.model, checked.templates, rebuilt),
    );
    const target = checked.targets[0]!;
    const files = await packageFiles(target, checked.model, rendered);
    // Files no longer in the outline would otherwise be kept for the whole session.
    const listed = new Set(checked.model.pages.map((p) => p.file));
    for (const file of this.files.keys()) if (!listed.has(file)) this.files.delete(file);
    return { ...checked, target, rendered, files, rebuilt, ms: performance.now() - started };
  }

  private stages(rebuilt: Rebuilt): BuildStages {
    return {
      parsePage: (file, outlineIndex, content, diagnostics) => {
        const entry = this.files.get(file);
        if (entry?.text === content) {
          diagnostics.list.push(...entry.parseDiagnostics);
          return { ...entry.source, outlineIndex };
        }
        const own = new Diagnostics();
        const source = parsePage(file, outlineIndex, content, own);
        diagnostics.list.push(...own.list);
        this.files.set(file, { text: content, source, parseDiagnostics: own.list });
        return source;
      },
      buildPage: (src, passingScore, diagnostics) => {
        const entry = this.files.get(src.file);
        if (!entry) return buildPage(src, passingScore, diagnostics);
        // A lesson does not depend on the course's pass mark; a quiz's default comes from it.
        if (entry.model && (src.kind === "lesson" || entry.model.passingScore === passingScore)) {
          diagnostics.list.push(...entry.model.diagnostics);
          return entry.model.page;
        }
        const own = new Diagnostics();
        const page = buildPage(src, passingScore, own);
        diagnostics.list.push(...own.list);
        entry.model = { passingScore, page, diagnostics: own.list };
        rebuilt.files.push(src.file);
        return page;
      },
      templates: async (model) => {
        const found = await findTemplates(path.join(model.dir, "templates"));
        const key = await templatesKey(found.files, found.extraCss, model);
        if (this.templates?.key !== key) {
          this.templates = { key, templates: await Templates.load(found, model.config.language, model.config.strings) };
          rebuilt.templates = true;
        }
        return this.templates.templates;
      },
    };
  }

  private renderMemo(model: CourseModel, templates: Templates, rebuilt: Rebuilt): RenderMemo {
    const links = JSON.stringify([model.pages.map((p) => [p.file, p.id]), model.assets.entries()]);
    return {
      page: (page, number, render) => {
        const kept = this.pages.get(page);
        if (kept && kept.number === number && kept.templates === templates && kept.links === links) return kept.html;
        const html = render();
        this.pages.set(page, { number, templates, links, html });
        rebuilt.pages.push(page.id);
        return html;
      },
      css: async (source, minify) => {
        if (this.css?.source !== source) {
          this.css = { source, css: await minify() };
          rebuilt.css = true;
        }
        return this.css.css;
      },
    };
  }
}

/** Changes whenever a template, string file or CSS file, the language or a string override does. */
async function templatesKey(files: Map<string, string>, extraCss: string[], model: CourseModel): Promise<string> {
  const hash = createHash("sha1");
  hash.update(JSON.stringify([model.config.language, model.config.strings, extraCss]));
  const names = [...files.keys()].sort();
  const texts = await Promise.all(names.map((name) => readFile(files.get(name)!)));
  for (const [i, name] of names.entries()) hash.update(`\0${name}\0`).update(texts[i]!);
  for (const file of extraCss) hash.update(`\0${file}\0`).update(await readFile(file));
  return hash.digest("hex");
}
