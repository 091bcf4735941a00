/**
 * A translation's own versions of the files a course references. A video's captions, its poster, an
 * audio file or an image can exist in several languages: the file beside the source's, named with
 * the language before its extension (`intro.vtt` → `intro.de.vtt`; `intro.en.vtt` → `intro.de.vtt`
 * when the source's name carries the course language), replaces it in that language's packages.
 * Block settings such as `captions=` are not translation units, so a name is how a translation
 * finds its files; without one the package ships the source's file and says which language it is
 * (captions keep their own `srclang`).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isWebVtt } from "../blocks/media.js";
import { fileStart, type Diagnostics } from "../diagnostics.js";
import { linkAdvice, linkedOutside } from "../load/course-paths.js";
import type { AssetMap } from "../model/assets.js";
import type { CourseModel } from "../model/index.js";

/** Points each of the source's files that has a version in `language` at that version, in `assets`. */
export async function useLanguageVersions(
  model: CourseModel,
  assets: AssetMap,
  language: string,
  diagnostics: Diagnostics,
): Promise<void> {
  for (const [file] of model.assets.entries()) {
    const version = versionNames(file, model.assets.language, language).find((name) => existsSync(name));
    if (!version) continue;
    const outside = linkedOutside(model.dir, version);
    if (outside) diagnostics.error(fileStart(version), `${language}: this file ${linkAdvice(model.dir, outside)}`);
    else if (/\.vtt$/i.test(version) && !isWebVtt(await readFile(version, "utf8")))
      diagnostics.error(
        fileStart(version),
        `${language}: these captions are not WebVTT: the file must start with the line "WEBVTT"`,
      );
    else assets.useVersion(file, version, language);
  }
}

/** Where the `language` version of `file` may be, most specific first. */
export function versionNames(file: string, courseLanguage: string, language: string): string[] {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  const own = `.${courseLanguage}`.toLowerCase();
  const stems = stem.toLowerCase().endsWith(own) ? [stem.slice(0, -own.length), stem] : [stem];
  const tags = [...new Set([language, language.toLowerCase()])];
  return [...new Set(stems.flatMap((s) => tags.map((tag) => `${s}.${tag}${ext}`)))];
}
