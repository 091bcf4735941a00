/**
 * Where translations live in a course folder and how they are written: one YAML file per source
 * file and language, beside the source, readable and editable by hand.
 *
 *     content/course.yml                          → content/i18n/de/course.yml
 *     content/lessons/01-why.md                   → content/i18n/de/lessons/01-why.yml
 *     content/quizzes/final-assessment.yml        → content/i18n/de/quizzes/final-assessment.yml
 *
 * Each file maps unit ids (see units.ts) to `hash` (of the source text the translation was made
 * from) and `text` (the translation, Markdown where the source is Markdown). A comment above each
 * entry repeats the source text for whoever edits the file.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { readFile } from "../../shared/node/fs-quick.js";
import path from "node:path";
import { Document, isMap, isScalar, type Scalar } from "yaml";
import { z } from "zod";
import { type Diagnostics, fileStart, type Position } from "../diagnostics.js";
import { linkAdvice, linkedOutside } from "../load/course-paths.js";
import { decodeUtf8 } from "../load/utf8.js";
import { YamlSource } from "../load/yaml-source.js";
import { validateSource } from "../schema/validate.js";

/** The folder of a course that holds its translations, one subfolder per language. */
export const I18N_DIR = "i18n";

const entrySchema = z
  .strictObject({
    hash: z
      .string()
      .regex(/^[0-9a-f]{12}$/, { message: "must be the 12 hex digits `coursepack translate import` wrote" })
      .describe("Identifies the source text this translation was made from (written by translate import)."),
    text: z.string().describe("The translation: Markdown where the source is Markdown, else plain text."),
  })
  .describe("One translated unit.");

export const translationFileSchema = z
  .record(z.string(), entrySchema)
  .describe("Translations of one source file into one language, by unit id.");

export interface StoredEntry {
  hash: string;
  text: string;
  /** Where the text is written. */
  at: Position;
}

export interface StoredFile {
  /** Absolute path of the translation file. */
  path: string;
  entries: Map<string, StoredEntry>;
}

/** `lessons/01-why.md` in language `de` → `<course>/i18n/de/lessons/01-why.yml`. */
export function translationPath(courseDir: string, language: string, sourceFile: string): string {
  const rel = path.relative(courseDir, sourceFile);
  const base = rel.slice(0, rel.length - path.extname(rel).length);
  return path.join(courseDir, I18N_DIR, language, `${base}.yml`);
}

/**
 * Reads one translation file of the course in `root`; undefined when there is none. Problems are
 * reported with positions: a link out of the course folder and a file that is not UTF-8, as for
 * the course's own files.
 */
export async function readTranslationFile(
  root: string,
  file: string,
  diagnostics: Diagnostics,
): Promise<StoredFile | undefined> {
  const outside = linkedOutside(root, file);
  if (outside) {
    diagnostics.error(fileStart(file), `${path.relative(root, file)} ${linkAdvice(root, outside)}`);
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    diagnostics.error({ file, line: decoded.line, col: decoded.col }, decoded.message);
    return undefined;
  }
  const text = decoded.text;
  const source = new YamlSource(file, text, diagnostics);
  if (!source.ok) return { path: file, entries: new Map() };
  const entries = new Map<string, StoredEntry>();
  const valid = validateSource(translationFileSchema, source, diagnostics, "translation file");
  for (const [id, entry] of Object.entries(valid ?? {})) {
    entries.set(id, { hash: entry.hash, text: entry.text, at: source.textOrigin([id, "text"]) });
  }
  return { path: file, entries };
}

export interface EntryToWrite {
  id: string;
  hash: string;
  text: string;
  /** The source text, written as a comment above the entry. */
  source: string;
}

/** Writes a translation file, entries in the order given. */
export async function writeTranslationFile(
  file: string,
  header: string,
  entries: readonly EntryToWrite[],
): Promise<void> {
  const doc = new Document(Object.fromEntries(entries.map((e) => [e.id, { hash: e.hash, text: e.text }])));
  doc.commentBefore = commentLines(header);
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, i) => {
      const key = pair.key as Scalar;
      if (isScalar(key)) key.commentBefore = commentLines(entries[i]!.source);
      if (i > 0) key.spaceBefore = true;
      // Long texts as folded blocks (`>-`): wrapped lines without quotes, easy to edit.
      const text = isMap(pair.value) ? pair.value.get("text", true) : undefined;
      if (isScalar(text) && String(text.value).length > 80) text.type = "BLOCK_FOLDED";
    });
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, doc.toString({ lineWidth: 100, minContentWidth: 40 }));
}

/** Text as YAML comment lines (the library adds the `#`), wrapped at about 96 characters. */
function commentLines(text: string): string {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + word.length + 1 > 96) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.map((l) => ` ${l}`).join("\n");
}
