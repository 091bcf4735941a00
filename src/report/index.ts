/**
 * `coursepack report` without the command line: load the course, open the source (an LRS or
 * export files), stream its records into figures, and render the page. docs/report.md.
 */
import { analyse } from "./analyse.js";
import { loadReportCourse } from "./course.js";
import type { Report } from "./figures.js";
import type { RecordSource } from "./records.js";
import { combine, fileSource } from "./sources/files.js";
import { lrsSource } from "./sources/lrs.js";

export type { Report } from "./figures.js";
export { renderHtml } from "./html/page.js";
export { InputError } from "./sources/files.js";
export { LrsError } from "./sources/lrs.js";

export type ReportInput =
  | {
      kind: "lrs";
      endpoint: string;
      /** Activity IRIs to read; default: the course's, and each translation's. */
      activities?: string[];
      since?: string;
      authorization?: string;
      onPage?: (read: number) => void;
    }
  | { kind: "files"; files: string[] };

export async function makeReport(courseDir: string, input: ReportInput, now = new Date()): Promise<Report> {
  const course = await loadReportCourse(courseDir);
  let source: RecordSource;
  switch (input.kind) {
    case "lrs":
      source = lrsSource(course, {
        endpoint: input.endpoint,
        activities: input.activities?.length ? input.activities : course.versions.map((v) => v.activityId),
        ...(input.since ? { since: input.since } : {}),
        ...(input.authorization ? { authorization: input.authorization } : {}),
        ...(input.onPage ? { onPage: input.onPage } : {}),
      });
      break;
    case "files":
      source = combine(await Promise.all(input.files.map((f) => fileSource(course, f))));
      break;
  }
  return analyse(course, source, now);
}
