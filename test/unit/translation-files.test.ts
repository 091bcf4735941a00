/**
 * A translation's own files (compiler/i18n/versions.ts): `intro.de.vtt` beside `intro.vtt` replaces
 * it in the German packages (captions, posters, images alike), and captions that have no German
 * version keep the language they are in (`srclang`), with a label that says so.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BuildFailed } from "../../src/compiler/diagnostics.js";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { renderCourse } from "../../src/compiler/render/index.js";
import { versionNames } from "../../src/compiler/i18n/versions.js";
import { tempDir } from "../support/build.js";

const SVG = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>${text}</title></svg>`;
const VTT = (text: string) => `WEBVTT\n\n00:00.000 --> 00:02.000\n${text}\n`;

async function course(): Promise<string> {
  const dir = path.join(await tempDir("translation-files"), "course");
  await mkdir(path.join(dir, "lessons"), { recursive: true });
  await mkdir(path.join(dir, "media"));
  await mkdir(path.join(dir, "images"));
  await writeFile(
    path.join(dir, "course.yml"),
    [
      "id: files",
      "title: Files in two languages",
      "description: A course whose files exist in English and German.",
      "language: en",
      "languages: [en, de]",
      "formats: [web]",
      "outline:",
      "  - lessons/01-watch.md",
      "",
    ].join("\n"),
  );
  await writeFile(
    path.join(dir, "lessons", "01-watch.md"),
    [
      "---",
      "title: Watch",
      "---",
      "",
      "![Funnel](../images/funnel.svg)",
      "",
      "::: video ../media/intro.webm {#intro poster=../images/still.svg captions=../media/intro.vtt}",
      "Transcript: a square moves.",
      ":::",
      "",
      "::: audio ../media/talk.ogg {#talk captions=../media/talk.en.vtt}",
      "Transcript: a voice.",
      ":::",
      "",
    ].join("\n"),
  );
  await writeFile(path.join(dir, "media", "intro.webm"), "webm bytes");
  await writeFile(path.join(dir, "media", "talk.ogg"), "ogg bytes");
  await writeFile(path.join(dir, "media", "intro.vtt"), VTT("A square moves."));
  await writeFile(path.join(dir, "media", "intro.de.vtt"), VTT("Ein Quadrat bewegt sich."));
  await writeFile(path.join(dir, "media", "talk.en.vtt"), VTT("Hello."));
  await writeFile(path.join(dir, "images", "funnel.svg"), SVG("funnel"));
  await writeFile(path.join(dir, "images", "funnel.de.svg"), SVG("Trichter"));
  await writeFile(path.join(dir, "images", "still.svg"), SVG("still"));
  return dir;
}

async function rendered(dir: string) {
  const { languages } = await checkCourse(dir);
  const out = new Map<string, { html: string; assets: string[] }>();
  for (const version of languages) {
    const page = await renderCourse(version.model, version.templates, version.data);
    out.set(version.language, { html: page.page.toString(), assets: page.assets.map(([, name]) => name).sort() });
  }
  return out;
}

const track = (html: string, block: string) =>
  new RegExp(`data-block="${block}"[\\s\\S]*?(<track [^>]*>)`).exec(html)?.[1];

describe("a translation's own files", () => {
  it("ships intro.de.vtt and funnel.de.svg in the German packages, the source's files elsewhere", async () => {
    const built = await rendered(await course());
    const en = built.get("en")!;
    const de = built.get("de")!;
    expect(track(en.html, "intro")).toBe(
      '<track kind="captions" src="assets/media/intro.vtt" srclang="en" label="Captions" default>',
    );
    expect(track(de.html, "intro")).toBe(
      '<track kind="captions" src="assets/media/intro.de.vtt" srclang="de" label="Untertitel" default>',
    );
    expect(de.html).toContain('<img src="assets/images/funnel.de.svg" alt="Funnel"');
    expect(en.html).toContain('<img src="assets/images/funnel.svg" alt="Funnel"');
    // A German package carries the German files instead of the English ones, not beside them.
    expect(de.assets).toContain("assets/media/intro.de.vtt");
    expect(de.assets).not.toContain("assets/media/intro.vtt");
    expect(de.assets).not.toContain("assets/images/funnel.svg");
    expect(en.assets).not.toContain("assets/media/intro.de.vtt");
    // Files with no German version are the source's in both.
    expect(de.assets).toContain("assets/images/still.svg");
    expect(de.html).toContain('poster="assets/images/still.svg"');
  });

  it("labels captions that have no version in the package's language with their own language", async () => {
    const built = await rendered(await course());
    // talk.en.vtt has no talk.de.vtt: the German package plays English captions and says so.
    expect(track(built.get("de")!.html, "talk")).toBe(
      '<track kind="captions" src="assets/media/talk.en.vtt" srclang="en" label="Untertitel (Englisch)" default>',
    );
    expect(track(built.get("en")!.html, "talk")).toBe(
      '<track kind="captions" src="assets/media/talk.en.vtt" srclang="en" label="Captions" default>',
    );
  });

  it("finds talk.de.vtt for talk.en.vtt once it exists", async () => {
    const dir = await course();
    await writeFile(path.join(dir, "media", "talk.de.vtt"), VTT("Hallo."));
    await rm(path.join(dir, "media", "intro.de.vtt"));
    const de = (await rendered(dir)).get("de")!;
    expect(track(de.html, "talk")).toBe(
      '<track kind="captions" src="assets/media/talk.de.vtt" srclang="de" label="Untertitel" default>',
    );
    expect(track(de.html, "intro")).toBe(
      '<track kind="captions" src="assets/media/intro.vtt" srclang="en" label="Untertitel (Englisch)" default>',
    );
  });

  it("refuses a version of captions that is not WebVTT", async () => {
    const dir = await course();
    await writeFile(path.join(dir, "media", "intro.de.vtt"), "1\n00:00:00,000 --> 00:00:02,000\nSRT, not WebVTT\n");
    const failed = await checkCourse(dir).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(BuildFailed);
    const errors = (failed as BuildFailed).diagnostics.list.filter((d) => d.severity === "error");
    expect(errors.map((d) => `${path.basename(d.file)}:${d.line}: ${d.message}`)).toEqual([
      'intro.de.vtt:1: de: these captions are not WebVTT: the file must start with the line "WEBVTT"',
    ]);
  });

  it("looks for a version named with the language as written and in lower case", () => {
    expect(versionNames("/c/media/intro.vtt", "en", "pt-BR")).toEqual([
      "/c/media/intro.pt-BR.vtt",
      "/c/media/intro.pt-br.vtt",
    ]);
    expect(versionNames("/c/media/intro.en.vtt", "en", "de")).toEqual([
      "/c/media/intro.de.vtt",
      "/c/media/intro.en.de.vtt",
    ]);
  });
});
