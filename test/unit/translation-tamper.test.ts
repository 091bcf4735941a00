/**
 * What comes back from an agency is not always right: broken inline codes, units that do not
 * exist, a file for another course. Each is refused with the place in the XLIFF file, while the
 * good units are imported. And when the source changes after translation, the build says where,
 * `export --changed` sends only what changed, and `status` counts it.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, tempDir } from "../support/build.js";
import { coursepack } from "../support/cli.js";
import { translateXliff } from "../support/mechanical-translator.js";

const FIXTURE = path.join(FIXTURES, "courses", "translation");
const HEADING = 'unit id="body.links-and-images"';

let dir: string;
let translated: string;

beforeAll(async () => {
  dir = path.join(await tempDir("tamper"), "course");
  await cp(FIXTURE, dir, { recursive: true });
  const xlf = path.join(dir, "..", "de.xlf");
  expect((await coursepack(["translate", "export", dir, "--to", "de", "-o", xlf])).code).toBe(0);
  translated = translateXliff(await readFile(xlf, "utf8"));
});

/** Writes a tampered copy and imports it; returns the command's result. */
async function importTampered(name: string, edit: (xml: string) => string) {
  const file = path.join(dir, "..", name);
  const xml = edit(translated);
  expect(xml, "the tampering must change the file").not.toBe(translated);
  await writeFile(file, xml);
  return { file, xml, result: await coursepack(["translate", "import", file, "--course", dir]) };
}

/** 1-based line and column of the first match of `needle` in `xml`. */
function place(xml: string, needle: string, from = 0): string {
  const at = xml.indexOf(needle, from);
  const before = xml.slice(0, at).split("\n");
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe("translate import refuses", () => {
  it("a unit whose inline codes do not match its source, at its target, and imports the rest", async () => {
    const unit = 'unit id="body.1"';
    const { file, xml, result } = await importTampered("codes.xlf", (x) => {
      const start = x.indexOf(unit);
      const target = x.indexOf("<target>", start);
      const end = x.indexOf("</target>", target);
      // The translator dropped the strong code (keeping its text).
      const broken = x.slice(target, end).replace(/<pc id="2"[^>]*>(.*?)<\/pc>/, "$1");
      return x.slice(0, target) + broken + x.slice(end);
    });
    expect(result.code).toBe(1);
    const target = place(xml, "<target>", xml.indexOf(unit));
    expect(result.stderr).toContain(
      `${path.relative(process.cwd(), file)}:${target}: error: unit "body.1" refused: the translation lacks inline code 2 (**…**) of the source`,
    );
    expect(result.stdout).toMatch(/German \(de\): \d+ texts written/);
    expect(result.stdout).toContain("1 still untranslated");
    const stored = await readFile(path.join(dir, "i18n", "de", "lessons", "01-formatting.yml"), "utf8");
    expect(stored).toContain("body.links-and-images:");
    expect(stored).not.toMatch(/^body\.1:/m);
  });

  it("a unit that exists twice in the target or overlaps", async () => {
    const { result } = await importTampered("overlap.xlf", (x) => {
      const start = x.indexOf('unit id="body.1"');
      const target = x.indexOf("<target>", start);
      return `${x.slice(0, target + 8)}<pc id="1">x</pc>${x.slice(target + 8)}`;
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unit "body.1" refused: inline code 1 (*…*) appears twice; keep it once');
  });

  it("a unit id that does not exist in the course", async () => {
    const { file, xml, result } = await importTampered("unknown.xlf", (x) =>
      x.replace(HEADING, 'unit id="body.no-such-heading"'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${path.relative(process.cwd(), file)}:${place(xml, 'unit id="body.no-such-heading"').replace(/:\d+$/, "")}:`,
    );
    expect(result.stderr).toContain(
      'unit "body.no-such-heading" does not exist in lessons/01-formatting.md; was it removed from the source after the export? Export again',
    );
  });

  it("a file exported from another course, whole", async () => {
    const { result } = await importTampered("other.xlf", (x) => x.replaceAll('id="translated:', 'id="another-course:'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /other\.xlf:\d+:\d+: error: this file was exported from course "another-course", not from "translated"/,
    );
    expect(result.stdout).not.toContain("written");
  });

  it("a file that is not XLIFF, or not well-formed", async () => {
    const { file, result } = await importTampered("broken.xlf", (x) => x.replace("</file>", ""));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.relative(process.cwd(), file)}:`);
    expect(result.stderr).toContain("not well-formed XML");
    expect(result.stderr).toContain("Nothing was imported: 1 error.");
    const empty = await importTampered("empty.xlf", () => "not XML at all");
    expect(empty.result.stderr).toContain(
      `${path.relative(process.cwd(), empty.file)}:1:1: error: not well-formed XML`,
    );
  });
});

describe("after the source changes", () => {
  let lesson: string;
  beforeAll(async () => {
    const clean = path.join(dir, "..", "clean.xlf");
    await writeFile(clean, translated);
    expect((await coursepack(["translate", "import", clean, "--course", dir])).code).toBe(0);
    lesson = path.join(dir, "lessons", "02-second.md");
    await writeFile(
      lesson,
      (await readFile(lesson, "utf8")).replace("The details live here.", "The details live here now."),
    );
  });

  it("the build warns per stale unit at the source text, naming the language", async () => {
    const result = await coursepack(["build", dir, "-o", path.join(dir, "..", "dist"), "--format", "web"]);
    expect(result.code).toBe(0);
    const warnings = result.stderr.trim().split("\n");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /lessons\/02-second\.md:7:1: warning: de: this text changed after it was translated \(unit "body\.details\.1", i18n\/de\/lessons\/02-second\.yml:\d+:\d+\)/,
    );
  });

  it("translate status counts it, and export --changed sends only that unit", async () => {
    const status = await coursepack(["translate", "status", dir]);
    expect(status.stdout).toMatch(/de {5}\d+ translated \(\d+ %\), 1 stale, 0 missing/);
    const out = path.join(dir, "..", "changed.xlf");
    const ex = await coursepack(["translate", "export", dir, "--to", "de", "--changed", "-o", out]);
    expect(ex.code).toBe(0);
    const xml = await readFile(out, "utf8");
    expect(xml.match(/<unit /g)).toHaveLength(1);
    expect(xml).toContain('<unit id="body.details.1">');
    expect(xml).toContain("<source>The details live here now.</source>");
  });
});
