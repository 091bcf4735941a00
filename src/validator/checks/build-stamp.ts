/**
 * What Coursepack itself put in a package: coursepack-build.json (version and content hash,
 * shared/build-stamp.ts) and the course data in index.html. `validate` reports the build and warns
 * when the two disagree (the package was changed after it was built); `coursepack diff` reads both
 * to compare two builds. Packages from other tools have neither and get no finding.
 */
import { BUILD_STAMP_FILE, type BuildStamp, parseBuildStamp } from "../../shared/build-stamp.js";
import type { CourseData } from "../../shared/course-data.js";
import { once } from "../../shared/once.js";
import type { Findings } from "../findings.js";
import type { PackageView } from "../package/view.js";
import { textOf } from "../package/text.js";

export interface CoursepackBuild {
  stamp?: BuildStamp;
  /** The course data embedded in index.html. */
  data?: CourseData;
}

const COURSE_DATA_OPEN = Buffer.from('<script type="application/json" id="course-data">');
const SCRIPT_CLOSE = Buffer.from("</script>");

async function readBytes(view: PackageView, name: string): Promise<Buffer | undefined> {
  if (!view.has(name)) return undefined;
  try {
    return await view.read(name);
  } catch {
    return undefined;
  }
}

/**
 * Course data by page Buffer: a build checks every format's package from memory, and they share the
 * page's Buffer, so a 1,000-lesson course's 12 MB page is searched and parsed once, not once per
 * package (≈ 0.3 s).
 */
const dataOfPage = new WeakMap<Buffer, CourseData | undefined>();

const pageData = (page: Buffer) => once(dataOfPage, page, () => courseDataOf(page));

/**
 * The course data a Coursepack index.html embeds; undefined for any other page. Found in the bytes:
 * decoding a 1,000-lesson course's page would make a 23 MB string to read the 2 MB of data in it.
 */
function courseDataOf(page: Buffer): CourseData | undefined {
  const open = page.indexOf(COURSE_DATA_OPEN);
  if (open < 0) return undefined;
  const from = open + COURSE_DATA_OPEN.length;
  const to = page.indexOf(SCRIPT_CLOSE, from);
  if (to <= from) return undefined;
  try {
    const data = JSON.parse(page.toString("utf8", from, to)) as CourseData;
    return typeof data === "object" && data !== null && Array.isArray(data.pages) ? data : undefined;
  } catch {
    return undefined;
  }
}

export async function readCoursepackBuild(view: PackageView, findings?: Findings): Promise<CoursepackBuild> {
  const [stampBytes, page] = await Promise.all([readBytes(view, BUILD_STAMP_FILE), readBytes(view, "index.html")]);
  const data = page === undefined ? undefined : pageData(page);
  const stampText = stampBytes === undefined ? undefined : textOf(stampBytes);
  const stamp = stampText === undefined ? undefined : parseBuildStamp(stampText);
  if (stampText !== undefined && !stamp) {
    findings?.add(
      "build-stamp-unreadable",
      { file: view.real(BUILD_STAMP_FILE) },
      `${BUILD_STAMP_FILE} is not a Coursepack build stamp`,
    );
  } else if (stamp && data && (stamp.content !== data.contentHash || stamp.version !== data.version)) {
    findings?.add(
      "build-stamp-mismatch",
      { file: view.real(BUILD_STAMP_FILE) },
      `${BUILD_STAMP_FILE} says version ${stamp.version} · ${stamp.content}, but index.html is version ${data.version} · ${data.contentHash}: the package was changed after Coursepack built it`,
    );
  }
  return { ...(stamp ? { stamp } : {}), ...(data ? { data } : {}) };
}
