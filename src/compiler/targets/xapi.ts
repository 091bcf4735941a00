/**
 * xAPI with Tin Can launch: `tincan.xml` at the zip root (checklist #1) declaring one activity, the
 * course, whose id is the absolute IRI the runtime uses as statement object (checklist #54), and
 * whose relative `launch` is index.html. The LMS adds endpoint, auth, actor and registration to
 * the launch URL; nothing about the LRS is in the package.
 */
import type { CourseModel } from "../model/index.js";
import { ACTIVITY_TYPE_COURSE, warnDefaultActivityId } from "./activity-ids.js";
import type { Target } from "./target.js";
import { escapeXml } from "./xml.js";

export function tincanXml(model: CourseModel): string {
  const { config } = model;
  const lang = escapeXml(config.language);
  return `<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="${escapeXml(model.activityId)}" type="${ACTIVITY_TYPE_COURSE}">
      <name lang="${lang}">${escapeXml(config.title)}</name>
      <description lang="${lang}">${escapeXml(config.description)}</description>
      <launch lang="${lang}">index.html</launch>
    </activity>
  </activities>
</tincan>
`;
}

export const xapi: Target = {
  id: "xapi",
  label: "xAPI (Tin Can)",
  runtime: "xapi",
  files: ({ model }) => [{ name: "tincan.xml", content: tincanXml(model) }],
  check: (model, _data, diagnostics) => warnDefaultActivityId(model, diagnostics),
};
