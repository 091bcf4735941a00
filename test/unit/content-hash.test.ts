/**
 * The content hash (render/index.ts, shown in the menu and in coursepack-build.json) is taken from
 * the parts of the page: the layout around the pages, each page, the course data, the styles and
 * the assets. Whatever the learner gets changes it; building again does not.
 */
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { renderCourse } from "../../src/compiler/render/index.js";
import { FIXTURES, ROOT, tempDir } from "../support/build.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir("content-hash");
  await cp(path.join(FIXTURES, "courses", "all-types"), dir, { recursive: true });
});

async function rendered() {
  const { model, templates, data } = await checkCourse(dir, ["web"]);
  return renderCourse(model, templates, data);
}

async function edit(file: string, change: (text: string) => string): Promise<() => Promise<void>> {
  const at = path.join(dir, file);
  const before = await readFile(at, "utf8");
  await writeFile(at, change(before));
  return () => writeFile(at, before);
}

describe("the content hash", () => {
  it("is the same for the same course, and shown where the stamp says", async () => {
    const [a, b] = [await rendered(), await rendered()];
    expect(a.stamp.content).toMatch(/^[0-9a-f]{7}$/);
    expect(b.stamp.content).toBe(a.stamp.content);
    expect(a.page.toString()).toContain(`"contentHash":"${a.stamp.content}"`);
    expect(a.page.toString()).not.toContain('"contentHash":""');
  });

  it("changes with a lesson's text, the course data, the styles and the layout", async () => {
    const base = (await rendered()).stamp.content;
    const changes: [string, string, (text: string) => string][] = [
      ["a lesson's text", "lessons/01-checks.md", (t) => t.replace(/\n\n([A-Z])/, "\n\nAlso: $1")],
      ["the pass mark (course data)", "course.yml", (t) => t.replace("passingScore: 75", "passingScore: 70")],
      ["the course title (the layout around the pages)", "course.yml", (t) => t.replace("title: Every", "title: All")],
    ];
    for (const [what, file, change] of changes) {
      const undo = await edit(file, change);
      expect((await rendered()).stamp.content, what).not.toBe(base);
      await undo();
    }
    await mkdir(path.join(dir, "templates"), { recursive: true });
    await writeFile(path.join(dir, "templates", "extra.css"), "body { margin: 0 }\n");
    expect((await rendered()).stamp.content, "the styles").not.toBe(base);
    const layout = await readFile(path.join(ROOT, "templates", "layout.hbs"), "utf8");
    await writeFile(path.join(dir, "templates", "layout.hbs"), layout.replace("<body>", '<body class="mine">'));
    const withLayout = await rendered();
    expect(withLayout.page.toString()).toContain('<body class="mine">');
    expect(withLayout.stamp.content, "the layout").not.toBe(base);
  });
});

describe("a page's digest in the build stamp", () => {
  it("is the SHA-256 of the page without its kicker, framed by its length, whatever the text", async () => {
    const { pageDigest } = await import("../../src/compiler/render/stamp.js");
    const { createHash } = await import("node:crypto");
    const framed = (text: string) => createHash("sha256").update(`${text.length}:${text}`).digest("hex");
    const kicker = '<p class="page-kicker">Lesson 2 · 9 min</p>';
    const pages = [
      { id: "with", html: `<section><h2>Two ’quotes’</h2>${kicker}<p>Text</p></section>` },
      { id: "without", html: "<section><p>No kicker</p></section>" },
    ];
    const [withKicker, withoutKicker] = pages.map((p) => pageDigest(p.id, p.html, Buffer.from(p.html)));
    expect(withKicker).toEqual({
      id: "with",
      digest: framed("<section><h2>Two ’quotes’</h2><p>Text</p></section>"),
      kicker,
    });
    expect(withoutKicker).toEqual({ id: "without", digest: framed(pages[1]!.html), kicker: "" });
  });
});
