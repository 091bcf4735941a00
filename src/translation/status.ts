/**
 * `coursepack translate status`: per language, how many of the course's texts have a current
 * translation, how many changed in the source since they were translated (stale), how many have
 * none (missing), and how many translations no longer match a text (obsolete).
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { Diagnostics } from "../compiler/diagnostics.js";
import { courseLanguages } from "../compiler/i18n/languages.js";
import { readLanguage } from "../compiler/i18n/localize.js";
import { I18N_DIR } from "../compiler/i18n/store.js";
import type { Unit } from "../compiler/i18n/units.js";
import { loadTranslatable } from "./course.js";

export interface LanguageStatus {
  language: string;
  /** In course.yml's `languages` (else only a folder in i18n/). */
  listed: boolean;
  total: number;
  translated: number;
  stale: Unit[];
  missing: Unit[];
  obsolete: number;
}

export interface CourseStatus {
  title: string;
  sourceLanguage: string;
  units: number;
  languages: LanguageStatus[];
  /** Problems reading the translation files. */
  diagnostics: Diagnostics;
}

export async function translationStatus(dir: string): Promise<CourseStatus> {
  const { model, units } = await loadTranslatable(dir);
  const listed = courseLanguages(model.config).slice(1);
  const folders = await readdir(path.join(model.dir, I18N_DIR), { withFileTypes: true }).then(
    (entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name),
    () => [],
  );
  const diagnostics = new Diagnostics();
  const all = [...units.values()].flat();
  const languages: LanguageStatus[] = [];
  for (const language of [...new Set([...listed, ...folders.sort()])]) {
    const stored = await readLanguage(model, language, diagnostics);
    const status: LanguageStatus = {
      language,
      listed: listed.includes(language),
      total: all.length,
      translated: 0,
      stale: [],
      missing: [],
      obsolete: 0,
    };
    for (const unit of all) {
      const entry = stored.get(unit.file)?.entries.get(unit.id);
      if (!entry || entry.text.trim() === "") status.missing.push(unit);
      else if (entry.hash !== unit.hash) status.stale.push(unit);
      else status.translated++;
    }
    for (const [file, found] of stored) {
      const ids = new Set((units.get(file) ?? []).map((u) => u.id));
      status.obsolete += [...found.entries.keys()].filter((id) => !ids.has(id)).length;
    }
    languages.push(status);
  }
  return {
    title: model.config.title,
    sourceLanguage: model.config.language,
    units: all.length,
    languages,
    diagnostics,
  };
}
