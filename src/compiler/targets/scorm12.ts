/**
 * SCORM 1.2 package: one SCO (checklist #10) described by an imsmanifest.xml at the zip root (#1)
 * with the 1.2 namespaces and lowercase adlcp:scormtype (#5), inline IMS metadata and every file
 * listed. No xsi:schemaLocation, so no XSD has to ship with the package (#6; see docs/scorm.md).
 */
import { courseMetadata, imsmdLom } from "./scorm/metadata.js";
import { fileElements } from "./scorm/files.js";
import { packageIds } from "./scorm/identifiers.js";
import { checkSuspendData } from "./scorm/suspend-budget.js";
import { xml, xmlDocument } from "./xml.js";
import type { Target, TargetContext } from "./target.js";

export const SCORM12_SUSPEND_DATA_LIMIT = 4096;

export function manifest12({ model, shipped }: TargetContext): string {
  const ids = packageIds(model.config.id);
  const meta = courseMetadata(model);
  const { masteryScoreInManifest } = model.tracking;
  return xmlDocument(xml`
<manifest identifier="${ids.manifest}"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>${imsmdLom(meta)}
  </metadata>
  <organizations default="${ids.organization}">
    <organization identifier="${ids.organization}">
      <title>${meta.title}</title>
      <item identifier="${ids.item}" identifierref="${ids.resource}" isvisible="true">
        <title>${meta.title}</title>${
          masteryScoreInManifest &&
          xml`
        <adlcp:masteryscore>${model.config.passingScore}</adlcp:masteryscore>`
        }
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.resource}" type="webcontent" adlcp:scormtype="sco" href="index.html">${fileElements(shipped)}
    </resource>
  </resources>
</manifest>`);
}

export const scorm12: Target = {
  id: "scorm12",
  label: "SCORM 1.2",
  runtime: "scorm12",
  files: (ctx) => [{ name: "imsmanifest.xml", content: manifest12(ctx) }],
  schema: { file: "imsmanifest.xml", set: "scorm12" },
  check: (model, data, diagnostics) =>
    checkSuspendData("scorm12", SCORM12_SUSPEND_DATA_LIMIT, model, data, diagnostics),
};
