/**
 * Every translatable text of a course, as units with stable ids, and the same course with
 * translations put in. One traversal does both, so what `translate export` sends and what a build
 * translates can never drift apart.
 *
 * Unit ids come from element ids and positions, never from the text, so they survive translation
 * and re-wording: `title`, `objectives.2`, `body.3` (third block before the first heading),
 * `body.meet-the-team` (a heading) and `body.meet-the-team.2` (second block under it),
 * `q.<question id>.prompt`, `q.<id>.choices.2`, `intro.2`… In Markdown every block of inline text
 * (paragraph, heading, list item, table cell) is one unit; code blocks are not translated.
 * Structure, answer keys and ids always come from the source; only texts are replaced.
 */
import type { Token } from "markdown-it";
import type { Position } from "../diagnostics.js";
import type { MarkdownEnv, MarkdownField, Reference } from "../markdown/env.js";
import type { CourseModel, LessonModel, PageModel, QuestionModel, QuizModel } from "../model/index.js";
import { plainText } from "../model/plain-text.js";
import { translateBlocks } from "./blocks.js";
import { segmentHash, segmentOfInline, segmentOfPlain, type Segment } from "./segment.js";

export interface Unit {
  /** Source file (absolute): course.yml, a lesson or a quiz. */
  file: string;
  /** Unique within its file. */
  id: string;
  /** Where the source text is written. */
  at: Position;
  /** What the text is, for translators. */
  note: string;
  segment: Segment;
  /** segmentHash(segment): identifies the source text a translation was made from. */
  hash: string;
}

/** A stored translation: Markdown for Markdown units, else plain text. */
export interface Translation {
  text: string;
  /** Where the translation is written (for messages about it). */
  at: Position;
}

export interface Translator {
  /** The translation of a unit, or undefined to keep the source text. */
  lookup(unit: Unit): Translation | undefined;
  /** Parses a translation's Markdown as the inline content of `env`'s document. */
  parseInline(markdown: string, env: MarkdownEnv): { tokens: Token[]; references: Reference[] };
  /** Relative links and images a translation has that its source unit does not. */
  newReference?(ref: Reference, translation: Translation, env: MarkdownEnv): void;
}

/** Names of a question type's own Markdown fields, for translators' notes. */
const FIELD_NOTES: Record<string, string> = {
  choices: "answer choice",
  choiceFeedback: "feedback shown when the learner picks answer choice",
  sources: "matching: item",
  targets: "matching: match",
  items: "sequencing: item (listed in the correct order)",
  scale: "scale label",
};

/** The files units come from: course.yml, then the outline's lessons and quizzes. */
export function courseSourceFiles(model: CourseModel): string[] {
  return [model.courseFile, ...model.pages.map((p) => p.file)];
}

export function courseUnits(model: CourseModel): Unit[] {
  const units: Unit[] = [];
  translateModel(model, {
    lookup: (unit) => void units.push(unit),
    parseInline: () => ({ tokens: [], references: [] }),
  });
  return units;
}

export function translateModel(model: CourseModel, translator: Translator): CourseModel {
  const walk = new Walk(translator);
  const { config, courseSource, courseFile } = model;
  const plain = (id: string, text: string, note: string, placeholders = false, path: (string | number)[] = [id]) =>
    walk.plain(courseFile, id, text, courseSource.textOrigin(path), note, placeholders);
  const strings = Object.fromEntries(
    Object.entries(config.strings).map(([key, text]) => [
      key,
      plain(`strings.${key}`, text, `Learner interface text "${key}"; keep each {placeholder}`, true, ["strings", key]),
    ]),
  );
  const translated = {
    ...config,
    title: plain("title", config.title, "Course title"),
    description: plain("description", config.description, "Course description for LMS catalogues"),
    keywords: config.keywords.map((k, i) => plain(`keywords.${i + 1}`, k, "Catalogue keyword", false, ["keywords", i])),
    strings,
  };
  const pages = model.pages.map((page) => walk.page(page));
  const questions = pages.flatMap((p) => (p.kind === "lesson" ? p.checks : p.banks.flatMap((b) => b.questions)));
  return { ...model, config: translated, pages, questions };
}

export class Walk {
  /** Source lines of each Markdown field, split once. */
  private readonly lines = new WeakMap<MarkdownField, string[]>();

  constructor(private readonly translator: Translator) {}

  unit(file: string, id: string, at: Position, note: string, segment: Segment): Translation | undefined {
    return this.translator.lookup({ file, id, at, note, segment, hash: segmentHash(segment) });
  }

  plain(file: string, id: string, text: string, at: Position, note: string, placeholders = false): string {
    return this.unit(file, id, at, note, segmentOfPlain(text, placeholders))?.text ?? text;
  }

  page(page: PageModel): PageModel {
    return page.kind === "lesson" ? this.lesson(page) : this.quiz(page);
  }

  private lesson(lesson: LessonModel): LessonModel {
    const { file, source } = lesson;
    return {
      ...lesson,
      title: this.plain(file, "title", lesson.title, source.textOrigin(["title"]), "Lesson title"),
      objectives: lesson.objectives.map((o, i) =>
        this.plain(file, `objectives.${i + 1}`, o, source.textOrigin(["objectives", i]), "Learning objective"),
      ),
      body: this.field(lesson.body, file, "body", "Lesson text", true),
      checks: lesson.checks.map((q) => this.question(q, file)),
      blocks: translateBlocks(lesson, this),
    };
  }

