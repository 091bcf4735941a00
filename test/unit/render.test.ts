/** Rendering: Markdown rules, asset and link rewriting, template and string overrides, theme. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { parseMarkdown, renderMarkdown } from "../../src/compiler/markdown/index.js";
import { wordCount } from "../../src/compiler/model/lesson.js";
import { renderCourse, type RenderedCourse } from "../../src/compiler/render/index.js";
import { FIXTURES } from "../support/build.js";

let rendered: RenderedCourse;
/** index.html as text. */
let pageHtml: string;

beforeAll(async () => {
  const checked = await checkCourse(path.join(FIXTURES, "courses", "rendering"));
  rendered = await renderCourse(checked.model, checked.templates, checked.data);
  pageHtml = rendered.page.toString();
});

describe("rendering", () => {
  it("gives headings ids prefixed with their page, and rewrites in-page anchors", () => {
    expect(pageHtml).toContain('<h2 id="first-pipeline-stages" tabindex="-1" dir="auto">Pipeline stages</h2>');
    expect(pageHtml).toContain('<a href="#first-pipeline-stages">the stages</a>');
  });

  it("lets the browser pick each text block's direction while the page keeps the course language's", () => {
    expect(pageHtml).toMatch(/<html lang="en" dir="ltr">/);
    const field = parseMarkdown("An English paragraph.\n\nمرحبا بكم في الدورة.\n\n- an item\n\n> a quote", {
      file: "lesson.md",
      line: 1,
      col: 1,
      idPrefix: "lesson",
    });
    const html = renderMarkdown(field, { asset: () => undefined, page: () => undefined });
    expect(html).toContain('<p dir="auto">An English paragraph.</p>');
    expect(html).toContain('<p dir="auto">مرحبا بكم في الدورة.</p>');
    expect(html).toContain('<li dir="auto">an item</li>');
    expect(html).toContain('<blockquote dir="auto">');
    // Choice labels and prompts, rendered from inline Markdown, too.
    expect(pageHtml).toMatch(/<label for="q-kc-render-[\w-]+" dir="auto">/);
  });

  it("turns links to lessons into in-course navigation", () => {
    expect(pageHtml).toContain('<a href="#page-second" data-page="second">the second lesson</a>');
    expect(pageHtml).toContain('<a href="#second-summary" data-page="second">summary section</a>');
    expect(pageHtml).toContain('<a href="#first-pipeline-stages" data-page="first">the first lesson</a>');
  });

  it("copies assets under safe names and points links and images at them", () => {
    expect(rendered.assets.map(([, name]) => name)).toEqual([
      "assets/files/Coaching-Checklist.pdf",
      "assets/images/funnel.svg",
      "assets/images/logo.svg",
    ]);
    expect(pageHtml).toContain('<a href="assets/files/Coaching-Checklist.pdf">the checklist</a>');
    expect(pageHtml).toMatch(
      /<img src="assets\/images\/funnel.svg" alt="A funnel with four stages" loading="lazy" decoding="async">/,
    );
    expect(pageHtml).toContain('<img class="logo" src="assets/images/logo.svg" alt="">');
  });

  it("opens external links outside the LMS frame", () => {
    expect(pageHtml).toContain(
      '<a href="https://example.com/article" target="_blank" rel="noopener noreferrer">the article</a>',
    );
  });

  it("wraps tables for narrow screens and keeps code blocks", () => {
    expect(pageHtml).toContain('<div class="table-scroll" tabindex="0"><table>');
    expect(pageHtml).toContain('<pre><code class="language-js">const coverage = pipeline / gap;');
  });

  it("renders knowledge checks in place with inline Markdown choices", () => {
    expect(pageHtml).toContain('data-question="kc-render"');
    expect(pageHtml).toContain("<strong>Yes</strong>");
    expect(rendered.data.questions["kc-render"]).toMatchObject({ graded: false, parent: "first", type: "single" });
  });

  it("uses the course's template overrides, extra CSS, strings and theme colour", () => {
    expect(pageHtml).toContain("custom-lesson");
    expect(rendered.css).toContain(".page-title{letter-spacing:.02em}");
    expect(pageHtml).toContain(">Onwards</button>");
    expect(rendered.data.strings.next).toBe("Onwards");
    expect(pageHtml).toContain("--cp-brand:#7a1fa2");
  });

  it("derives ids from file names, estimates minutes (reading + checks) and keeps the outline order", () => {
    expect(rendered.data.pages.map((p) => [p.id, p.minutes])).toEqual([
      ["first", 2],
      ["second", 7],
    ]);
  });

  it("counts a lesson's words of prose for its minutes, leaving code blocks out", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount("  One two\n\nthree\u00a0four\tfive  ")).toBe(5);
    expect(wordCount("Before\n\n```js\nconst a = 1;\nconst b = 2;\n```\n\nafter it")).toBe(3);
  });

  it("embeds the course data safely inside a script element", () => {
    const json = /<script type="application\/json" id="course-data">(.*?)<\/script>/s.exec(pageHtml)?.[1] ?? "";
    expect(json).not.toContain("</");
    expect(JSON.parse(json).id).toBe("rendering");
  });
});
