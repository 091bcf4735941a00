/** Builds courses for tests into throwaway folders under test/.tmp. */
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { packageFiles } from "../../src/compiler/packaging/assemble.js";
import { FolderWriter } from "../../src/compiler/packaging/folders.js";
import { build, checkCourse, type BuildOptions, type BuildResult } from "../../src/compiler/pipeline.js";
import { renderCourse } from "../../src/compiler/render/index.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CONTENT_DIR = path.join(ROOT, "content");
export const FIXTURES = path.join(ROOT, "test", "fixtures");

export async function tempDir(prefix: string): Promise<string> {
  const base = path.join(ROOT, "test", ".tmp");
  await mkdir(base, { recursive: true });
  return mkdtemp(path.join(base, `${prefix}-`));
}

/** A course of one lesson (lessons/a.md, its text given whole), in a throwaway folder. */
export async function oneLessonCourse(prefix: string, lesson: string): Promise<string> {
  const dir = await tempDir(prefix);
  await mkdir(path.join(dir, "lessons"));
  await writeFile(
    path.join(dir, "course.yml"),
    `id: ${prefix}\ntitle: One lesson\ndescription: A course for one test.\noutline:\n  - lessons/a.md\n`,
  );
  await writeFile(path.join(dir, "lessons", "a.md"), lesson);
  return dir;
}

/**
 * A course of one quiz (quizzes/quiz.yml), in a throwaway folder: `course` is course.yml's keys
 * besides the outline, `quiz` the quiz file's, both written as YAML.
 */
export async function oneQuizCourse(
  prefix: string,
  course: Record<string, unknown>,
  quiz: Record<string, unknown>,
): Promise<string> {
  const dir = await tempDir(prefix);
  await mkdir(path.join(dir, "quizzes"));
  await writeFile(path.join(dir, "course.yml"), stringify({ ...course, outline: ["quizzes/quiz.yml"] }));
  await writeFile(path.join(dir, "quizzes", "quiz.yml"), stringify(quiz));
  return dir;
}

export async function buildInto(dir: string, options: Omit<BuildOptions, "dir" | "outDir"> = {}): Promise<BuildResult> {
  return build({ dir, outDir: await tempDir("dist"), ...options });
}

/**
 * Every format's package of a course, unzipped into `outDir/<id>-<format>/`: the files `coursepack
 * build` zips (the same packageFiles), without the zips and their validation, which the build tests
 * already cover.
 */
export async function writePackages(dir: string, outDir: string): Promise<void> {
  const { model, data, targets, templates } = await checkCourse(dir);
  const rendered = await renderCourse(model, templates, data);
  const folders = new FolderWriter();
  for (const target of targets)
    await folders.write(
      path.join(outDir, `${model.config.id}-${target.id}`),
      await packageFiles(target, model, rendered),
    );
}
