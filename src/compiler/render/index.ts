/**
 * Render stage: the course model becomes one HTML document (every page a section), the runtime's
 * course data, the theme CSS, the list of asset files and the build stamp (version and content
 * hash, shown in the menu). Rendered once; every target packages it.
 */
import type { BuildStamp } from "../../shared/build-stamp.js";
import type { CourseData } from "../../shared/course-data.js";
import { kindOfBlock } from "../blocks/index.js";
import type { CourseModel, PageModel } from "../model/index.js";
import { textDirection } from "./course-data.js";
import { minifyCss } from "./css.js";
import { PageRenderer } from "./pages.js";
import { PageBytes } from "./page-bytes.js";
import { assetDigest, buildStamp, pageDigest, shortHash, type PageDigest } from "./stamp.js";
import type { Templates } from "./templates.js";

export interface RenderedCourse {
  /** index.html, as UTF-8 (page-bytes.ts says why never as one string). */
  page: Buffer;
  data: CourseData;
  /** Minified theme + course CSS (coursepack.css). */
  css: string;
  /** [source file, package path] of every referenced asset. */
  assets: [string, string][];
  /** coursepack-build.json. */
  stamp: BuildStamp;
}

/**
 * Lets the preview's incremental session (src/compiler/session.ts) keep a page's HTML and the
 * minified CSS between runs; a build renders everything.
 */
export interface RenderMemo {
  page(page: PageModel, number: number, render: () => string): string;
  css(source: string, minify: () => Promise<string>): Promise<string>;
  /** SHA-256 of an asset file, for the content hash. */
  asset(source: string): Promise<string>;
}

/** How long rendering runs before it lets the event loop handle what the file system has done. */
const YIELD_MS = 8;

/** Renders everything; `assets` are asset bytes the build has already read. */
export function renderEverything(assets?: ReadonlyMap<string, Buffer>): RenderMemo {
  return {
    page: (_page, _number, render) => render(),
    css: (_source, minify) => minify(),
    asset: (source) => assetDigest(source, assets),
  };
}

export async function renderCourse(
  model: CourseModel,
  templates: Templates,
  data: CourseData,
  memo: RenderMemo = renderEverything(),
): Promise<RenderedCourse> {
  const renderer = new PageRenderer(model, templates, data);
  const bytes = new PageBytes();
  let lessonNumber = 0;
  /** What the layout gets of each page: its HTML is a stand-in for the bytes in `bytes`. */
  const pages: { id: string; title: string; html: string }[] = [];
  const digests: PageDigest[] = [];
  let since = performance.now();
  for (const page of model.pages) {
    const number = page.kind === "lesson" ? ++lessonNumber : 0;
    const html = memo.page(page, number, () => renderer.page(page, number));
    const encoded = bytes.add(html);
    digests.push(pageDigest(page.id, html, encoded.bytes));
    pages.push({ id: page.id, title: page.title, html: encoded.standIn });
    // Let the event loop run now and then: the packages' folders are being written meanwhile
    // (PackagingRun.placeAssetsEarly), and each file's next step waits for this thread.
    if (performance.now() - since > YIELD_MS) {
      await new Promise(setImmediate);
      since = performance.now();
    }
  }
  const layout = (inLayout: typeof pages, dataJson: string, stamp?: { version: string; build: string }) =>
    templates.render("layout", {
      course: {
        title: model.config.title,
        language: model.config.language,
        direction: textDirection(model.config.language),
        description: model.config.description,
      },
      logo: model.logo,
      themeVars: themeVariables(model.config.theme),
      pages: inLayout,
      stamp,
      dataJson,
    });
  const parts = templates.cssFor(usedBlockTemplates(model));
  const css = await memo.css(parts.map((p) => p.text).join("\n"), () => minifyCss(parts));
  const assets = model.assets.entries();
  const assetDigests = await Promise.all(assets.map(async ([source, name]) => `${name}:${await memo.asset(source)}`));
  // The content hash covers what the learner gets, without the stamp itself: the layout around the
  // pages, each page, the course data, the styles and every asset with its name. It is taken from
  // those parts rather than from the page they make: rendering a 1,000-lesson course's 12 MB page
  // once more, without the stamp, and hashing it cost about 0.25 s.
  data.contentHash = "";
  const json = scriptJson(data);
  const shell = layout(
    pages.map((p) => ({ ...p, html: "" })),
    "",
  );
  const content = shortHash([shell, ...digests.flatMap((p) => [p.id, p.digest, p.kicker]), json, css, ...assetDigests]);
  data.contentHash = content;
  // The data's JSON goes into the page's bytes like a page: in the layout's string it made two
  // more copies of 4 MB at 1,000 lessons.
  const dataJson = withContentHash(json, content)
    .map((part) => bytes.add(part).standIn)
    .join("");
  const page = bytes.assemble(layout(pages, dataJson, { version: model.config.version, build: content }));
  templates.assertContract();
  return { page, data, css, assets, stamp: buildStamp(model.config, content, digests) };
}

/**
 * The course data's JSON with its content hash, written where scriptJson wrote an empty one, in
 * three parts: the text around the hash is not copied.
 */
function withContentHash(json: string, content: string): string[] {
  const empty = '"contentHash":""';
  const at = json.indexOf(empty);
  if (at < 0) throw new Error("the course data has no contentHash to fill in (a Coursepack bug)");
  return [json.slice(0, at), `"contentHash":"${content}"`, json.slice(at + empty.length)];
}

/** The templates (and so the stylesheets) of every block the course uses. */
function usedBlockTemplates(model: CourseModel): string[] {
  return model.pages.flatMap((p) =>
    p.kind === "lesson" ? p.blocks.flatMap((b) => (b ? [kindOfBlock(b).template] : [])) : [],
  );
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function themeVariables(theme: CourseModel["config"]["theme"]): string {
  const clean = (v: string) => v.replace(/[;{}<>]/g, "");
  const vars: string[] = [];
  if (theme.color) vars.push(`--cp-brand:${clean(theme.color)}`);
  if (theme.font) vars.push(`--cp-font:${clean(theme.font)}`);
  if (theme.headingFont) vars.push(`--cp-heading-font:${clean(theme.headingFont)}`);
  return vars.join(";");
}
