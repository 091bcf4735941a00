/**
 * `importGift`: a GIFT file's text in, our quiz YAML out, with every error and simplification as a
 * diagnostic at `bank.gift:LINE:COL`. The YAML is loaded back through the course loader before it
 * is returned, so what the import writes is what a build reads.
 */
import path from "node:path";
import type { QuestionType } from "../../shared/course-data.js";
import { Diagnostics } from "../../compiler/diagnostics.js";
import { YamlSource } from "../../compiler/load/yaml-source.js";
import { buildQuiz } from "../../compiler/model/quiz.js";
import { idFromFileName } from "../../compiler/model/slug.js";
import { BLANK } from "./ast.js";
import { convertQuestion } from "./convert.js";
import { plainOf } from "./markdown.js";
import { parseGift } from "./parse.js";
import { countByType, quizFileYaml, type ImportedQuestion, type QuestionItem } from "./quiz-file.js";
import { LineIndex } from "../../shared/line-index.js";
import { normalizeSource } from "./source.js";

export interface GiftImportOptions {
  /** The GIFT file (for diagnostics and the header comment). */
  file: string;
  /** Where the quiz will be written: its name gives the quiz id. */
  quizFile: string;
  title: string;
}

export interface GiftImport {
  diagnostics: Diagnostics;
  /** Undefined when there were errors. */
  yaml?: string;
  counts: Map<QuestionType, number>;
  imported: number;
  skipped: number;
}

export function importGift(text: string, options: GiftImportOptions): GiftImport {
  const diagnostics = new Diagnostics();
  const source = normalizeSource(text);
  const lines = new LineIndex(source);
  const at = (offset: number) => ({ file: options.file, ...lines.position(offset) });
  const name = path.basename(options.file);
  const failed = (): GiftImport => ({ diagnostics, counts: new Map(), imported: 0, skipped: 0 });

  const parsed = parseGift(source);
  for (const e of parsed.errors) diagnostics.error(at(e.at), e.message);
  if (parsed.errors.length > 0) return failed();

  const imported: ImportedQuestion[] = [];
  const skipped: string[] = [];
  for (const q of parsed.questions) {
    const notes: string[] = [];
    const origin = `${name}:${lines.position(q.at).line}`;
    const converted = convertQuestion(q, (offset, message) => {
      diagnostics.warning(at(offset), message);
      notes.push(message);
    });
    if ("skipped" in converted) {
      diagnostics.warning(at(q.at), `skipped: ${converted.skipped}`);
      skipped.push(`${origin}  ${converted.skipped}`);
      continue;
    }
    imported.push({
      question: converted.question,
      ...(q.title ? { title: q.title } : {}),
      ...(q.idNumber ? { idNumber: q.idNumber } : {}),
      ...(q.category ? { category: q.category } : {}),
      tags: q.tags,
      origin,
      notes,
      plainText: plainOf(q.stem).replace(BLANK, " "),
    });
  }
  if (imported.length === 0) {
    diagnostics.error(
      at(0),
      parsed.questions.length === 0
        ? "no questions found in this file"
        : "none of the questions could be imported (see the warnings)",
    );
    return failed();
  }

  const header = [
    `Imported from ${name} by \`coursepack import-gift\`: ${imported.length} question${imported.length === 1 ? "" : "s"}.`,
    "Each question names the GIFT line it came from. This file is now the source: edit it, not the GIFT file.",
    ...(skipped.length > 0 ? ["", `Skipped (${skipped.length}):`, ...skipped.map((s) => `  ${s}`)] : []),
  ];
  const quizId = idFromFileName(options.quizFile);
  const { yaml, head, items } = quizFileYaml({ title: options.title, quizId, questions: imported, header });
  assertLoads(head, items, options.quizFile);
  return { diagnostics, yaml, counts: countByType(imported), imported: imported.length, skipped: skipped.length };
}

/**
 * Loads the YAML back with the course loader: a failure here is a bug in the import, not in the
 * GIFT file. The file's head (title and banks) is loaded as a quiz with the first question of each
 * bank, and every other question on its own as the one question of a quiz, at its place in the file: the
 * same loader, in memory and time proportional to the bank (one document of 200,000 questions would
 * need gigabytes).
 */
function assertLoads(head: string, items: QuestionItem[], quizFile: string): void {
  const file = path.resolve(quizFile);
  const diagnostics = new Diagnostics();
  const load = (text: string, lineOffset = 0, colOffset = 0) =>
    buildQuiz(
      {
        kind: "quiz",
        file,
        outlineIndex: 0,
        yaml: new YamlSource(file, text, diagnostics, lineOffset, colOffset),
      },
      80,
      diagnostics,
    );
  let ok = load(head) !== undefined;
  // The question starts on line 3 of its quiz (after `title:` and `questions:`); the head holds
  // the first question of each bank already.
  for (const item of items)
    if (!item.first) ok = load(`title: x\nquestions:\n${item.yaml}`, item.line - 3, item.indent) !== undefined && ok;
  if (!ok || diagnostics.errorCount > 0) {
    throw new Error(
      `import-gift produced a quiz that does not load: ${diagnostics.list.map((d) => `${d.line}:${d.col} ${d.message}`).join("; ")}`,
    );
  }
}
