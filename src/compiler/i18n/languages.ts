/**
 * The languages a course is built in and how each language version identifies itself to LMSs.
 *
 * Identifier policy (`languageIds:` in course.yml; docs/translation.md):
 * - `separate` (default): a translation is a course of its own. Its course id is `<id>-<lang>`
 *   (SCORM manifest identifier, browser storage key, objective ids) and its xAPI/cmi5 activity
 *   IRI is `<activityId>/<lang>`, so LMSs and LRSs keep its records and saved progress apart.
 * - `shared`: every language keeps the course's own ids, so LMSs and LRSs see one course (and a
 *   learner's progress carries over between languages; every saved id is language-neutral).
 * The course's own language always keeps the plain ids and package names, so adding a translation
 * never changes the packages or records of the original.
 */
import type { CourseModel } from "../model/index.js";
import { baseLanguage } from "../render/templates.js";

/**
 * A language's name in another language ("de" in English: "German"; "en" in German: "Englisch"),
 * from the runtime's ICU data; the tag itself where ICU does not know it.
 */
export function languageName(tag: string, inLanguage = "en"): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The course language first, then the translations `languages:` lists. */
export function courseLanguages(config: CourseModel["config"]): string[] {
  return [...new Set([config.language, ...(config.languages ?? [])])];
}

/** Lower-case tag for file names and ids: `de-CH` → `de-ch`. */
export function languageSlug(language: string): string {
  return language.toLowerCase();
}

/** The model of one translation with the ids its policy gives it (see the file comment). */
export function withLanguageIds(model: CourseModel, language: string): CourseModel {
  const config = { ...model.config, language };
  if (model.config.languageIds === "shared") return { ...model, config };
  const slug = languageSlug(language);
  const activityId = model.activityId.startsWith("urn:")
    ? `${model.activityId}:${slug}`
    : `${model.activityId.replace(/\/+$/, "")}/${slug}`;
  return { ...model, config: { ...config, id: `${model.config.id}-${slug}` }, activityId };
}

/** Output name of a language's packages: `<id>` for the course language, else `<id>-<lang>`. */
export function outputBase(model: CourseModel, language: string): string {
  const { config } = model;
  return language === config.language ? config.id : `${config.id}-${languageSlug(language)}`;
}

/**
 * Quotation marks the typographer writes for straight quotes in a translation (double open,
 * double close, single open, single close), after the Unicode CLDR's delimiters per language.
 * Languages not listed get markdown-it's English marks.
 */
const QUOTES: Record<string, readonly string[]> = {
  de: ["„", "“", "‚", "‘"],
  "de-ch": ["«", "»", "‹", "›"],
  "de-li": ["«", "»", "‹", "›"],
  fr: ["«\u00a0", "\u00a0»", "‹\u00a0", "\u00a0›"],
  es: ["«", "»", "“", "”"],
  it: ["«", "»", "“", "”"],
  "pt-pt": ["«", "»", "“", "”"],
  pl: ["„", "”", "‚", "’"],
  cs: ["„", "“", "‚", "‘"],
  ru: ["«", "»", "„", "“"],
  uk: ["«", "»", "„", "“"],
  sv: ["”", "”", "’", "’"],
  fi: ["”", "”", "’", "’"],
  nb: ["«", "»", "‘", "’"],
  ja: ["「", "」", "『", "』"],
};

export function quotesFor(language: string): readonly string[] | undefined {
  return QUOTES[languageSlug(language)] ?? QUOTES[baseLanguage(language)];
}