  private quiz(quiz: QuizModel): QuizModel {
    const { file, source } = quiz;
    return {
      ...quiz,
      title: this.plain(file, "title", quiz.title, source.textOrigin(["title"]), "Quiz title"),
      intro: quiz.intro && this.field(quiz.intro, file, "intro", "Quiz introduction"),
      banks: quiz.banks.map((b) => ({ ...b, questions: b.questions.map((q) => this.question(q, file)) })),
    };
  }

  private question(q: QuestionModel, file: string): QuestionModel {
    const prefix = `q.${q.id}`;
    const about = `question "${q.id}"`;
    const field = (f: MarkdownField, id: string, note: string) => this.field(f, file, `${prefix}.${id}`, note);
    const prompt = field(q.prompt, "prompt", `Prompt of ${about}`);
    const feedback: QuestionModel["feedback"] = {};
    for (const key of ["correct", "incorrect", "partial"] as const) {
      const f = q.feedback[key];
      if (f) feedback[key] = field(f, `feedback.${key}`, `Feedback when the answer to ${about} is ${key}`);
    }
    const fields: QuestionModel["fields"] = {};
    for (const [name, value] of Object.entries(q.fields)) {
      const label = FIELD_NOTES[name] ?? name;
      fields[name] = Array.isArray(value)
        ? value.map((f, i) =>
            field(f, `${name}.${i + 1}`, `${about}, ${label} ${i + 1} of ${value.length}${correctness(q, name, i)}`),
          )
        : field(value, name, `${about}, ${label}`);
    }
    return {
      ...q,
      prompt,
      text: plainText(prompt),
      explanation: q.explanation && field(q.explanation, "explanation", `Explanation shown after answering ${about}`),
      feedback,
      fields,
      authored: this.authoredTexts(q, file, prefix, about),
    };
  }

  /** Texts a question type reads straight from what was written rather than from parsed fields. */
  private authoredTexts(q: QuestionModel, file: string, prefix: string, about: string): QuestionModel["authored"] {
    const a = q.authored;
    const at = (...path: (string | number)[]) => q.source.textOrigin([...q.path, ...path]);
    switch (a.type) {
      case "fill-in":
        return {
          ...a,
          answers: a.answers.map((answer, i) =>
            this.plain(
              file,
              `${prefix}.answers.${i + 1}`,
              answer,
              at("answers", i),
              `${about}: accepted answer ${i + 1} of ${a.answers.length}, as a learner would type it`,
            ),
          ),
        };
      case "numeric":
        return a.unit === undefined
          ? a
          : {
              ...a,
              unit: this.plain(file, `${prefix}.unit`, a.unit, at("unit"), `${about}: unit shown after the number box`),
            };
      case "single":
      case "multiple":
      case "true-false":
      case "matching":
      case "sequencing":
      case "likert":
        return a;
    }
  }

  /**
   * One unit per inline token. `sections`: ids restart under each heading (lesson bodies), so
   * adding a paragraph changes the ids of its own section only.
   */
  field(field: MarkdownField, file: string, prefix: string, note: string, sections = false): MarkdownField {
    let section: string | undefined;
    let n = 0;
    let map: [number, number] | null = null;
    let changed = false;
    const tokens = field.tokens.map((token, i) => {
      if (token.map) map = token.map;
      if (sections && token.type === "heading_open") {
        section = String(token.attrGet("id") ?? "").slice(field.env.idPrefix.length + 1) || `h${i}`;
        n = 0;
      }
      if (token.type !== "inline" || token.content.trim() === "") return token;
      const heading = sections && field.tokens[i - 1]?.type === "heading_open";
      const position = ++n;
      const id = heading
        ? `${prefix}.${section}`
        : section
          ? `${prefix}.${section}.${position}`
          : sections || position > 1
            ? `${prefix}.${position}`
            : prefix;
      if (heading) n = 0;
      const translated = this.inline(token, field, map?.[0] ?? 0, file, id, heading ? `${note}: heading` : note);
      changed ||= translated !== token;
      return translated;
    });
    return changed ? { ...field, tokens } : field;
  }

  /** The unit of one inline token of `field` written on its (0-based) `line`: the token translated, or itself. */
  inline(token: Token, field: MarkdownField, line: number, file: string, id: string, note: string): Token {
    let lines = this.lines.get(field);
    if (!lines) {
      lines = field.source.split("\n");
      this.lines.set(field, lines);
    }
    const col = (lines[line] ?? "").indexOf(token.content.slice(0, 12));
    const at = {
      file: field.env.file,
      line: field.env.line + line,
      col: Math.max(col, 0) + (line === 0 ? field.env.col : 1),
    };
    const translation = this.unit(file, id, at, note, segmentOfInline(token.children ?? []));
    return translation ? this.replaceInline(token, translation, field.env) : token;
  }

  private replaceInline(token: Token, translation: Translation, env: MarkdownEnv): Token {
    const parsed = this.translator.parseInline(translation.text, env);
    const known = new Set(env.relativeLinks.map((r) => r.url));
    for (const ref of parsed.references) if (!known.has(ref.url)) this.translator.newReference?.(ref, translation, env);
    const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token);
    copy.content = translation.text;
    copy.children = parsed.tokens;
    return copy;
  }
}

function correctness(q: QuestionModel, field: string, index: number): string {
  const a = q.authored;
  if (field !== "choices" || (a.type !== "single" && a.type !== "multiple")) return "";
  return a.choices[index]?.correct ? " (a correct answer)" : " (a wrong answer)";
}
