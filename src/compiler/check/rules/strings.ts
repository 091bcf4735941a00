/** String overrides in course.yml must name strings that exist, or they silently do nothing. */
import { distance } from "fastest-levenshtein";
import { knownStringKeys } from "../../render/templates.js";
import type { Rule } from "../rule.js";

export const strings: Rule = {
  name: "strings",
  run({ model, diagnostics }) {
    const known = knownStringKeys();
    for (const key of Object.keys(model.config.strings)) {
      if (known.has(key)) continue;
      const close = [...known].find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= 2);
      diagnostics.error(
        model.courseSource.keyPosition(["strings"], key),
        `unknown string "${key}"${close ? ` (did you mean "${close}"?)` : ""}; the strings are listed in templates/strings/en.yml`,
      );
    }
  },
};
