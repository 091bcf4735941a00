/**
 * Build stage for translations: the course model in one of its `languages`, from the files in
 * i18n/<language>/. Every text without a translation stays in the source language; the build warns
 * about it once per file, about each translation whose source text changed since it was made (at
 * the source text, so the author sees what changed), and about translations of texts that no
 * longer exist.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Diagnostics, Position } from "../diagnostics.js";
import { isInside, linkAdvice, linkedOutside } from "../load/course-paths.js";
import { parseInlineIn } from "../markdown/index.js";
import { AssetMap, isLessonLink, resolveReference } from "../model/assets.js";
import type { CourseModel } from "../model/index.js";
import { quotesFor, withLanguageIds } from "./languages.js";
import { I18N_DIR, readTranslationFile, translationPath, type StoredFile } from "./store.js";
import { courseSourceFiles, translateModel, type Unit } from "./units.js";
import { useLanguageVersions } from "./versions.js";

const EXPORT_HINT = (language: string) => `coursepack translate export --changed --to ${language}`;

/** Reads the translation files of `language` for every source file of the course. */
export async function readLanguage(
  model: CourseModel,
  language: string,
  diagnostics: Diagnostics,
): Promise<Map<string, StoredFile>> {
  const stored = new Map<string, StoredFile>();
  await Promise.all(
    courseSourceFiles(model).map(async (file) => {
      const found = await readTranslationFile(model.dir, translationPath(model.dir, language, file), diagnostics);
      if (found) stored.set(file, found);
    }),
  );
  return stored;
}

export async function localize(model: CourseModel, language: string, diagnostics: Diagnostics): Promise<CourseModel> {
  const stored = await readLanguage(model, language, diagnostics);
  const used = new Set<string>();
  const missing = new Map<string, Unit[]>();
  const assets = model.assets.copy();
  const quotes = quotesFor(language);
  const translated = translateModel(model, {
    lookup(unit) {
      const file = stored.get(unit.file);
      const entry = file?.entries.get(unit.id);
      if (file) used.add(`${file.path}\0${unit.id}`);
      if (!entry || entry.text.trim() === "") {
        missing.set(unit.file, [...(missing.get(unit.file) ?? []), unit]);
        return undefined;
      }
      if (entry.hash !== unit.hash) {
        diagnostics.warning(
          unit.at,
          `${language}: this text changed after it was translated (unit "${unit.id}", ${rel(model, entry.at)}), so the ${language} version shows the translation of the old text; send it for translation again: ${EXPORT_HINT(language)}`,
        );
      }
      return { text: entry.text, at: entry.at };
    },
    parseInline: (markdown, env) => parseInlineIn(markdown, env, quotes),
    newReference(ref, translation, env) {
      const file = resolveReference(ref.url, env.file);
      const lessons = new Set(model.pages.map((p) => p.file));
      if (isLessonLink(ref.url) ? lessons.has(file) : !AssetMap.isAsset(ref.url) || assets.get(file)) return;
      if (!isLessonLink(ref.url) && isInside(model.dir, file) && existsSync(file)) {
        const outside = linkedOutside(model.dir, file);
        if (outside) diagnostics.error(translation.at, `${language}: "${ref.url}" ${linkAdvice(model.dir, outside)}`);
        else assets.add(file);
        return;
      }
      diagnostics.warning(
        translation.at,
        `${language}: "${ref.url}" points to no ${isLessonLink(ref.url) ? "lesson of the outline" : "file in the course folder"} (relative to ${path.relative(model.dir, env.file)}, like the source text)`,
      );
    },
  });
  if (stored.size === 0) {
    const i = model.config.languages?.indexOf(language) ?? -1;
    diagnostics.warning(
      model.courseSource.position(i >= 0 ? ["languages", i] : ["language"]),
      `${language}: there are no translations in ${I18N_DIR}/${language}/ yet, so this version is in ${model.config.language}; start with ${EXPORT_HINT(language)}`,
    );
  } else reportMissing(model, language, missing, diagnostics);
  for (const file of stored.values()) {
    for (const [id, entry] of file.entries) {
      if (used.has(`${file.path}\0${id}`)) continue;
      diagnostics.warning(
        entry.at,
        `${language}: unit "${id}" no longer exists in the source, so this translation is not used; delete it`,
      );
    }
  }
  await useLanguageVersions(model, assets, language, diagnostics);
  return withLanguageIds({ ...translated, assets }, language);
}

function reportMissing(
  model: CourseModel,
  language: string,
  missing: Map<string, Unit[]>,
  diagnostics: Diagnostics,
): void {
  for (const units of missing.values()) {
    const ids = units.map((u) => u.id);
    const list = ids.length > 4 ? `${ids.slice(0, 4).join(", ")} and ${ids.length - 4} more` : ids.join(", ");
    diagnostics.warning(
      units[0]!.at,
      `${language}: ${units.length} text${units.length === 1 ? " of this file is" : "s of this file are"} not translated and show in ${model.config.language} (${list}); ${EXPORT_HINT(language)}`,
    );
  }
}

function rel(model: CourseModel, at: Position): string {
  return `${path.relative(model.dir, at.file)}:${at.line}:${at.col}`;
}
