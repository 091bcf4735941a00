/**
 * The starter course (the package's starter/ folder) copied into a new course folder with its
 * placeholders filled in: `coursepack new`, `npm create coursepack` (which runs `new`) and the
 * tests all make courses with it, so there is one starter and one way to fill it.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { slugify } from "../compiler/model/slug.js";
import { PACKAGE_ROOT } from "../shared/node/paths.js";

export const STARTER_DIR = path.join(PACKAGE_ROOT, "starter");

export interface StarterCourse {
  id: string;
  title: string;
}

/** Copies the starter into `target` (which must not exist or be empty). */
export async function copyStarter(
  target: string,
  options: { title?: string | undefined } = {},
): Promise<StarterCourse> {
  const name = path.basename(path.resolve(target));
  const course = { id: slugify(name, 64), title: options.title ?? titleFromFolder(name) };
  await cp(STARTER_DIR, target, { recursive: true });
  const courseFile = path.join(target, "course.yml");
  const yml = await readFile(courseFile, "utf8");
  await writeFile(
    courseFile,
    yml.replaceAll("__COURSE_ID__", course.id).replaceAll("__COURSE_TITLE__", JSON.stringify(course.title)),
  );
  return course;
}

export function titleFromFolder(name: string): string {
  const words = name.replace(/[-_]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "My course";
}
