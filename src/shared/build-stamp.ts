/**
 * Which build of a course a package is: `coursepack-build.json`, a small file in every package that
 * `coursepack diff` and `coursepack validate` read. It holds the course version and a short hash of
 * everything the learner sees, the same pair the player shows ("Version 1.4.0 · 3f9c2a1") and the
 * course data carries, so support can tell which build a learner took. It is kept out of the
 * manifests on purpose: a content-only edit must leave imsmanifest.xml, tincan.xml and cmi5.xml
 * byte-identical (docs/updating-courses.md).
 */

export const BUILD_STAMP_FILE = "coursepack-build.json";

export interface BuildStamp {
  /** Format of this file; bumped when a field changes meaning. */
  stamp: 1;
  /** The tool and its version, e.g. "coursepack 0.1.0". */
  generator: string;
  /** Course id (course.yml `id`). */
  course: string;
  /** Course version (course.yml `version`). */
  version: string;
  /** Short hash of the whole course as the learner sees it: pages, course data, styles, assets. */
  content: string;
  /** Short hash of each page's HTML, by page id, so a diff can name the lessons whose text changed. */
  pages: Record<string, string>;
}

const isStrings = (o: unknown): o is Record<string, string> =>
  typeof o === "object" && o !== null && Object.values(o).every((v) => typeof v === "string");

/** Reads a build stamp; undefined when the text is not one (a package made by another tool). */
export function parseBuildStamp(text: string): BuildStamp | undefined {
  try {
    const s = JSON.parse(text) as Partial<BuildStamp>;
    const ok =
      s.stamp === 1 &&
      [s.generator, s.course, s.version, s.content].every((v) => typeof v === "string") &&
      isStrings(s.pages);
    return ok ? (s as BuildStamp) : undefined;
  } catch {
    return undefined;
  }
}
