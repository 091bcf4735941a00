/**
 * What `coursepack test` tests: a course folder is built for the LMS (the formats it imports, in
 * its SCORM 2004 edition and reporting) into a temporary folder; packages are taken as given. Each
 * package is checked with `validate --lms` first — an LMS that refuses the upload needs no robot to
 * say so — and read for what the robot needs: its launch, and the course data when Coursepack built it.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { formatDiagnostic } from "../compiler/diagnostics.js";
import { build } from "../compiler/pipeline.js";
import type { LmsProfile } from "../lms-profiles/index.js";
import { PackagePreviewSource } from "../preview/server/package-source.js";
import type { CourseData, FormatId } from "../shared/course-data.js";
import { validatePackage } from "../validator/validate.js";
import type { Subject } from "./scenario.js";

export interface Subjects {
  subjects: Subject[];
  /** Build warnings (formats the LMS does not import, left out…), as `file:line:col: warning: …`. */
  notes: string[];
  /** Removes the temporary build. */
  dispose(): Promise<void>;
}

const COURSE_DATA = /<script[^>]*id="course-data"[^>]*>([\s\S]*?)<\/script>/;

/** The launch and, for a Coursepack package, its course data; validated for the LMS. */
export async function readSubject(file: string, profile: LmsProfile): Promise<Subject> {
  const source = await PackagePreviewSource.open(file);
  try {
    const launch = source.launch();
    const page = await source.read(launch.launch.split("?")[0]!);
    const data = page && COURSE_DATA.exec(page.toString("utf8"))?.[1];
    const validation = await validatePackage(file, { label: path.basename(file), lms: profile });
    return {
      label: path.basename(file),
      file,
      launch,
      course: data ? (JSON.parse(data) as CourseData) : undefined,
      contentSetsCompletion: !validation.findings.some((f) => f.code === "sequencing-defaults"),
      validation,
    };
  } finally {
    await source.close();
  }
}

export async function collectSubjects(
  inputs: string[],
  profile: LmsProfile,
  options: { lms?: string | undefined; formats?: FormatId[] | undefined },
): Promise<Subjects> {
  const subjects: Subject[] = [];
  const notes: string[] = [];
  const temp: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new Error(`${input}: there is no such course folder or package`);
    const isCourse = info.isDirectory() && (await stat(path.join(input, "course.yml")).catch(() => undefined));
    if (!isCourse) {
      subjects.push(await readSubject(path.resolve(input), profile));
      continue;
    }
    const out = await mkdtemp(path.join(os.tmpdir(), "coursepack-test-"));
    temp.push(out);
    const result = await build({
      dir: input,
      outDir: out,
      folders: false,
      ...(options.lms ? { lms: options.lms } : {}),
      ...(options.formats ? { formats: options.formats } : {}),
    });
    notes.push(...result.diagnostics.sorted().map((d) => formatDiagnostic(d)));
    for (const output of result.outputs.filter((o) => o.format !== "web"))
      subjects.push(await readSubject(path.join(out, output.zipName), profile));
  }
  return {
    subjects,
    notes,
    dispose: async () => {
      await Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
