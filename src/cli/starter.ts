/**
 * The starter course (the package's starter/ folder) copied into a new course folder with its
 * placeholders filled in: `coursepack new`, `npm create coursepack` (which runs `new`) and the
 * tests all make courses with it, so there is one starter and one way to fill it.
 */
import { cp, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { slugify } from "../compiler/model/slug.js";
import { PACKAGE_ROOT, VERSION } from "../shared/node/paths.js";

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
  const fill = async (file: string, values: Record<string, string>) => {
    let text = await readFile(path.join(target, file), "utf8");
    for (const [placeholder, value] of Object.entries(values)) text = text.replaceAll(placeholder, value);
    await writeFile(path.join(target, file), text);
  };
  await fill("course.yml", { __COURSE_ID__: course.id, __COURSE_TITLE__: JSON.stringify(course.title) });
  // The course's own package.json pins this Coursepack, so `npx coursepack` and the editor's
  // schemas (node_modules/coursepack/lib/schemas) match the version that made the course.
  await fill("package.json", { __COURSE_ID__: course.id, __COURSEPACK_RANGE__: `^${VERSION}` });
  // npm leaves .gitignore files out of published packages, so the starter's is stored without the dot.
  await rename(path.join(target, "_gitignore"), path.join(target, ".gitignore"));
  return course;
}

export function titleFromFolder(name: string): string {
  const words = name.replace(/[-_]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "My course";
}
