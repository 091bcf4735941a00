/**
 * The Handlebars templates, theme CSS and interface strings, with a course's own `templates/`
 * folder layered over the defaults: a file with the same relative name replaces the default, extra
 * `.css` files are appended to the theme, and `strings/<lang>.yml` files merge over ours.
 */
/// <reference path="./handlebars-runtime.d.ts" />
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import Handlebars from "handlebars/runtime";
import { pathToFileURL } from "node:url";
import { PACKAGE_ROOT, TEMPLATES_DIR } from "../../shared/node/paths.js";
import { once } from "../../shared/once.js";
import { BuildFailed, Diagnostics, fileStart } from "../diagnostics.js";
import { linkedOutside, listFiles } from "../load/course-paths.js";
import { YamlSource } from "../load/yaml-source.js";
import type { CssPart } from "./css.js";
import { CONTRACT, type Hook } from "./contract.js";
import { checkOwnTemplates } from "./own-templates.js";
import { addShippedSpecs, templateSpec } from "./template-specs.js";

export const THEME_CSS = "theme.css";

/** The default templates, compiled with Coursepack (scripts/compile.mjs, template-specs.ts). */
const SHIPPED_SPECS_FILE = path.join(PACKAGE_ROOT, "lib", "templates.js");
let shippedSpecs: Promise<void> | undefined;

/** Once per process; without the file (lib/ not compiled yet) every template is compiled when used. */
function loadShippedSpecs(): Promise<void> {
  shippedSpecs ??= import(pathToFileURL(SHIPPED_SPECS_FILE).href).then(
    (module: { default: Record<string, TemplateSpecification> }) => addShippedSpecs(module.default),
    () => undefined,
  );
  return shippedSpecs;
}

export interface TemplateFiles {
  /** Relative name (posix) → absolute path; course files win. */
  files: Map<string, string>;
  /** Course CSS files appended after the theme. */
  extraCss: string[];
}

/**
 * The files of a course's templates folder. A link is followed when it leads to a file in the course
 * folder; one that leads out of it is left out (the `templates` check rule reports it).
 */
async function templateFiles(dir: string): Promise<string[]> {
  if (linkedOutside(path.dirname(dir), dir)) return [];
  const kept = await Promise.all(
    (await listFiles(dir)).map(async ({ rel, link }) => {
      if (!link) return [rel];
      const file = path.join(dir, rel);
      if (linkedOutside(path.dirname(dir), file)) return [];
      return (await stat(file).catch(() => undefined))?.isFile() ? [rel] : [];
    }),
  );
  return kept.flat();
}

export async function findTemplates(courseTemplatesDir: string): Promise<TemplateFiles> {
  const files = new Map<string, string>();
  for (const { rel } of await listFiles(TEMPLATES_DIR)) files.set(rel, path.join(TEMPLATES_DIR, rel));
  const extraCss: string[] = [];
  for (const rel of (await templateFiles(courseTemplatesDir)).sort()) {
    const file = path.join(courseTemplatesDir, rel);
    if (rel.endsWith(".css") && !files.has(rel)) extraCss.push(file);
    else files.set(rel, file);
  }
  return { files, extraCss };
}

export class Templates {
  private readonly hbs = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
  /** What the course's own templates left out of the page (contract.ts), by template and hook. */
  private readonly unmet = new Map<string, { name: string; file: string; hook: Hook }>();

  private constructor(
    private readonly sources: Map<string, string>,
    /** The theme (none when a course removed it), templates/blocks/<name>.css by name, the course's own CSS. */
    private readonly styles: { theme: CssPart[]; blocks: ReadonlyMap<string, CssPart>; own: CssPart[] },
    readonly strings: Record<string, string>,
    /** The course's own templates: their file by name. */
    private readonly ownFiles: ReadonlyMap<string, string>,
  ) {
    // Partials are compiled when first used, from the shared specs (template-specs.ts).
    for (const name of sources.keys())
      this.hbs.registerPartial(name, ((context, options) =>
        this.held(name, this.template(name)(context, options), context)) as Handlebars.Template);
    this.hbs.registerHelper("t", (key: string, options: Handlebars.HelperOptions) =>
      formatString(this.strings, key, options.hash),
    );
  }

