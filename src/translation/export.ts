/**
 * `coursepack translate export`: the course's translatable texts as one XLIFF document per target
 * language, optionally only the units that have no current translation yet (`changed`).
 */
import path from "node:path";
import { Diagnostics } from "../compiler/diagnostics.js";
import { courseLanguages } from "../compiler/i18n/languages.js";
import { readLanguage } from "../compiler/i18n/localize.js";
import { plainTextOf } from "../compiler/i18n/segment.js";
import type { XliffVersion } from "./codes.js";
import { loadTranslatable, wordCount } from "./course.js";
import { writeXliff, type XliffFile } from "./xliff.js";

export interface ExportOptions {
  dir: string;
  languages: string[];
  version: XliffVersion;
  /** Only units that are new or whose source changed since they were translated. */
  changed: boolean;
}

export interface ExportedLanguage {
  courseId: string;
  language: string;
  xml: string;
  units: number;
  words: number;
  /** The course's `languages:` (its own language first): a language not among them is not built. */
  courseLanguages: string[];
}

/** The note that carries a unit's source hash; import reads it back. */
export const HASH_NOTE = "Source hash: ";

export async function exportTranslations(options: ExportOptions): Promise<ExportedLanguage[]> {
  const course = await loadTranslatable(options.dir);
  const { model } = course;
  const out: ExportedLanguage[] = [];
  for (const language of options.languages) {
    const stored = options.changed ? await readLanguage(model, language, new Diagnostics()) : undefined;
    let units = 0;
    let words = 0;
    const files: XliffFile[] = [];
    for (const [file, list] of course.units) {
      const wanted = list.filter((u) => {
        const entry = stored?.get(file)?.entries.get(u.id);
        return !stored || !entry || entry.text.trim() === "" || entry.hash !== u.hash;
      });
      if (wanted.length === 0) continue;
      files.push({
        id: course.fileId(file),
        units: wanted.map((u) => ({
          id: u.id,
          source: u.segment.parts,
          notes: [`${u.note} (${path.relative(model.dir, file)}:${u.at.line})`, `${HASH_NOTE}${u.hash}`],
        })),
      });
      units += wanted.length;
      words += wanted.reduce((n, u) => n + wordCount(plainTextOf(u.segment.parts)), 0);
    }
    const xml = await writeXliff(
      { sourceLanguage: model.config.language, targetLanguage: language, files },
      options.version,
    );
    out.push({
      courseId: model.config.id,
      language,
      xml,
      units,
      words,
      courseLanguages: courseLanguages(model.config),
    });
  }
  return out;
}
