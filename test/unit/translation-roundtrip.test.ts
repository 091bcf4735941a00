/**
 * The agency round trip, through the real command: export XLIFF (2.0 and 1.2) → a mechanical
 * translator fills every target → import → build. Every text must arrive, formatting intact, ids
 * and answer keys unchanged, the XLIFF valid against the official OASIS schemas, and the German
 * packages identified apart from the English ones.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ChoiceQuestionData, CourseData, FillInQuestionData } from "../../src/shared/course-data.js";
import { validateXsd } from "../../src/validator/xsd.js";
import { FIXTURES, tempDir } from "../support/build.js";
import { coursepack } from "../support/cli.js";
import { translateXliff } from "../support/mechanical-translator.js";

const FIXTURE = path.join(FIXTURES, "courses", "translation");

async function courseCopy(): Promise<string> {
  const dir = path.join(await tempDir("translation"), "course");
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

function courseDataOf(html: string): CourseData {
  const json = /<script type="application\/json" id="course-data">(.*?)<\/script>/s.exec(html)![1]!;
  return JSON.parse(json) as CourseData;
}

describe.each(["xliff2", "xliff12"] as const)("round trip through %s", (format) => {
  let dir: string;
  let exported: string;
  let out: string;

  beforeAll(async () => {
    dir = await courseCopy();
    exported = path.join(dir, "..", `de.${format}.xlf`);
    const ex = await coursepack(["translate", "export", dir, "--to", "de", "--format", format, "-o", exported]);
    expect(ex.code, ex.stderr).toBe(0);
    const translated = path.join(dir, "..", `de.${format}.done.xlf`);
    await writeFile(translated, translateXliff(await readFile(exported, "utf8")));
    const im = await coursepack(["translate", "import", translated, "--course", dir]);
    expect(im.code, im.stderr + im.stdout).toBe(0);
    expect(im.stdout).toContain("course complete");
    out = path.join(dir, "..", "dist");
    const b = await coursepack(["build", dir, "-o", out]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr, "a complete translation builds without warnings").toBe("");
  });

  it("exports XLIFF that validates against the official OASIS schema, and so is the translated file", async () => {
    const set = format === "xliff2" ? "xliff20" : "xliff12";
    const files = [exported, exported.replace(/\.xlf$/, ".done.xlf")];
    const results = await validateXsd(
      set,
      await Promise.all(files.map(async (file) => ({ file, xml: await readFile(file, "utf8") }))),
    );
    for (const r of results) expect(r.problems, r.file).toEqual([]);
    expect(results.every((r) => r.valid)).toBe(true);
  });

  it("puts every text of the course into the German packages, formatting intact", async () => {
    const en = await readFile(path.join(out, "translated-web", "index.html"), "utf8");
    const de = await readFile(path.join(out, "translated-de-web", "index.html"), "utf8");
    expect(de).toContain('<html lang="de" dir="ltr">');
    expect(de).toContain("<title>«Translated course»</title>");
    expect(de).toContain("<em>«emphasis»</em>");
    expect(de).toContain("<strong>«strong»</strong>");
    expect(de).toContain("<s>«struck»</s>");
    expect(de).toContain("<code>code</code>");
    expect(de).toContain('<a href="#second-details" data-page="second">«the second lesson»</a>');
    expect(de).toMatch(/<img src="assets\/images\/funnel\.svg" alt="«funnel with four stages»"/);
    expect(de).toContain(
      '<a href="https://example.com/guide" target="_blank" rel="noopener noreferrer">https://example.com/guide</a>',
    );
    expect(de).toContain("<br>");
    expect(de).toContain("<kbd>«Ctrl»</kbd>");
    expect(de).toContain('href="https://example.com/a?b=1&amp;c=2" title="Title"');
    expect(de).toContain("code blocks are not translated");
    // Headings keep their English anchors, so links into them work in every language.
    expect(de).toContain('id="formatting-links-and-images"');
    // No English paragraph text is left: every text run the course shows is wrapped.
    const blockTexts = ["Start with what the customer wants", "Confirm one fact", "Listen more than you talk"];
    for (const text of ["Plain paragraph before any heading", "The details live here", "Share of", ...blockTexts]) {
      expect(en).toContain(text);
      expect(de).toContain(`«${text}`);
    }
  });

  it("translates blocks: item headings without their {attributes}, labels, scenario texts; ids stay", async () => {
    const de = await readFile(path.join(out, "translated-de-web", "index.html"), "utf8");
    expect(de).toMatch(/role="tab"[^>]*>\s*«Open question»/);
    expect(de).not.toContain("{#open}");
    expect(de).toContain("«Show the answer»");
    expect(de).toContain("«We are not sure yet.»");
    const data = courseDataOf(de);
    expect(data.blocks.ways).toMatchObject({ kind: "tabs", title: "«Ways to ask»", items: 2 });
    const talk = data.blocks.talk;
    if (talk?.kind !== "scenario") throw new Error("the scenario is missing");
    expect(talk.title).toBe("«A short talk»");
    expect(talk.nodes[0]).toMatchObject({
      id: "start",
      speaker: "«Customer»",
      text: "«We are not sure yet.»",
      choices: [{ id: "what-would-make-you-sure", text: "«What would make you sure?»" }],
    });
  });

  it("keeps ids and answer keys: a translated choice still scores, translated answers are accepted", async () => {
    const en = courseDataOf(await readFile(path.join(out, "translated-web", "index.html"), "utf8"));
    const de = courseDataOf(await readFile(path.join(out, "translated-de-web", "index.html"), "utf8"));
    expect(Object.keys(de.questions)).toEqual(Object.keys(en.questions));
    expect(de.pages.map((p) => p.id)).toEqual(en.pages.map((p) => p.id));
    const single = (d: CourseData) => d.questions["q-single"] as ChoiceQuestionData;
    expect(single(de).choices.map((c) => [c.id, c.correct])).toEqual(single(en).choices.map((c) => [c.id, c.correct]));
    expect(single(de).choices[0]!.text).toBe("«Coverage against the remaining quota»");
    const fill = de.questions["q-fill-in"] as FillInQuestionData;
    expect(fill.answers).toEqual([
      "«behaviour-based interviewing»",
      "«behavioral interviewing»",
      "«behavioural interviewing»",
    ]);
    expect(de.strings.next).toBe("«Continue»");
    expect(de.strings.progressText).toBe("{done} «of» {total} «finished»");
    expect(de.strings.skipToContent).toBe("Zum Inhalt springen");
  });

  it("identifies the German version apart from the English (languageIds: separate)", async () => {
    const en = courseDataOf(await readFile(path.join(out, "translated-xapi", "index.html"), "utf8"));
    const de = courseDataOf(await readFile(path.join(out, "translated-de-xapi", "index.html"), "utf8"));
    // The browser storage key and SCORM objective ids come from the course id, the xAPI/cmi5
    // statements and State API documents from the activity IRI: learner state never crosses over.
    expect([en.id, de.id]).toEqual(["translated", "translated-de"]);
    expect([en.activityId, de.activityId]).toEqual([
      "https://learning.example.com/courses/translated",
      "https://learning.example.com/courses/translated/de",
    ]);
    const manifest = await readFile(path.join(out, "translated-de-scorm12", "imsmanifest.xml"), "utf8");
    expect(manifest).toContain('<manifest identifier="translated-de"');
    expect(manifest).toContain("<imsmd:language>de</imsmd:language>");
    expect(manifest).toContain('<imsmd:langstring xml:lang="de">«Translated course»</imsmd:langstring>');
    const tincan = await readFile(path.join(out, "translated-de-xapi", "tincan.xml"), "utf8");
    expect(tincan).toContain('<name lang="de">«Translated course»</name>');
  });
});

describe("languageIds: shared", () => {
  it("keeps the course's ids in every language, so LMSs see one course and progress carries over", async () => {
    const dir = await courseCopy();
    const xlf = path.join(dir, "..", "de.xlf");
    await coursepack(["translate", "export", dir, "--to", "de", "-o", xlf]);
    await writeFile(xlf, translateXliff(await readFile(xlf, "utf8")));
    await coursepack(["translate", "import", xlf, "--course", dir]);
    const yml = path.join(dir, "course.yml");
    await writeFile(yml, `${await readFile(yml, "utf8")}languageIds: shared\n`);
    const out = path.join(dir, "..", "dist");
    const b = await coursepack(["build", dir, "-o", out, "--format", "web"]);
    expect(b.code, b.stderr).toBe(0);
    const de = courseDataOf(await readFile(path.join(out, "translated-de-web", "index.html"), "utf8"));
    expect([de.id, de.activityId, de.language]).toEqual([
      "translated",
      "https://learning.example.com/courses/translated",
      "de",
    ]);
  });
});
