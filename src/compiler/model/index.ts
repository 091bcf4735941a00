/**
 * Model stage: validates every loaded document against its schema and assembles the typed course
 * model. Invalid documents are reported and skipped so that one run shows every error.
 */
import path from "node:path";
import { DEFAULT_PROFILE, type LmsProfile, LmsProfileError, loadProfile } from "../../lms-profiles/index.js";
import type { Diagnostics } from "../diagnostics.js";
import type { LoadedCourse, PageSource } from "../load/load-course.js";
import { courseSchema, type CourseConfig } from "../schema/course.js";
import { validateSource } from "../schema/validate.js";
import { isInside } from "../load/course-paths.js";
import { AssetMap, resolveReference } from "./assets.js";
import { markdownFields } from "./fields.js";
import { repairObject } from "./repair.js";
import { buildLesson } from "./lesson.js";
import { buildQuiz } from "./quiz.js";
import type { CourseModel, PageModel, ResolvedTracking } from "./types.js";

export type * from "./types.js";

/**
 * Builds one page's model from its source. A seam for the preview's incremental session
 * (src/compiler/session.ts), which reuses the model of a page whose source did not change.
 */
export type BuildPage = (
  src: PageSource,
  coursePassingScore: number,
  diagnostics: Diagnostics,
) => PageModel | undefined;

/** Stand-ins for course.yml's required keys when their values are wrong. */
const COURSE_STAND_INS = { id: "course", title: "Course", description: "Course", outline: [] };

export const buildPage: BuildPage = (src, coursePassingScore, diagnostics) =>
  src.kind === "lesson" ? buildLesson(src, diagnostics) : buildQuiz(src, coursePassingScore, diagnostics);

/**
 * @param lms An LMS profile id or file that overrides course.yml's `lms` (the --lms option); the
 * caller has checked that it loads.
 */
export function buildModel(
  loaded: LoadedCourse,
  diagnostics: Diagnostics,
  build: BuildPage = buildPage,
  lms?: string,
): CourseModel | undefined {
  const valid = loaded.course.ok ? validateSource(courseSchema, loaded.course, diagnostics, "course.yml") : undefined;
  // With errors in course.yml (already reported) carry on with its valid parts, so the lessons'
  // and quizzes' own errors are reported in the same run.
  const config =
    valid ?? (loaded.course.ok ? repairObject(courseSchema, loaded.course.value, COURSE_STAND_INS) : undefined);
  const passingScore = config?.passingScore ?? 80;
  const pages: PageModel[] = [];
  const unbuilt: CourseModel["unbuilt"] = [];
  for (const src of [...loaded.pages].sort((a, b) => a.outlineIndex - b.outlineIndex)) {
    const page = build(src, passingScore, diagnostics);
    if (page) pages.push(page);
    else unbuilt.push({ file: src.file, kind: src.kind });
  }
  if (!config) return undefined;
  const questions = pages.flatMap((p) => (p.kind === "lesson" ? p.checks : p.banks.flatMap((b) => b.questions)));
  const hasGradedQuiz = questions.some((q) => q.graded);
  const assets = new AssetMap(loaded.dir, config.language);
  for (const field of markdownFields({ pages, questions })) {
    for (const ref of field.env.relativeLinks) {
      const file = resolveReference(ref.url, field.env.file);
      if (AssetMap.isAsset(ref.url) && isInside(loaded.dir, file)) assets.add(file);
    }
  }
  const logoFile = config.theme.logo === undefined ? undefined : resolveReference(config.theme.logo, loaded.courseFile);
  const profile = lmsProfile(lms ?? config.lms, loaded, diagnostics);
  return {
    dir: loaded.dir,
    courseFile: loaded.courseFile,
    courseSource: loaded.course,
    config,
    pages,
    unbuilt,
    questions,
    minutes: config.minutes ?? pages.reduce((n, p) => n + p.minutes, 0),
    completion: config.completion ?? (hasGradedQuiz ? "lessons-and-quiz" : "lessons"),
    activityId: config.activityId ?? `urn:coursepack:${config.id}`,
    assets,
    logo: logoFile && isInside(loaded.dir, logoFile) ? assets.add(logoFile) : undefined,
    lms: profile,
    tracking: resolveTracking(config, profile, hasGradedQuiz),
  };
}

/** The LMS profile named in course.yml (or by --lms); a name that does not load is reported at `lms:`. */
function lmsProfile(name: string | undefined, loaded: LoadedCourse, diagnostics: Diagnostics): LmsProfile {
  if (name !== undefined) {
    try {
      return loadProfile(name, loaded.dir);
    } catch (error) {
      if (!(error instanceof LmsProfileError)) throw error;
      if (error.problems.length === 0) diagnostics.error(loaded.course.position(["lms"]), error.message);
      else {
        // Each problem at its place in the profile file, like a course file's.
        const file = path.relative(loaded.dir, error.problems[0]!.file);
        diagnostics.error(
          loaded.course.position(["lms"]),
          `${file} is not a valid LMS profile: each of its problems is listed at its place`,
        );
        for (const { message, ...at } of error.problems) diagnostics.error(at, message);
      }
    }
  }
  return loadProfile(DEFAULT_PROFILE);
}

/** Each tracking choice: course.yml's when written, else the LMS profile's, else Coursepack's default. */
function resolveTracking(config: CourseConfig, profile: LmsProfile, hasGradedQuiz: boolean): ResolvedTracking {
  const own = config.tracking;
  const lms = profile.reporting;
  return {
    scorm12Status:
      own.scorm12Status ?? lms?.scorm12Status ?? (hasGradedQuiz ? "passed-incomplete" : "completed-incomplete"),
    exitWhenComplete: own.exitWhenComplete ?? lms?.exitWhenComplete ?? "normal",
    interactions: own.interactions,
    commitSeconds: own.commitSeconds,
    navigationRequests: own.navigationRequests,
    masteryScoreInManifest: own.masteryScoreInManifest ?? lms?.masteryScoreInManifest ?? false,
    completionThreshold: own.completionThreshold,
  };
}
