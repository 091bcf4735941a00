/** String overrides in course.yml must name strings that exist, or they silently do nothing. */
import { didYouMean } from "../../../shared/nearest.js";
import { knownStringKeys } from "../../render/templates.js";
import type { Rule } from "../rule.js";

export const strings: Rule = {
  name: "strings",
  run({ model, diagnostics }) {
    const known = knownStringKeys();
    for (const key of Object.keys(model.config.strings)) {
      if (known.has(key)) continue;
      diagnostics.error(
        model.courseSource.keyPosition(["strings"], key),
        `unknown string "${key}"${didYouMean(key, known)}; the strings are listed in templates/strings/en.yml`,
      );
    }
  },
};
