/** Quiz model: settings with defaults, banks settled (plain `questions` become one bank). */
import type { Diagnostics } from "../diagnostics.js";
import type { QuizSource } from "../load/load-course.js";
import type { Source, SourcePath } from "../load/source.js";
import type { YamlSource } from "../load/yaml-source.js";
import { parseMarkdown } from "../markdown/index.js";
import { CompactSource, isCompact } from "../questions/compact.js";
import { questionSchema } from "../questions/index.js";
import { quizSchema } from "../schema/quiz.js";
import { validateSource } from "../schema/validate.js";
import { buildQuestion } from "./question.js";
import { idFromFileName } from "./slug.js";
import type { BankModel, QuizModel } from "./types.js";

/** Minutes a learner needs per question, for the estimated duration. */
const MINUTES_PER_QUESTION = 1;

/** A question of a quiz file: a YAML mapping, or compact text given as a string. */
function questionAt(yaml: YamlSource, path: SourcePath, raw: unknown, diagnostics: Diagnostics) {
  if (typeof raw === "string" && isCompact(raw)) {
    const origin = yaml.textOrigin(path);
    const source = new CompactSource(yaml.file, raw, diagnostics, origin.line, origin.col);
    const authored = validateSource(questionSchema, source, diagnostics, "question");
    return authored && { authored, source, path: [] as SourcePath };
  }
  const authored = validateSource(questionSchema, yaml, diagnostics, "question", path, raw);
  return authored && { authored, source: yaml as Source, path };
}

/** Each question as written, with its path, in a quiz file whose settings did not validate. */
function writtenQuestions(value: unknown): [SourcePath, unknown][] {
  const list = (v: unknown, path: SourcePath): [SourcePath, unknown][] =>
    Array.isArray(v) ? v.map((raw, i) => [[...path, i], raw]) : [];
  if (typeof value !== "object" || value === null) return [];
  const { questions, banks } = value as { questions?: unknown; banks?: unknown };
  return [
    ...list(questions, ["questions"]),
    ...(Array.isArray(banks)
      ? banks.flatMap((bank, i) => list((bank as { questions?: unknown } | null)?.questions, ["banks", i, "questions"]))
      : []),
  ];
}

export function buildQuiz(
  src: QuizSource,
  coursePassingScore: number,
  diagnostics: Diagnostics,
): QuizModel | undefined {
  if (!src.yaml.ok) return undefined;
  const quiz = validateSource(quizSchema, src.yaml, diagnostics, "quiz");
  if (!quiz) {
    // The settings' errors are reported; the questions' are too, so that one run shows them all.
    for (const [path, raw] of writtenQuestions(src.yaml.value)) questionAt(src.yaml, path, raw, diagnostics);
    return undefined;
  }
  const id = quiz.id ?? idFromFileName(src.file);
  const { questions, banks: authoredBanks, draw, intro, title, id: _id, ...settings } = quiz;
  const groups = questions
    ? [{ id, draw, questions, path: ["questions"] }]
    : (authoredBanks ?? []).map((b, i) => ({ ...b, path: ["banks", i, "questions"] }));
  const banks: BankModel[] = groups.map((g) => ({
    id: g.id,
    draw: g.draw ?? g.questions.length,
    size: g.questions.length,
    path: g.path,
    questions: g.questions.flatMap((raw, i) => {
      const question = questionAt(src.yaml, [...g.path, i], raw, diagnostics);
      return question ? [buildQuestion(question.authored, question.source, question.path, id, true)] : [];
    }),
  }));
  const drawn = banks.reduce((n, b) => n + Math.min(b.draw, b.questions.length), 0);
  return {
    kind: "quiz",
    id,
    title,
    minutes: Math.max(1, drawn * MINUTES_PER_QUESTION),
    file: src.file,
    source: src.yaml,
    settings: { ...settings, passingScore: settings.passingScore ?? coursePassingScore },
    intro: intro === undefined ? undefined : parseMarkdown(intro, { ...src.yaml.textOrigin(["intro"]), idPrefix: id }),
    banks,
  };
}
