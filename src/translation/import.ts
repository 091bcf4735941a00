/**
 * `coursepack translate import`: XLIFF files back into the course's i18n/<language>/ files.
 * A file for another course or source language is refused whole; a unit is refused (with the
 * place of its target) when its id is not in the course or its inline codes differ from its
 * source's; every other unit is written, as Markdown with the source's formatting. Units without
 * a translation are reported, and so are the course's texts still untranslated afterwards.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Diagnostics, type Position } from "../compiler/diagnostics.js";
import { readLanguage } from "../compiler/i18n/localize.js";
import { codesOf, segmentHash, type Part, type SegmentFormat } from "../compiler/i18n/segment.js";
import { translationPath, type EntryToWrite, writeTranslationFile } from "../compiler/i18n/store.js";
import type { Unit } from "../compiler/i18n/units.js";
import { checkFormatting, describeCode, translationMarkdown } from "./markdown.js";
import { HASH_NOTE } from "./export.js";
import { courseLanguages, languageName } from "../compiler/i18n/languages.js";
import { loadTranslatable, type TranslatableCourse } from "./course.js";
import { readXliff, XliffError, type ReadUnit } from "./xliff.js";

export interface ImportResult {
  diagnostics: Diagnostics;
  /** Per language: units written and the translation files written. */
  languages: { language: string; units: number; files: string[]; missing: number; courseLanguages: string[] }[];
}

interface Accepted {
  unit: Unit;
  hash: string;
  text: string;
}

export async function importTranslations(dir: string, xliffFiles: string[]): Promise<ImportResult> {
  const course = await loadTranslatable(dir);
  const diagnostics = new Diagnostics();
  const accepted = new Map<string, Accepted[]>();
  for (const file of xliffFiles) {
    const found = await readOne(course, path.resolve(file), diagnostics);
    if (found) accepted.set(found.language, [...(accepted.get(found.language) ?? []), ...found.units]);
  }
  const languages: ImportResult["languages"] = [];
  for (const [language, units] of accepted) languages.push(await write(course, language, units, diagnostics));
  return { diagnostics, languages };
}

async function readOne(
  course: TranslatableCourse,
  file: string,
  diagnostics: Diagnostics,
): Promise<{ language: string; units: Accepted[] } | undefined> {
  const { model } = course;
  let doc: Awaited<ReturnType<typeof readXliff>>;
  try {
    doc = await readXliff(await readFile(file, "utf8"), file);
  } catch (error) {
    if (error instanceof XliffError) diagnostics.error(error.at, error.message);
    else if ((error as { code?: string }).code === "ENOENT")
      diagnostics.error({ file, line: 1, col: 1 }, "there is no such file: check the path of the XLIFF file to import");
    else diagnostics.error({ file, line: 1, col: 1 }, `cannot read ${file}: ${(error as Error).message}`);
    return undefined;
  }
  const at = doc.files[0]?.at ?? { file, line: 1, col: 1 };
  const source = model.config.language;
  if (doc.sourceLanguage.toLowerCase() !== source.toLowerCase()) {
    diagnostics.error(
      at,
      `this file translates from "${doc.sourceLanguage}", but the course is written in "${source}"`,
    );
    return undefined;
  }
  const language = doc.targetLanguage;
  if (!language || language.toLowerCase() === source.toLowerCase()) {
    diagnostics.error(at, "this file names no target language (trgLang / target-language): which language is it?");
    return undefined;
  }
  const foreign = doc.files.find((f) => f.id.split(":")[0] !== model.config.id);
  if (foreign) {
    diagnostics.error(
      foreign.at,
      `this file was exported from course "${foreign.id.split(":")[0]}", not from "${model.config.id}" (the id in ${path.relative(process.cwd(), model.courseFile)}); import it into that course`,
    );
    return undefined;
  }
  const units: Accepted[] = [];
  for (const f of doc.files) {
    const sourceFile = course.files.get(f.id);
    if (!sourceFile) {
      diagnostics.error(f.at, `file "${f.id}" is not part of this course (not course.yml nor in its outline); skipped`);
      continue;
    }
    const known = new Map(course.units.get(sourceFile)!.map((u) => [u.id, u]));
    for (const read of f.units) {
      const unit = known.get(read.id);
      if (!unit) {
        diagnostics.error(
          read.at,
          `unit "${read.id}" does not exist in ${path.relative(model.dir, sourceFile)}; was it removed from the source after the export? Export again`,
        );
        continue;
      }
      const accepted = acceptUnit(read, unit, language, diagnostics);
      if (accepted) units.push(accepted);
    }
  }
  return { language, units };
}

