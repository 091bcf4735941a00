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
import { assetDigest, buildStamp, shortHash } from "./stamp.js";
import type { Templates } from "./templates.js";

export interface RenderedCourse {
  /** index.html. */
  html: string;
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
  let lessonNumber = 0;
  const pages = model.pages.map((page) => {
    const number = page.kind === "lesson" ? ++lessonNumber : 0;
    return { id: page.id, title: page.title, html: memo.page(page, number, () => renderer.page(page, number)) };
  });
  const layout = (stamp?: { version: string; build: string }) =>
    templates.render("layout", {
      course: {
        title: model.config.title,
        language: model.config.language,
        direction: textDirection(model.config.language),
        description: model.config.description,
      },
      logo: model.logo,
      themeVars: themeVariables(model.config.theme),
      pages,
      stamp,
      dataJson: scriptJson(data),
    });
  const parts = templates.cssFor(usedBlockTemplates(model));
  const css = await memo.css(parts.map((p) => p.text).join("\n"), () => minifyCss(parts));
  const assets = model.assets.entries();
  // The hash covers what the learner gets, without the stamp itself: the page as rendered without
  // it, the styles and every asset with its name.
  const digests = await Promise.all(assets.map(async ([source, name]) => `${name}:${await memo.asset(source)}`));
  data.contentHash = "";
  const content = shortHash([layout(), css, ...digests]);
  data.contentHash = content;
  const html = layout({ version: model.config.version, build: content });
  templates.assertContract();
  return { html, data, css, assets, stamp: buildStamp(model.config, content, pages) };
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
