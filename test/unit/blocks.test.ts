/**
 * Blocks on the build side: each block's syntax becomes the markup its runtime module and the print
 * stylesheet expect, and the course data the runtime tracks. Malformed blocks are covered by the
 * broken-course fixtures (test/fixtures/broken/block-*, scenario-*, media-*).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { renderCourse, type RenderedCourse } from "../../src/compiler/render/index.js";
import { worstCaseState } from "../../src/compiler/targets/scorm/suspend-budget.js";
import type { CourseData } from "../../src/shared/course-data.js";
import { FIXTURES } from "../support/build.js";

let rendered: RenderedCourse;
/** index.html as text. */
let pageHtml: string;
let data: CourseData;

beforeAll(async () => {
  const checked = await checkCourse(path.join(FIXTURES, "courses", "blocks"));
  expect(checked.diagnostics.list.filter((d) => !/activityId/.test(d.message))).toEqual([]);
  rendered = await renderCourse(checked.model, checked.templates, checked.data);
  pageHtml = rendered.page.toString();
  data = checked.data;
});

/** The HTML of one block, by its id. */
function block(id: string): string {
  const start = pageHtml.indexOf(`id="block-${id}"`);
  expect(start, `block ${id}`).toBeGreaterThan(0);
  const open = pageHtml.lastIndexOf("<", start);
  const tag = /^<(\w+)/.exec(pageHtml.slice(open))![1]!;
  // Blocks nest, so count the block's own tag to find its end.
  let depth = 0;
  const re = new RegExp(`<${tag}[\\s>]|</${tag}>`, "g");
  re.lastIndex = open;
  for (let m = re.exec(pageHtml); m; m = re.exec(pageHtml)) {
    depth += m[0].startsWith("</") ? -1 : 1;
    if (depth === 0) return pageHtml.slice(open, m.index + m[0].length);
  }
  throw new Error(`block ${id} is not closed`);
}

describe("callouts, quote and timeline", () => {
  it("render a callout per tone, with the default or the written title", () => {
    for (const tone of ["note", "tip", "warning", "example", "takeaway"])
      expect(pageHtml).toContain(`class="block callout callout-${tone}"`);
    expect(block("static-note-1")).toMatch(/role="note" aria-labelledby="block-static-note-1-title"/);
    expect(block("static-note-1")).toContain("</span>Note</p>");
    expect(block("static-tip-1")).toContain("</span>Ask before you assume</p>");
    expect(block("static-takeaway-1")).toContain("</span>Key takeaway</p>");
  });

  it("render a quote with its attribution and a timeline as an ordered list of headed events", () => {
    expect(block("static-quote-1")).toMatch(
      /<figure class="block quote"[\s\S]*<blockquote[\s\S]*<figcaption class="quote-by">Maya, sales manager/,
    );
    const timeline = block("static-timeline-1");
    expect(timeline.startsWith('<ol class="block timeline"')).toBe(true);
    expect(timeline.match(/<li class="timeline-event">/g)).toHaveLength(3);
    expect(timeline).toContain('<h3 class="timeline-label">Week 2</h3>');
  });

  it("are not interactive: nothing to track", () => {
    expect(Object.keys(data.blocks).filter((id) => id.startsWith("static-"))).toEqual([]);
  });
});

describe("tabs", () => {
  it("follow the WAI-ARIA tabs pattern: one tab stop, panels labelled by their tabs", () => {
    const html = block("drivers");
    expect(html).toContain('role="tablist" aria-label="Drivers"');
    expect(html.match(/role="tab"/g)).toHaveLength(3);
    expect(html).toMatch(
      /id="block-drivers-0-tab" aria-controls="block-drivers-0-panel" aria-selected="true" tabindex="0"/,
    );
    expect(html).toMatch(
      /id="block-drivers-1-tab" aria-controls="block-drivers-1-panel" aria-selected="false" tabindex="-1"/,
    );
    expect(html).toMatch(
      /role="tabpanel" id="block-drivers-1-panel" aria-labelledby="block-drivers-1-tab" tabindex="0" data-panel="1" hidden/,
    );
  });

  it("hold other blocks (a callout with fewer colons) and keep each tab's label for print", () => {
    expect(block("drivers")).toContain('class="block callout callout-tip"');
    expect(block("drivers")).toContain('<p class="print-label">Recognition</p>');
  });
});

