/** Builds a question's model: settles its id and parses its Markdown fields once. */
import type { Source, SourcePath } from "../load/source.js";
import { parseMarkdown } from "../markdown/index.js";
import { kindOf, type AuthoredQuestion } from "../questions/index.js";
import { plainText } from "./plain-text.js";
import { slugify } from "./slug.js";
import type { QuestionModel } from "./types.js";

export function buildQuestion(
  authored: AuthoredQuestion,
  source: Source,
  path: SourcePath,
  parent: string,
  gradedContext: boolean,
): QuestionModel {
  const kind = kindOf(authored);
  const parse = (sub: SourcePath, text: string, inline = false) =>
    parseMarkdown(text, { ...source.textOrigin([...path, ...sub]), idPrefix: parent }, inline);
  const prompt = parse(["prompt"], authored.prompt);
  const text = plainText(prompt);
  const fb = authored.feedback ?? {};
  return {
    id: authored.id ?? slugify(text, 40),
    idAuthored: authored.id !== undefined,
    type: authored.type,
    authored,
    graded: gradedContext && kind.gradable,
    parent,
    source,
    path,
    text,
    prompt,
    explanation: authored.explanation === undefined ? undefined : parse(["explanation"], authored.explanation),
    feedback: {
      ...(fb.correct ? { correct: parse(["feedback", "correct"], fb.correct) } : {}),
      ...(fb.incorrect ? { incorrect: parse(["feedback", "incorrect"], fb.incorrect) } : {}),
      ...(fb.partial ? { partial: parse(["feedback", "partial"], fb.partial) } : {}),
    },
    fields: kind.fields(authored as never, parse),
  };
}
