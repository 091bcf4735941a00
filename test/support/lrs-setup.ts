/**
 * What the xAPI and cmi5 browser tests share: the starter course built into packages, served over
 * HTTP from one origin, a real LRS (xapi-statements) and the local LMS in front of it on another
 * origin, as in production (checklist #56).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FormatId } from "../../src/shared/course-data.js";
import { LocalLms } from "../../src/preview/server/lrs/index.js";
import { copyStarter } from "../../src/cli/starter.js";
import { buildInto, tempDir } from "./build.js";
import { startReferenceLrs, type ReferenceLrs } from "./reference-lrs.js";
import { serveDirectory, type StaticServer } from "./static-server.js";

export const COURSE_ID = "safety-basics";
export const COURSE_IRI = "https://learning.example.com/courses/safety-basics";

/** The starter course as `coursepack new` makes it, with an activityId. */
export async function starterCourse(): Promise<string> {
  const dir = path.join(await tempDir("lrs-course"), COURSE_ID);
  await copyStarter(dir, { title: "Safety basics" });
  const file = path.join(dir, "course.yml");
  const yml = await readFile(file, "utf8");
  await writeFile(file, yml.replace(/^activityId: .*$/m, `activityId: ${COURSE_IRI}`));
  return dir;
}

export interface LrsRig {
  lrs: ReferenceLrs;
  lms: LocalLms;
  content: StaticServer;
  /** URL of the package's index.html. */
  indexUrl: string;
  close(): Promise<void>;
}

/** Builds `course` (default: the starter course) in `format` and starts an LRS and the local LMS for it. */
export async function startLrsRig(format: FormatId, course?: string): Promise<LrsRig> {
  const dir = course ?? (await starterCourse());
  const [result, lrs] = await Promise.all([buildInto(dir, { formats: [format] }), startReferenceLrs()]);
  const output = result.outputs[0]!;
  const content = await serveDirectory(path.join(result.outDir, output.folderName));
  const lms = await LocalLms.start({ upstream: { endpoint: lrs.endpoint, auth: lrs.auth } });
  return {
    lrs,
    lms,
    content,
    indexUrl: `${content.url}/index.html`,
    async close() {
      await Promise.all([lms.close(), content.close(), lrs.close()]);
    },
  };
}