describe("accordion, reveal, flip cards, steps and labelled graphic", () => {
  it("accordion: headings hold buttons that control labelled regions", () => {
    const html = block("questions");
    expect(html).toMatch(
      /<h3 class="accordion-heading">\s*<button type="button" class="accordion-trigger" id="block-questions-0-button" aria-expanded="false" aria-controls="block-questions-0-panel"/,
    );
    expect(html).toContain('role="region" aria-labelledby="block-questions-0-button" data-panel="0" hidden');
  });

  it("reveal: a disclosure button with the written text", () => {
    expect(block("answer")).toMatch(
      /aria-expanded="false" aria-controls="block-answer-content" data-item="0">Show the answer/,
    );
  });

  it("flip cards: front from the heading (and the text before ---), back from the rest", () => {
    const html = block("cards");
    expect(html.match(/<li class="flipcard"/g)).toHaveLength(2);
    expect(html).toMatch(
      /flipcard-back" id="block-cards-1-back" role="group" aria-label="Lagging indicator">[\s\S]*Something you can only report/,
    );
    expect(html).not.toContain("<hr>");
    expect(html).toMatch(/aria-expanded="false" aria-controls="block-cards-0-back" data-flip>Turn over/);
  });

  it("steps: the first step shown, the rest hidden, the count and both buttons", () => {
    const html = block("review");
    expect(html).toContain("Step 1 of 3");
    expect(html.match(/<li class="step"[^>]*hidden>/g)).toHaveLength(2);
    expect(html).toContain('data-step="-1" hidden>Previous step');
  });

  it("labelled graphic: the image, numbered markers placed in percent, one panel per marker", () => {
    const html = block("funnel");
    expect(html).toMatch(/<img src="assets\/images\/funnel.svg" alt="A sales funnel from leads to closed deals"/);
    expect(html).toMatch(
      /class="hotspot badge" style="left:50%;top:45%" aria-expanded="false" aria-controls="block-funnel-1-panel"/,
    );
    expect(html).toContain('<span class="visually-hidden">2. Qualified</span>');
    expect(html.match(/class="hotspot-panel"/g)).toHaveLength(3);
  });

  it("describe themselves to the runtime, all required when the lesson says completion: blocks", () => {
    expect(data.blocks.drivers).toEqual({
      id: "drivers",
      kind: "tabs",
      page: "interactive",
      title: "Drivers",
      required: true,
      items: 3,
    });
    expect(data.blocks.cards).toMatchObject({
      kind: "flipcards",
      items: 2,
      title: "Leading indicator, Lagging indicator",
    });
    const page = data.pages.find((p) => p.id === "interactive")!;
    expect(page.blocks).toEqual(["drivers", "questions", "cards", "review", "answer", "funnel"]);
    expect(page.requires).toEqual(page.blocks);
    expect(pageHtml).toContain('<a href="#block-drivers">Open every tab: Drivers</a>');
  });
});

describe("scenario", () => {
  it("renders every node, the start first and shown, choices as buttons, endings with their score", () => {
    const html = block("luis");
    expect(html.match(/class="scenario-node/g)).toHaveLength(4);
    expect(html).toMatch(/data-node="0">\s*<div class="scenario-line">/);
    expect(html.match(/data-node="\d" hidden/g)).toHaveLength(3);
    expect(html).toContain('data-choice="1">Then make more calls.</button>');
    expect(html).toContain("This is where the scenario ends. Score: 100 %");
  });

  it("gives the runtime its graph: node texts for reports, choices by target index, ending scores", () => {
    expect(data.blocks.luis).toMatchObject({
      kind: "scenario",
      required: true,
      weight: 0,
      title: "Luis missed his target",
    });
    const nodes = data.blocks.luis!.kind === "scenario" ? data.blocks.luis!.nodes : [];
    expect(nodes.map((n) => n.id)).toEqual(["opening", "explore", "shutdown", "good"]);
    expect(nodes[0]).toEqual({
      id: "opening",
      speaker: "Luis",
      text: "I know I missed again. I made all my calls.",
      choices: [
        { id: "walk-me-through-your", text: "Walk me through your first meetings.", to: 1 },
        { id: "then-make-more-calls", text: "Then make more calls.", to: 2 },
      ],
    });
    expect(nodes[3]).toMatchObject({ ending: { score: 100 }, choices: [] });
  });
});

describe("media", () => {
  it("local video: poster, WebVTT captions in the course language, transcript, completion rule", () => {
    const html = block("clip");
    expect(html).toMatch(
      /<video class="media-player" controls preload="metadata" playsinline src="assets\/media\/clip.webm" poster="assets\/images\/funnel.svg"/,
    );
    expect(html).toContain('<track kind="captions" src="assets/media/clip.vtt" srclang="en" label="Captions" default>');
    expect(html).toContain("<summary>Transcript</summary>");
    expect(html).toContain("Play at least 50 % of it to complete this lesson.");
    expect(data.blocks.clip).toMatchObject({ kind: "video", threshold: 0.5, required: true, external: false });
    expect(rendered.assets.map(([, name]) => name)).toEqual(
      expect.arrayContaining(["assets/media/clip.webm", "assets/media/clip.vtt", "assets/media/tone.ogg"]),
    );
  });

  it("audio and a hosted video: an embed with a link beside it, never required", () => {
    expect(block("tone")).toMatch(
      /<audio class="media-player" controls preload="metadata" src="assets\/media\/tone.ogg"/,
    );
    const hosted = block("media-video-2");
    expect(hosted).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="A hosted video"');
    expect(hosted).toContain(
      'href="https://www.youtube.com/watch?v&#x3D;dQw4w9WgXcQ" target="_blank" rel="noopener noreferrer">Watch on YouTube',
    );
    expect(data.blocks["media-video-2"]).toMatchObject({ external: true, required: false });
  });
});

describe("stylesheets", () => {
  it("ship only the CSS of the blocks a course uses", async () => {
    expect(rendered.css).toContain(".flipcard-face{");
    expect(rendered.css).toContain(".scenario-choice{");
    const plain = await checkCourse(path.join(FIXTURES, "courses", "rendering"));
    const css = (await renderCourse(plain.model, plain.templates, plain.data)).css;
    expect(css).not.toContain(".flipcard");
    expect(css).not.toContain(".tab-list");
    expect(css).toContain(".requirements{");
  });
});

describe("saved progress", () => {
  it("the build's worst-case state holds every block fully opened, so its suspend_data warning counts them", () => {
    const worst = worstCaseState(data);
    expect(worst.blocks?.drivers).toEqual({ kind: "seen", seen: 0b111 });
    expect(worst.blocks?.clip).toEqual({ kind: "seen", seen: 2 ** 30 - 1 });
    expect(worst.blocks?.luis).toMatchObject({ kind: "scenario", at: 3, ended: true });
    expect(Object.keys(worst.blocks ?? {}).sort()).toEqual(Object.keys(data.blocks).sort());
  });
});

describe("navigation", () => {
  it("carries the course's navigation rule and a quiz's opensAfter", () => {
    expect(data.navigation).toBe("free");
    expect(data.quizzes.quiz?.opensAfter).toBe("lessons");
  });
});
