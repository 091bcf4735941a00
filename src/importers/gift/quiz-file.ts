/**
 * The quiz file written by the import: ids for questions and banks, one bank per `$CATEGORY`, and
 * YAML in block style with comments that say where each question came from.
 */
import { Document, isSeq, type Node } from "yaml";
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

/** One question as written in the quiz file: its list item, and where it starts. */
export interface QuestionItem {
  /** The YAML list item (`- id: …` and its comment lines), unindented. */
  yaml: string;
  /** 1-based line of the item's first line in the file, and how far it is indented there. */
  line: number;
  indent: number;
  /** The first question of its bank, which `head` holds too. */
  first: boolean;
}

export interface QuizFileText {
  yaml: string;
  /** The same file with only the first question of each bank: its title, banks and ids. */
  head: string;
  items: QuestionItem[];
}

type Numbered = ImportedQuestion & { question: { id: string } };

/**
 * The quiz file. Written piece by piece — one small YAML document per question, indented into
 * place — rather than as one document of the whole bank: a bank of 200,000 questions then costs
 * time and memory in proportion to its size, and each question can be loaded back on its own.
 */
export function quizFileYaml(input: QuizFileInput): QuizFileText {
  const ids = questionIds(input.questions, input.quizId);
  const withIds: Numbered[] = input.questions.map((q, i) => ({ ...q, question: { id: ids[i]!, ...q.question } }));
  const categorised = withIds.some((q) => q.category !== undefined);
  const groups = new Map<string, Numbered[]>();
  for (const q of withIds) {
    const key = categorised ? (q.category ?? "") : "";
    const group = groups.get(key);
    if (group) group.push(q);
    else groups.set(key, [q]);
  }
  const bankIds = uniqueIds([...groups.keys()].map((c) => (c === "" ? "default" : bankIdOf(c))));
  const head = new Document({ title: input.title });
  head.commentBefore = input.header.map((l) => ` ${l}`).join("\n");
  const write = (firstOnly: boolean): QuizWriter => {
    const out = new QuizWriter(head.toString({ lineWidth: 0 }));
    const take = (qs: Numbered[]) => (firstOnly ? qs.slice(0, 1) : qs);
    if (!categorised) {
      out.line("questions:");
      for (const [i, q] of take(withIds).entries()) out.item(questionItem(q), 2, i === 0);
      return out;
    }
    out.line("banks:");
    [...groups.entries()].forEach(([category, qs], b) => {
      if (category) out.line(`  #${` $CATEGORY: ${category}`.replace(/\n/g, "\n  #")}`);
      out.line(`  - id: ${scalar(bankIds[b]!)}`);
      out.line("    questions:");
      for (const [i, q] of take(qs).entries()) out.item(questionItem(q), 6, i === 0);
    });
    return out;
  };
  const all = write(false);
  return { yaml: all.text(), head: write(true).text(), items: all.items };
}

/** Collects the file's lines, counting them, so each question knows its line. */
class QuizWriter {
  private readonly parts: string[] = [];
  private lines = 0;
  readonly items: QuestionItem[] = [];

  constructor(head: string) {
    this.parts.push(head);
    this.lines = head.split("\n").length - 1;
  }

  line(text: string): void {
    this.parts.push(`${text}\n`);
    this.lines += 1;
  }

  /** A list item, indented (empty lines stay empty: they may be part of a block scalar). */
  item(yaml: string, indent: number, first: boolean): void {
    const pad = " ".repeat(indent);
    const lines = yaml.split("\n").slice(0, -1);
    this.items.push({ yaml, line: this.lines + 1, indent, first });
    this.parts.push(`${lines.map((l) => (l === "" ? l : pad + l)).join("\n")}\n`);
    this.lines += lines.length;
  }

  text(): string {
    return this.parts.join("");
  }
}

/** `- id: …` with the comments that say where the question came from. */
function questionItem(q: Numbered): string {
  const doc = new Document([q.question]);
  const lines = [
    `${q.origin}${q.title ? ` ::${q.title}::` : ""}`,
    ...(q.tags.length > 0 ? [`Moodle tags: ${q.tags.join(", ")}`] : []),
    ...q.notes.map((n) => `Simplified: ${n}`),
  ];
  const seq = doc.contents;
  if (isSeq(seq)) (seq.items[0] as Node).commentBefore = lines.map((l) => ` ${l.replace(/\s+/g, " ")}`).join("\n");
  return doc.toString({ lineWidth: 0 });
}

/** A plain scalar as YAML writes it (quoted when it would read as something else, like `true`). */
function scalar(value: string): string {
  return new Document(value).toString().trimEnd();
}

export function countByType(questions: ImportedQuestion[]): Map<QuestionType, number> {
  const counts = new Map<QuestionType, number>();
  for (const q of questions) counts.set(q.question.type, (counts.get(q.question.type) ?? 0) + 1);
  return counts;
}
