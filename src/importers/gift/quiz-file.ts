/**
 * The quiz file written by the import: ids for questions and banks, one bank per `$CATEGORY`, and
 * YAML in block style with comments that say where each question came from.
 */
import { Document, isMap, isSeq, type Node } from "yaml";
import type { QuestionType } from "../../shared/course-data.js";
import { slugify, uniqueIds } from "../../compiler/model/slug.js";
import type { AuthoredQuestion } from "./convert.js";

export interface ImportedQuestion {
  question: AuthoredQuestion;
  title?: string;
  idNumber?: string;
  tags: string[];
  category?: string;
  /** `bank.gift:12`, written above the question. */
  origin: string;
  /** Simplifications, written above the question too. */
  notes: string[];
  /** Plain text of the question, for an id when it has no title. */
  plainText: string;
}

export interface QuizFileInput {
  title: string;
  /** The quiz's own id (from its file name): question ids must not take it. */
  quizId: string;
  questions: ImportedQuestion[];
  /** Header lines: where the file came from, what was skipped. */
  header: string[];
}

/** Question ids: Moodle's ID number, else the title, else the text, each slugged and made unique. */
function questionIds(questions: ImportedQuestion[], quizId: string): string[] {
  const wanted = questions.map((q) => {
    const name = q.idNumber ?? q.title;
    return name ? slugify(name, 64) : slugify(q.plainText, 40);
  });
  return uniqueIds([quizId, ...wanted]).slice(1);
}

/**
 * `$course$/top/Default for Sales 101/Pipeline/Stages` → `pipeline-stages`: Moodle's context prefix,
 * `top` and the "Default for …" level say nothing about the questions.
 */
export function bankIdOf(category: string): string {
  const parts = category
    .split("/")
    .map((p) => p.trim())
    .filter(Boolean);
  if (/^\$\w+\$$/.test(parts[0] ?? "")) parts.shift();
  if (parts[0]?.toLowerCase() === "top") parts.shift();
  if (parts.length > 1 && /^default for /i.test(parts[0]!)) parts.shift();
  return parts.length > 0 ? slugify(parts.join(" "), 64) : "default";
}

export function quizFileYaml(input: QuizFileInput): string {
  const ids = questionIds(input.questions, input.quizId);
  const withIds = input.questions.map((q, i) => ({ ...q, question: { id: ids[i]!, ...q.question } }));
  const categorised = withIds.some((q) => q.category !== undefined);

  const groups = new Map<string, typeof withIds>();
  for (const q of withIds) {
    const key = categorised ? (q.category ?? "") : "";
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  const bankIds = uniqueIds([...groups.keys()].map((c) => (c === "" ? "default" : bankIdOf(c))));
  const body = categorised
    ? { banks: [...groups.values()].map((qs, i) => ({ id: bankIds[i]!, questions: qs.map((q) => q.question) })) }
    : { questions: withIds.map((q) => q.question) };

  const doc = new Document({ title: input.title, ...body });
  doc.commentBefore = input.header.map((l) => ` ${l}`).join("\n");
  const annotate = (seqPath: (string | number)[], qs: typeof withIds) => {
    const seq = doc.getIn(seqPath, true);
    if (!isSeq(seq)) return;
    seq.items.forEach((item, i) => {
      const q = qs[i]!;
      const lines = [
        `${q.origin}${q.title ? ` ::${q.title}::` : ""}`,
        ...(q.tags.length > 0 ? [`Moodle tags: ${q.tags.join(", ")}`] : []),
        ...q.notes.map((n) => `Simplified: ${n}`),
      ];
      (item as Node).commentBefore = lines.map((l) => ` ${l.replace(/\s+/g, " ")}`).join("\n");
    });
  };
  if (categorised) {
    [...groups.entries()].forEach(([category, qs], b) => {
      const bank = doc.getIn(["banks", b], true);
      if (isMap(bank) && category) bank.commentBefore = ` $CATEGORY: ${category}`;
      annotate(["banks", b, "questions"], qs);
    });
  } else {
    annotate(["questions"], withIds);
  }
  return doc.toString({ lineWidth: 0 });
}

export function countByType(questions: ImportedQuestion[]): Map<QuestionType, number> {
  const counts = new Map<QuestionType, number>();
  for (const q of questions) counts.set(q.question.type, (counts.get(q.question.type) ?? 0) + 1);
  return counts;
}
