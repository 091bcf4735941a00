/** Activity ids and types the xAPI and cmi5 manifests share with the runtime's statements. */
import type { CourseModel } from "../model/index.js";
import type { Diagnostics } from "../diagnostics.js";

export const ACTIVITY_TYPE_COURSE = "http://adlnet.gov/expapi/activities/course";

/** The cmi5 AU's publisher id: the course IRI extended like every element IRI (runtime xapi/interaction.ts). */
export function auId(model: CourseModel): string {
  return `${model.activityId.replace(/\/+$/, "")}/au`;
}

/**
 * cmi5 §13.1 wants course and AU ids that are globally unique; the default `urn:coursepack:<id>` is
 * unique only among one organisation's courses, so say how to make it so.
 */
export function warnDefaultActivityId(model: CourseModel, diagnostics: Diagnostics): void {
  // One that is written but invalid is reported as an error already.
  const written = (model.courseSource.value as { activityId?: unknown } | undefined)?.activityId;
  if (model.config.activityId !== undefined || written !== undefined) return;
  const message =
    `xAPI/cmi5: the course has no \`activityId:\`, so it is identified as "${model.activityId}"; LMSs and LRSs ` +
    `merge courses that share an id, so set \`activityId:\` to an IRI your organisation controls, ` +
    `for example "https://learning.example.com/courses/${model.config.id}"`;
  // Both the xAPI and the cmi5 target ask; say it once.
  if (diagnostics.list.some((d) => d.message === message)) return;
  diagnostics.warning(model.courseSource.position(["id"]), message);
}