  static async load(found: TemplateFiles, language: string, overrides: Record<string, string>): Promise<Templates> {
    const sources = new Map<string, string>();
    const reads: Promise<void>[] = [];
    for (const [rel, file] of found.files) {
      if (rel.endsWith(".hbs")) reads.push(readFile(file, "utf8").then((s) => void sources.set(rel.slice(0, -4), s)));
    }
    const themeFile = found.files.get(THEME_CSS);
    const blockFiles = [...found.files].filter(([rel]) => /^blocks\/[^/]+\.css$/.test(rel));
    const readPart = async (file: string): Promise<CssPart> => ({ file, text: await readFile(file, "utf8") });
    const [theme, own, blockParts] = await Promise.all([
      Promise.all((themeFile ? [themeFile] : []).map(readPart)),
      Promise.all(found.extraCss.map(readPart)),
      Promise.all(blockFiles.map(([, file]) => readPart(file))),
      ...reads,
    ]);
    const blocks = new Map(
      blockFiles.map(([rel], i) => [rel.slice("blocks/".length, -".css".length), blockParts[i]!] as const),
    );
    await loadShippedSpecs();
    const strings = {
      ...(await readStrings(found, "en")),
      ...(await readStrings(found, baseLanguage(language))),
      ...overrides,
    };
    const ownFiles = new Map(
      [...found.files]
        .filter(([rel, file]) => rel.endsWith(".hbs") && !file.startsWith(TEMPLATES_DIR + path.sep))
        .map(([rel, file]) => [rel.slice(0, -".hbs".length), file] as const),
    );
    const templates = new Templates(sources, { theme, blocks, own }, strings, ownFiles);
    await checkOwnTemplates(sources, found.files, new Set(Object.keys(templates.hbs.helpers)));
    return templates;
  }

  /**
   * The CSS of a course in cascade order: the theme, then the stylesheets of the blocks it uses
   * (templates/blocks/<name>.css, so a course without tabs ships no tab styles), then the course's
   * own CSS files.
   */
  cssFor(blockTemplates: Iterable<string>): CssPart[] {
    const used = [...new Set(blockTemplates)].sort().flatMap((name) => this.styles.blocks.get(name) ?? []);
    return [...this.styles.theme, ...used, ...this.styles.own];
  }

  has(name: string): boolean {
    return this.sources.has(name);
  }

  render(name: string, context: object): string {
    return this.held(name, this.template(name)(context), context);
  }

  /** `html`, as a template of the course's own wrote it, held to the contract (contract.ts). */
  private held(name: string, html: string, context: unknown): string {
    const file = this.ownFiles.get(name);
    if (file)
      for (const hook of CONTRACT[name] ?? [])
        if (!hook.found(html, context as Record<string, unknown>))
          this.unmet.set(`${name}\0${hook.need}`, { name, file, hook });
    return html;
  }

  /**
   * Fails the build when a template of the course's own left out what the player needs
   * (contract.ts). What a template once left out stays reported while the template is unchanged:
   * the preview keeps pages it rendered before.
   */
  assertContract(): void {
    if (this.unmet.size === 0) return;
    const diagnostics = new Diagnostics();
    for (const { name, file, hook } of this.unmet.values())
      diagnostics.error(
        fileStart(file),
        `this template must write ${hook.need}: ${hook.why} (Coursepack's own ${name}.hbs, in templates/ of its package, shows where)`,
      );
    throw new BuildFailed(diagnostics);
  }

  private template(name: string): Handlebars.TemplateDelegate {
    return once(this.compiled, name, () => {
      const source = this.sources.get(name);
      if (source === undefined) throw new Error(`template ${name}.hbs not found`);
      return this.hbs.template(templateSpec(source));
    });
  }
}

let stringKeys: ReadonlySet<string> | undefined;

/** Keys of the default English strings: every key a course may override (read once per process). */
export function knownStringKeys(): ReadonlySet<string> {
  const file = path.join(TEMPLATES_DIR, "strings", "en.yml");
  stringKeys ??= new Set(Object.keys(stringsFile(file, readFileSync(file, "utf8"))));
  return stringKeys;
}

export function baseLanguage(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

async function readStrings(found: TemplateFiles, lang: string): Promise<Record<string, string>> {
  const file = found.files.get(`strings/${lang}.yml`);
  if (!file) return {};
  const data = stringsFile(file, await readFile(file, "utf8"));
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)]));
}

/** A strings file's keys and texts; YAML errors fail the build at their `file:line:col`. */
function stringsFile(file: string, text: string): Record<string, unknown> {
  const diagnostics = new Diagnostics();
  const yaml = new YamlSource(file, text, diagnostics);
  if (!yaml.ok) throw new BuildFailed(diagnostics);
  return (yaml.value ?? {}) as Record<string, unknown>;
}

/** "{done} of {total}" with values from `params`. */
export function formatString(
  strings: Record<string, string>,
  key: string,
  params: Record<string, unknown> = {},
): string {
  const template = strings[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
