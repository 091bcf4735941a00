/**
 * SCORM 2004 identifiers every LMS accepts: letters and digits only. Moodle refuses response
 * identifiers outside `^[\w.]{1,250}$` and Forma refuses any identifier containing - _ . ! ~ * ' ( )
 * (both rules, with their sources, in src/shared/lms-quirks.ts), while Coursepack ids are
 * `[a-z][a-z0-9_-]*`. The mapping is one-to-one and stable, because LMS reports and saved data key
 * on the identifiers, and reads like camelCase:
 *
 *   a–z, 0–9             unchanged          pipeline-basics → pipelineBasics
 *   `-` + letter a–y     the letter in capitals
 *   `-` + z              ZZ
 *   `-` + digit          Z + digit          lesson-2 → lessonZ2
 *   `-` before `-`, `_` or the end          ZH
 *   `_`                  ZU                 step_2 → stepZU2
 *   anything else        ZX + 4 hex digits per UTF-16 unit
 *
 * Z starts a two-character code, so decoding is unambiguous; ZA is left free for the attempt
 * suffix of interaction ids (scorm2004.ts). docs/scorm.md documents the mapping for report readers.
 */

/** A Coursepack id as letters and digits (see the table above). */
export function scormIdentifier(id: string): string {
  let out = "";
  for (let i = 0; i < id.length; i++) {
    const c = id[i]!;
    if (/[a-z0-9]/.test(c)) out += c;
    else if (c === "_") out += "ZU";
    else if (c === "-") {
      const next = id[i + 1] ?? "";
      if (/[a-y]/.test(next)) out += next.toUpperCase();
      else if (next === "z") out += "ZZ";
      else if (/[0-9]/.test(next)) out += `Z${next}`;
      else {
        out += "ZH";
        continue;
      }
      i++;
    } else out += `ZX${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }
  return out;
}
