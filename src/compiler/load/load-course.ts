/**
 * Load stage: reads course.yml and every file its outline names, parsing YAML with positions.
 * Nothing here judges the content beyond "can it be read and parsed"; checks come later.
 */
import { existsSync } from "node:fs";
import { readFile } from "../../shared/node/fs-quick.js";
import path from "node:path";
import { isProfilePath } from "../../lms-profiles/index.js";
import { fileStart, type Diagnostics, type Position } from "../diagnostics.js";
import { isInside, linkAdvice, linkedOutside, listFiles, nearestFile } from "./course-paths.js";
import { splitFrontMatter } from "./front-matter.js";
import { decodeUtf8 } from "./utf8.js";
import { YamlSource } from "./yaml-source.js";
import { I18N_DIR } from "../i18n/store.js";

export interface LessonSource {
  kind: "lesson";
  file: string;
  /** Index in the outline, for error positions in course.yml. */
  outlineIndex: number;
  frontMatter: YamlSource | undefined;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

export interface QuizSource {
  kind: "quiz";
  file: string;
  outlineIndex: number;
  yaml: YamlSource;
}

export type PageSource = LessonSource | QuizSource;

export interface LoadedCourse {
  dir: string;
  courseFile: string;
  course: YamlSource;
  pages: PageSource[];
}

export const COURSE_FILE = "course.yml";

/**
 * Turns one outline file's text into its source. A seam for the preview's incremental session
 * (src/compiler/session.ts), which reuses the source of a file whose text did not change.
 */
export type ParsePage = (file: string, outlineIndex: number, content: string, diagnostics: Diagnostics) => PageSource;

export const parsePage: ParsePage = (file, outlineIndex, content, diagnostics) =>
  path.extname(file).toLowerCase() === ".md"
    ? loadLesson(file, outlineIndex, content, diagnostics)
    : { kind: "quiz", file, outlineIndex, yaml: new YamlSource(file, content, diagnostics) };

/** Why `dir` has no course file to read: a file given for the folder, a folder that is not there, or none in it. */
function noCourseFile(dir: string, code: string | undefined): string {
  if (code === "ENOTDIR") return `${dir} is a file, not a course folder: name the folder that holds ${COURSE_FILE}`;
  if (code === "ENOENT" && !existsSync(dir))
    return `there is no folder ${dir}: check the path, or create a course there with \`coursepack new ${dir}\``;
  return `no ${COURSE_FILE} here: a course folder needs one (create a course with \`coursepack new <dir>\`)`;
}

export async function loadCourse(
  dir: string,
  diagnostics: Diagnostics,
  parse: ParsePage = parsePage,
): Promise<LoadedCourse | undefined> {
  const root = path.resolve(dir);
  const courseFile = path.join(root, COURSE_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(courseFile);
  } catch (error) {
    diagnostics.error(fileStart(courseFile), noCourseFile(dir, (error as NodeJS.ErrnoException).code));
    return undefined;
  }
  const text = readText(courseFile, bytes, diagnostics);
  if (text === undefined) return undefined;
  const course = new YamlSource(courseFile, text, diagnostics);
  const outline = (course.value as { outline?: unknown } | undefined)?.outline;
  const entries = Array.isArray(outline) ? outline : [];
  const seen = new Map<string, number>();
  const reads = entries.map(async (entry, i): Promise<PageSource | undefined> => {
    if (typeof entry !== "string") return undefined; // the schema check reports it
    const at = course.position(["outline", i]);
    const file = path.resolve(root, entry);
    if (!isInside(root, file)) {
      diagnostics.error(
        at,
        `outline entry "${entry}" points outside the course folder; move the file into ${path.basename(root)}/`,
      );
      return undefined;
    }
    if (seen.has(file)) {
      diagnostics.error(at, `"${entry}" is listed twice in the outline (also at outline[${seen.get(file)}])`);
      return undefined;
    }
    seen.set(file, i);
    const ext = path.extname(file).toLowerCase();
    if (ext !== ".md" && ext !== ".yml" && ext !== ".yaml") {
      diagnostics.error(at, `outline entry "${entry}" must be a lesson (.md) or a quiz (.yml)`);
      return undefined;
    }
    const outside = linkedOutside(root, file);
    if (outside) {
      diagnostics.error(at, `outline entry "${entry}" ${linkAdvice(root, outside)}`);
      return undefined;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      const meant = await nearestFile(file, entry);
      diagnostics.error(
        at,
        `outline entry "${entry}" does not exist; ${meant ? `did you mean "${meant}"?` : `check the path (relative to ${COURSE_FILE})`}`,
      );
      return undefined;
    }
    const content = readText(file, bytes, diagnostics);
    return content === undefined ? undefined : parse(file, i, content, diagnostics);
  });
  const pages = (await Promise.all(reads)).filter((p): p is PageSource => p !== undefined);
  // Without a readable outline every file would look stray; the course.yml error says enough.
  if (Array.isArray(outline)) {
    // A profile file named by `lms:` is part of the course too.
    const lms = (course.value as { lms?: unknown }).lms;
    const used = typeof lms === "string" && isProfilePath(lms) ? [path.resolve(root, lms)] : [];
    await warnAboutStrayFiles(root, new Set([...seen.keys(), ...used]), diagnostics);
  }
  return { dir: root, courseFile, course, pages };
}

function loadLesson(file: string, outlineIndex: number, content: string, diagnostics: Diagnostics): LessonSource {
  const split = splitFrontMatter(content);
  if (split.kind === "missing") {
    diagnostics.error(
      fileStart(file),
      "lesson has no front matter: start the file with a `---` block that gives at least `title:`",
    );
    return { kind: "lesson", file, outlineIndex, frontMatter: undefined, body: content, bodyLine: 1 };
  }
  if (split.kind === "unterminated") {
    diagnostics.error(
      fileStart(file),
      "front matter is not closed: add a line with `---` after the last front-matter key",
    );
    return { kind: "lesson", file, outlineIndex, frontMatter: undefined, body: "", bodyLine: 1 };
  }
  return {
    kind: "lesson",
    file,
    outlineIndex,
    frontMatter: new YamlSource(file, split.yaml, diagnostics, 1),
    body: split.body,
    bodyLine: split.bodyLine,
  };
}

/** A course file's text; a file that is not UTF-8 is reported at its first bad byte. */
function readText(file: string, bytes: Buffer, diagnostics: Diagnostics): string | undefined {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return decoded.text;
  const at: Position = { file, line: decoded.line, col: decoded.col };
  diagnostics.error(at, decoded.message);
  return undefined;
}

/** Folders of a course that hold no outline files: templates, translations (i18n/), packages. */
const IGNORED_FOLDERS = new Set(["templates", I18N_DIR, "node_modules"]);

/** Lessons and quizzes that exist but are not in the outline are usually a mistake. */
async function warnAboutStrayFiles(root: string, listed: Set<string>, diagnostics: Diagnostics): Promise<void> {
  const files = (await listFiles(root)).map((f) => f.rel);
  for (const rel of files.sort()) {
    const [top] = rel.split("/");
    if (IGNORED_FOLDERS.has(top!) || rel.split("/").some((p) => p.startsWith("."))) continue;
    const file = path.join(root, rel);
    if (rel === COURSE_FILE || listed.has(file) || !/\.(md|ya?ml)$/i.test(rel)) continue;
    if (/^(readme|license|changelog)\.md$/i.test(path.basename(rel))) continue;
    diagnostics.warning(
      fileStart(file),
      `not in the outline of ${COURSE_FILE}, so it is not part of the course; add it to \`outline\` or delete it`,
    );
  }
}
