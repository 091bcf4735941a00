/** Lesson model: front matter checked, body parsed, knowledge checks extracted. */
import { type BlockModel, buildBlock } from "../blocks/index.js";
import type { Diagnostics } from "../diagnostics.js";
import type { MarkdownField } from "../markdown/env.js";
import type { LessonSource } from "../load/load-course.js";
import { YamlSource } from "../load/yaml-source.js";
import { parseMarkdown } from "../markdown/index.js";
import { CompactSource, isCompact } from "../questions/compact.js";
import { questionSchema } from "../questions/index.js";
import { lessonSchema } from "../schema/lesson.js";
import { validateSource } from "../schema/validate.js";
import { buildQuestion } from "./question.js";
import { repairObject } from "./repair.js";
import { idFromFileName } from "./slug.js";
import type { LessonModel, QuestionModel } from "./types.js";

const WORDS_PER_MINUTE = 200;

export function buildLesson(src: LessonSource, diagnostics: Diagnostics): LessonModel | undefined {
  if (!src.frontMatter) return undefined;
  // Front matter with errors (reported here or by the YAML reader) is repaired so the body is still
  // read and checked: one run names the broken link below a mistyped `minutes:` too.
  const fm =
    (src.frontMatter.ok
      ? validateSource(lessonSchema, src.frontMatter, diagnostics, "lesson front matter")
      : undefined) ?? repairObject(lessonSchema, src.frontMatter.value, { title: idFromFileName(src.file) });
  if (!fm) return undefined;
  const id = fm.id ?? idFromFileName(src.file);
  const body = parseMarkdown(src.body, { file: src.file, line: src.bodyLine, col: 1, idPrefix: id });
  const checks: QuestionModel[] = [];
  for (const block of body.env.checks) {
    const source = isCompact(block.yaml)
      ? new CompactSource(src.file, block.yaml, diagnostics, block.line, block.col)
      : new YamlSource(src.file, block.yaml, diagnostics, block.line - 1, block.col - 1);
    if (source.value === undefined) continue;
    const authored = validateSource(questionSchema, source, diagnostics, "knowledge check");
    if (authored) checks.push(buildQuestion(authored, source, [], id, false));
  }
  const blocks = buildBlocks(body, id, diagnostics);
  return {
    kind: "lesson",
    id,
    title: fm.title,
    objectives: fm.objectives,
    minutes: fm.minutes ?? Math.max(1, Math.ceil(wordCount(src.body) / WORDS_PER_MINUTE + checks.length)),
    file: src.file,
    source: src.frontMatter,
    body,
    checks,
    blocks,
    completion: fm.completion,
  };
}

/**
 * Words of prose, code blocks left out. Counted by a global regex's `test`, which makes no array
 * of the words: splitting every lesson allocated about 16 MB at 1,000 lessons.
 */
export function wordCount(body: string): number {
  const prose = body.includes("```") ? body.replace(/```[\s\S]*?```/g, " ") : body;
  const word = /\S+/g;
  let count = 0;
  while (word.test(prose)) count++;
  return count;
}

/** Builds the lesson's blocks (index-aligned with body.env.blocks; undefined where one is unusable). */
function buildBlocks(body: MarkdownField, lessonId: string, diagnostics: Diagnostics): (BlockModel | undefined)[] {
  for (const problem of body.env.blockProblems) diagnostics.error(problem.at, problem.message);
  const counts = new Map<string, number>();
  return body.env.blocks.map((syntax) => {
    const ordinal = (counts.get(syntax.name) ?? 0) + 1;
    counts.set(syntax.name, ordinal);
    const block = buildBlock(syntax, { lessonId, ordinal, file: body.env.file, diagnostics });
    // Files a block uses are checked and packaged like the lesson's own links.
    if (block) body.env.relativeLinks.push(...block.references);
    return block;
  });
}
