/**
 * Which course a command works on when none is named: the current folder when it holds a
 * course.yml (`cd my-course && coursepack build`), else content/ (this repository's layout and
 * the README's). Every command that takes a course folder uses it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { COURSE_FILE } from "../compiler/load/load-course.js";
import { UsageError } from "./usage.js";

export const DEFAULT_COURSE_DIR = "content";

export function courseDir(given: string | undefined): string {
  if (given !== undefined) return given;
  if (existsSync(COURSE_FILE)) return ".";
  if (existsSync(path.join(DEFAULT_COURSE_DIR, COURSE_FILE))) return DEFAULT_COURSE_DIR;
  throw new UsageError(
    `no course here: this folder has no ${COURSE_FILE} and no ${DEFAULT_COURSE_DIR}/ folder with one. ` +
      "Run the command in your course folder, name the folder (e.g. `coursepack build my-course`), " +
      "or create a course with `coursepack new my-course`",
  );
}