function acceptUnit(read: ReadUnit, unit: Unit, language: string, diagnostics: Diagnostics): Accepted | undefined {
  const refuse = (at: Position, why: string) => {
    diagnostics.error(at, `unit "${read.id}" refused: ${why}`);
    return undefined;
  };
  if (read.target === undefined || (Array.isArray(read.target) && isEmpty(read.target))) {
    diagnostics.warning(read.at, `${language}: unit "${read.id}" has no translation yet`);
    return undefined;
  }
  if (read.target instanceof Error) return refuse(read.targetAt, read.target.message);
  const problem = compareCodes(read.source, read.target);
  if (problem) return refuse(read.targetAt, problem);
  const text = translationMarkdown(read.source, read.target, unit.segment.format);
  const formatting = checkFormatting(text, read.source, read.target, unit.segment.format);
  if (formatting) return refuse(read.targetAt, formatting);
  const hash =
    read.notes
      .find((n) => n.startsWith(HASH_NOTE))
      ?.slice(HASH_NOTE.length)
      .trim() ?? segmentHash({ format: unit.segment.format, parts: read.source });
  if (hash !== unit.hash) {
    diagnostics.warning(
      read.at,
      `${language}: the source of unit "${read.id}" changed after this file was exported; imported, and the build will warn until it is translated again`,
    );
  }
  return { unit, hash, text };
}

function isEmpty(parts: Part[]): boolean {
  return parts.every((p) => typeof p === "string" && p.trim() === "");
}

/** Why the target's codes differ from the source's, or undefined when every code is there once. */
function compareCodes(source: Part[], target: Part[]): string | undefined {
  const expected = new Map(codesOf(source).map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (const code of codesOf(target)) {
    const original = expected.get(code.id);
    if (!original) return `the translation has an inline code ${code.id} that its source does not have; remove it`;
    if (seen.has(code.id)) return `inline code ${code.id} (${describeCode(original)}) appears twice; keep it once`;
    if (original.kind !== code.kind)
      return `inline code ${code.id} (${describeCode(original)}) must ${original.kind === "pair" ? "wrap text" : "stand alone"}, as in the source`;
    seen.add(code.id);
  }
  const lost = [...expected.values()].filter((c) => !seen.has(c.id));
  if (lost.length > 0)
    return `the translation lacks inline code${lost.length === 1 ? "" : "s"} ${lost.map((c) => `${c.id} (${describeCode(c)})`).join(", ")} of the source; keep every code of the source`;
  return undefined;
}

async function write(
  course: TranslatableCourse,
  language: string,
  accepted: Accepted[],
  diagnostics: Diagnostics,
): Promise<ImportResult["languages"][number]> {
  const { model } = course;
  const stored = await readLanguage(model, language, diagnostics);
  const byFile = new Map<string, Map<string, Accepted>>();
  for (const a of accepted) {
    const map = byFile.get(a.unit.file) ?? new Map<string, Accepted>();
    map.set(a.unit.id, a);
    byFile.set(a.unit.file, map);
  }
  const files: string[] = [];
  for (const [file, incoming] of byFile) {
    const old = stored.get(file)?.entries ?? new Map();
    const units = course.units.get(file)!;
    const entries: EntryToWrite[] = [];
    for (const unit of units) {
      const fresh = incoming.get(unit.id);
      const kept = old.get(unit.id);
      const source = sourceComment(unit);
      if (fresh) entries.push({ id: unit.id, hash: fresh.hash, text: fresh.text, source });
      else if (kept) entries.push({ id: unit.id, hash: kept.hash, text: kept.text, source });
    }
    // Translations of texts no longer in the source stay (the build warns) until an author deletes them.
    const known = new Set(units.map((u) => u.id));
    for (const [id, entry] of old) {
      if (!known.has(id)) entries.push({ id, hash: entry.hash, text: entry.text, source: "(no longer in the source)" });
    }
    const target = translationPath(model.dir, language, file);
    await writeTranslationFile(target, header(course, language, file), entries);
    files.push(target);
  }
  const after = await readLanguage(model, language, new Diagnostics());
  let missing = 0;
  for (const [file, units] of course.units) {
    const absent = units.filter((u) => !after.get(file)?.entries.has(u.id));
    missing += absent.length;
    if (absent.length > 0) {
      diagnostics.warning(
        absent[0]!.at,
        `${language}: ${absent.length} text${absent.length === 1 ? " of this file has" : "s of this file have"} no translation yet (${absent
          .slice(0, 4)
          .map((u) => u.id)
          .join(", ")}${absent.length > 4 ? ", …" : ""})`,
      );
    }
  }
  return { language, units: accepted.length, files, missing, courseLanguages: courseLanguages(model.config) };
}

function sourceComment(unit: Unit): string {
  return translationMarkdown(unit.segment.parts, unit.segment.parts, unit.segment.format as SegmentFormat);
}

function header(course: TranslatableCourse, language: string, file: string): string {
  const { model } = course;
  return [
    `${languageName(language)} (${language}) translation of ${path.relative(model.dir, file)}, written by \`coursepack translate import\`.`,
    `Edit the texts freely. \`hash\` identifies the ${languageName(model.config.language)} text each one was made from; when that text changes, the build warns until the translation is updated. The comment above each entry repeats the ${languageName(model.config.language)}.`,
  ].join("\n");
}
