/** What the preview serves and launches: a Coursepack course (built) or a package from any tool. */
import type { FormatId } from "../../shared/course-data.js";
import type { PackageLaunch } from "../../validator/launch.js";
import type { BuildStatus, Launchable } from "../protocol.js";

/** Package files are served under this path, so they never clash with the preview's own. */
export const COURSE_PATH = "/course/";

export interface PreviewSource {
  readonly kind: "course" | "package";
  /** Folder or file name, for titles. */
  readonly name: string;
  /** What the page launches. */
  launchable(): Launchable | null;
  /** The same, with what the LMS side needs (cmi5 and Tin Can ids). */
  launch(): PackageLaunch | null;
  build(): BuildStatus | null;
  format(): FormatId | null;
  formats(): FormatId[];
  /** Courses only: build as another format. */
  setFormat?(format: FormatId): Promise<void>;
  /** A file of the package being served, by its path inside the package. */
  read(name: string): Promise<Buffer | undefined>;
  close(): Promise<void>;
}

export function launchableFrom(launch: PackageLaunch): Launchable {
  const url = /^[a-z][a-z0-9+.-]*:/i.test(launch.launch) ? launch.launch : COURSE_PATH + launch.launch;
  return {
    standard: launch.standard,
    edition: launch.edition,
    title: launch.title,
    url,
    ...(launch.standard === "cmi5"
      ? { cmi5: { moveOn: launch.moveOn, masteryScore: launch.masteryScore ?? null } }
      : {}),
  };
}
