/**
 * SCORM 2004 packages, 3rd edition (`scorm2004-3rd`) and 4th edition (`scorm2004-4th`); `scorm2004`
 * builds the edition the LMS profile prefers (the 3rd unless the profile says otherwise):
 * one SCO (checklist #10) whose sequencing leaves completion and success to the content (#8), with
 * the 2004 namespaces and camelCase adlcp:scormType (#5), inline LOM metadata and every file listed.
 * Mastery and completion thresholds appear only when course.yml asks for them.
 */
import type { FormatId } from "../../shared/course-data.js";
import type { CourseModel } from "../model/index.js";
import { fileElements } from "./scorm/files.js";
import { packageIds } from "./scorm/identifiers.js";
import { courseMetadata, ieeeLom } from "./scorm/metadata.js";
import { checkSuspendData } from "./scorm/suspend-budget.js";
import { xml, xmlDocument, type XmlFragment } from "./xml.js";
import type { Target, TargetContext } from "./target.js";

export const SCORM2004_SUSPEND_DATA_LIMIT = 64_000;

type Edition = "3rd" | "4th";

/** Completion judged by the LMS from cmi.progress_measure; the element's form changed in the 4th edition. */
function completionThreshold(edition: Edition, threshold: number | undefined): XmlFragment | undefined {
  if (threshold === undefined) return undefined;
  return edition === "4th"
    ? xml`
        <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="${threshold}"/>`
    : xml`
        <adlcp:completionThreshold>${threshold}</adlcp:completionThreshold>`;
}

/**
 * Content sets completion and success (checklist #8). Only with masteryScoreInManifest does the LMS
 * judge pass/fail by measure; it then passes the pass mark to the runtime as cmi.scaled_passing_score.
 */
function sequencing(model: CourseModel, objectiveId: string): XmlFragment {
  const mastery = model.tracking.masteryScoreInManifest;
  return xml`
        <imsss:sequencing>${
          mastery &&
          xml`
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${objectiveId}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${model.config.passingScore / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>`
        }
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>`;
}

export function manifest2004(edition: Edition, { model, shipped }: TargetContext): string {
  const ids = packageIds(model.config.id);
  const meta = courseMetadata(model);
  return xmlDocument(xml`
<manifest identifier="${ids.manifest}"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:lom="http://ltsc.ieee.org/xsd/LOM">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 ${edition} Edition</schemaversion>${ieeeLom(meta)}
  </metadata>
  <organizations default="${ids.organization}">
    <organization identifier="${ids.organization}">
      <title>${meta.title}</title>
      <item identifier="${ids.item}" identifierref="${ids.resource}" isvisible="true">
        <title>${meta.title}</title>${completionThreshold(edition, model.tracking.completionThreshold)}${sequencing(model, `${ids.item}-passed`)}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.resource}" type="webcontent" adlcp:scormType="sco" href="index.html">${fileElements(shipped)}
    </resource>
  </resources>
</manifest>`);
}

export function scorm2004Target(id: FormatId, edition: Edition): Target {
  return {
    id,
    label: `SCORM 2004 ${edition} edition`,
    runtime: "scorm2004",
    files: (ctx) => [{ name: "imsmanifest.xml", content: manifest2004(edition, ctx) }],
    schema: { file: "imsmanifest.xml", set: `scorm2004-${edition}` },
    check: (model, data, diagnostics) => checkSuspendData(id, SCORM2004_SUSPEND_DATA_LIMIT, model, data, diagnostics),
  };
}

export const scorm2004Third = scorm2004Target("scorm2004-3rd", "3rd");
export const scorm2004Fourth = scorm2004Target("scorm2004-4th", "4th");
