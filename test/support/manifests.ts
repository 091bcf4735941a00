/** Minimal valid manifests and a page, for validator tests to break one thing at a time. */
export const PAGE = "<!doctype html><title>Lesson</title><p>Hello</p>";

export function scorm12(
  o: {
    id?: string;
    itemRef?: string;
    files?: string[];
    href?: string;
    extraItem?: string;
    itemExtra?: string;
    scormType?: string;
  } = {},
): string {
  const href = o.href ?? "index.html";
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${o.id ?? "course"}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Course</title>
      <item identifier="item1" identifierref="${o.itemRef ?? "res1"}">
        <title>Lesson</title>${o.itemExtra ?? ""}
      </item>${o.extraItem ?? ""}
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:${o.scormType ?? "scormtype"}="sco" href="${href}">
${(o.files ?? [href]).map((f) => `      <file href="${f}"/>`).join("\n")}
    </resource>
  </resources>
</manifest>
`;
}

export function scorm2004(
  o: {
    schemaversion?: string;
    sequencing?: boolean;
    adlcp?: string;
    title?: string;
    xmlBase?: string;
    schemaLocation?: string;
  } = {},
): string {
  const sequencing = o.sequencing ?? true;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="course" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="${o.adlcp ?? "http://www.adlnet.org/xsd/adlcp_v1p3"}"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"${o.schemaLocation ? `\n  xsi:schemaLocation="${o.schemaLocation}"` : ""}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${o.schemaversion ?? "2004 4th Edition"}</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Course</title>
      <item identifier="item1" identifierref="res1">
        <title>${o.title ?? "Lesson"}</title>${
          sequencing
            ? `
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>`
            : ""
        }
      </item>
    </organization>
  </organizations>
  <resources${o.xmlBase ? ` xml:base="${o.xmlBase}"` : ""}>
    <resource identifier="res1" type="webcontent" adlcp:scormType="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
`;
}

export function tincanXml(o: { id?: string; launch?: string; second?: string } = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="${o.id ?? "https://example.com/courses/demo"}" type="http://adlnet.gov/expapi/activities/course">
      <name>Demo</name>
      <launch lang="en">${o.launch ?? "index.html"}</launch>
    </activity>${o.second ?? ""}
  </activities>
</tincan>
`;
}
