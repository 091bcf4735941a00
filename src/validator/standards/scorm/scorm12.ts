/** SCORM 1.2: IMS CP 1.1.2 with ADL CP 1.2 extensions. */
import { NS, descendants, textOf } from "../../xml.js";
import { at } from "../standard.js";
import type { ScormContext, ScormProfile } from "./content-package.js";

export const scorm12: ScormProfile = {
  result: { standard: "scorm12", edition: "1.2" },
  xsd: "scorm12",
  cp: NS.cp12,
  adlcp: NS.adlcp12,
  scormTypeAttribute: "scormtype",
  wrongScormTypeAttribute: "scormType",
  // The 1.2 schema itself limits titles to 200 characters.
  maxTitle: undefined,
  // SCORM Cloud's import warns about longer 1.2 descriptions (exelearning/iteexe#96).
  maxDescription: { length: 1000, source: "SCORM Cloud warns about longer SCORM 1.2 descriptions" },
  check(ctx) {
    checkMasteryScore(ctx);
  },
};

/** A mastery score lets the LMS rewrite lesson_status from the score (checklist #9). */
function checkMasteryScore(ctx: ScormContext): void {
  for (const el of descendants(ctx.m.root, "masteryscore", NS.adlcp12)) {
    const item = el.parentNode as { getAttribute?: (name: string) => string | null } | null;
    const id = item?.getAttribute?.("identifier");
    ctx.findings.add(
      "masteryscore",
      at(ctx, ctx.manifest, el.lineNumber),
      `${id ? `item "${id}" has` : "the manifest has"} adlcp:masteryscore ${textOf(el)}; LMSs may then overwrite the course's status with passed/failed from the score, and show learners who stopped early as failed`,
    );
  }
}
