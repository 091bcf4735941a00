/**
 * Language tags as course.yml takes them (`language:`, `languages:`, `translate --to`), and the
 * tag an author most likely meant when what they wrote is not one: `de_DE` (a locale's
 * underscore) for de-DE, `German` or `Deutsch` (the language's name) for de.
 */
import { youMeant } from "./nearest.js";

export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;

let byName: Map<string, string> | undefined;

/** Two-letter tags by their English name and their own (`german`, `deutsch` → de), made once, on a mistake. */
function tagsByName(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  // ICU's names for every two-letter code it knows: built only for an error message (about 35 ms).
  const english = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
  for (let a = 97; a <= 122; a++)
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      const name = english.of(code);
      if (!name) continue;
      byName.set(name.toLowerCase(), code);
      const own = new Intl.DisplayNames([code], { type: "language", fallback: "none" }).of(code);
      if (own && !byName.has(own.toLowerCase())) byName.set(own.toLowerCase(), code);
    }
  return byName;
}

/** ` (did you mean "de"?)` for the tag `written` most likely means, or "" when nothing close is known. */
export function languageTagHint(written: string): string {
  return youMeant(meantLanguageTag(written));
}

/** The tag `written` most likely means, or undefined when nothing close is known. */
function meantLanguageTag(written: string): string | undefined {
  const hyphens = written.trim().replace(/_/g, "-");
  if (hyphens !== written && LANGUAGE_TAG.test(hyphens)) return hyphens;
  return tagsByName().get(written.trim().toLowerCase());
}
