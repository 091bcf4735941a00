/** SCORM 2004 (2nd, 3rd, 4th Edition): IMS CP 1.1.4 with ADL CP/SEQ/NAV and IMS Simple Sequencing. */
import { NS, children, descendants, type Element } from "../../xml.js";
import { at, type StandardResult } from "../standard.js";
import type { ScormContext, ScormProfile } from "./content-package.js";

export type Edition2004 = "2nd" | "3rd" | "4th";

const SCHEMA_VERSIONS: Record<string, Edition2004> = {
  "2004 4th Edition": "4th",
  "2004 3rd Edition": "3rd",
  "CAM 1.3": "2nd",
};

export function edition2004(schemaversion: string): Edition2004 | undefined {
  return SCHEMA_VERSIONS[schemaversion];
}

export function scorm2004(edition: Edition2004): ScormProfile {
  const result: StandardResult = { standard: "scorm2004", edition: `2004 ${edition} Edition` };
  return {
    result,
    // No 2nd-edition schemas ship with Coursepack; the 3rd edition's are the closest.
    xsd: edition === "4th" ? "scorm2004-4th" : "scorm2004-3rd",
    cp: NS.cp2004,
    adlcp: NS.adlcp2004,
    scormTypeAttribute: "scormType",
    wrongScormTypeAttribute: "scormtype",
    // SCORM 2004 CAM smallest permitted maximums.
    maxTitle: 200,
    maxDescription: { length: 2000, source: "the SCORM 2004 smallest permitted maximum" },
    check(ctx) {
      checkDeliveryControls(ctx);
      checkSatisfiedByMeasure(ctx);
    },
  };
}

const TRUE = new Set(["true", "1"]);

/**
 * Without completionSetByContent and objectiveSetByContent, default sequencing lets the LMS mark a
 * SCO complete and satisfied on its own (SuccessFactors, SCORM Engine; checklist #8).
 */
function checkDeliveryControls(ctx: ScormContext): void {
  const shared = new Map<string, Element>();
  for (const collection of descendants(ctx.m.root, "sequencingCollection", NS.imsss)) {
    for (const seq of children(collection, "sequencing", NS.imsss)) shared.set(seq.getAttribute("ID") ?? "", seq);
  }
  for (const item of ctx.m.items) {
    if (item.resource?.scormType !== "sco") continue;
    const own = children(item.el, "sequencing", NS.imsss)[0];
    const referenced = own?.getAttribute("IDRef") ? shared.get(own.getAttribute("IDRef")!) : undefined;
    const controls =
      (own && children(own, "deliveryControls", NS.imsss)[0]) ??
      (referenced && children(referenced, "deliveryControls", NS.imsss)[0]);
    const missing = ["completionSetByContent", "objectiveSetByContent"].filter(
      (a) => !TRUE.has(controls?.getAttribute(a) ?? ""),
    );
    if (missing.length === 0) continue;
    ctx.findings.add(
      "sequencing-defaults",
      at(ctx, ctx.manifest, item.el.lineNumber),
      `SCO item "${item.identifier}" does not set ${missing.map((a) => `${a}="true"`).join(" and ")}; SuccessFactors and other SCORM Engine-based LMSs may then mark it complete or passed themselves when it exits`,
    );
  }
}

function checkSatisfiedByMeasure(ctx: ScormContext): void {
  for (const name of ["primaryObjective", "objective"]) {
    for (const el of descendants(ctx.m.root, name, NS.imsss)) {
      if (TRUE.has(el.getAttribute("satisfiedByMeasure") ?? "")) {
        ctx.findings.add(
          "satisfied-by-measure",
          at(ctx, ctx.manifest, el.lineNumber),
          `imsss:${name} "${el.getAttribute("objectiveID") ?? ""}" has satisfiedByMeasure="true": the LMS, not the content, decides pass/fail from the score`,
        );
      }
    }
  }
}
