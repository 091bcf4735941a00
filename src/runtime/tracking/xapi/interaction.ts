/**
 * xAPI interaction activities (cmi.interaction) for every question type: interactionType, the
 * components (choices / scale / source+target) and correctResponsesPattern in xAPI's response
 * syntax (xAPI 1.0.3 §2.4.4.1: `[,]` separates items, `[.]` joins matching pairs, `[:]` a range).
 */
import type { CourseData, QuestionData, QuestionType } from "../../../shared/course-data.js";
import type { AnsweredQuestion, CorrectPattern, Response } from "../../../shared/learner.js";
import type { ActivityDefinition, InteractionComponent, LanguageMap } from "./types.js";
import { INTERACTION_TYPES } from "../interaction-types.js";
import { ACTIVITY_TYPES } from "../../../shared/xapi-vocabulary.js";

/** A number as xAPI response text: no exponent, no trailing zeros. */
function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(10)));
}

/** The learner's response (or one correct pattern) in xAPI response syntax. */
export function encodeResponse(response: Response | CorrectPattern): string {
  switch (response.kind) {
    case "choices":
    case "order":
      return response.ids.join("[,]");
    case "boolean":
      return response.value ? "true" : "false";
    case "text":
      return response.value;
    case "number":
      return numberText(response.value);
    case "pairs":
      return response.pairs.map(([source, target]) => `${source}[.]${target}`).join("[,]");
    case "range":
      return response.min === response.max
        ? numberText(response.min)
        : `${numberText(response.min)}[:]${numberText(response.max)}`;
  }
}

/**
 * Fill-in patterns state case sensitivity explicitly when it matters, and whenever the answer itself
 * starts with "{" (which would otherwise read as a pattern modifier).
 */
function fillInPattern(pattern: string, caseSensitive: boolean): string {
  if (caseSensitive) return `{case_matters=true}${pattern}`;
  return pattern.startsWith("{") ? `{case_matters=false}${pattern}` : pattern;
}

function components(
  options: AnsweredQuestion["options"],
  group: "source" | "target" | undefined,
  lang: string,
): InteractionComponent[] {
  return options.filter((o) => o.group === group).map((o) => ({ id: o.id, description: { [lang]: o.text } }));
}

/**
 * The components each interaction type lists (xAPI 1.0.3 §2.4.4.1): choices, a Likert scale, or the
 * sources and targets of a matching; true-false, fill-in and numeric have none.
 */
const COMPONENTS: Record<
  QuestionType,
  (options: AnsweredQuestion["options"], lang: string) => Partial<ActivityDefinition>
> = {
  single: (options, lang) => ({ choices: components(options, undefined, lang) }),
  multiple: (options, lang) => ({ choices: components(options, undefined, lang) }),
  sequencing: (options, lang) => ({ choices: components(options, undefined, lang) }),
  likert: (options, lang) => ({ scale: components(options, undefined, lang) }),
  matching: (options, lang) => ({
    source: components(options, "source", lang),
    target: components(options, "target", lang),
  }),
  "true-false": () => ({}),
  "fill-in": () => ({}),
  numeric: () => ({}),
};

/** Interaction definition for an answered question; `question` supplies type-specific settings. */
export function interactionDefinition(
  answer: AnsweredQuestion,
  question: QuestionData | undefined,
  lang: string,
): ActivityDefinition {
  const text: LanguageMap = { [lang]: answer.text };
  const definition: ActivityDefinition = {
    type: ACTIVITY_TYPES.interaction,
    name: text,
    description: text,
    interactionType: INTERACTION_TYPES[answer.type],
  };
  const caseSensitive = question?.type === "fill-in" && question.caseSensitive;
  if (answer.correct?.length) {
    definition.correctResponsesPattern = answer.correct.map((p) =>
      answer.type === "fill-in" ? fillInPattern(encodeResponse(p), caseSensitive) : encodeResponse(p),
    );
  }
  Object.assign(definition, COMPONENTS[answer.type](answer.options, lang));
  return definition;
}

/** The interaction's IRI: stable for a question, whatever quiz attempt it was drawn in. */
export function questionIri(course: CourseData, answer: AnsweredQuestion): string {
  return elementIri(course.activityId, "questions", answer.questionId);
}

/** Element IRIs extend the course IRI, so they stay stable and globally unique with it. */
export function elementIri(
  base: string,
  kind: "lessons" | "quizzes" | "questions" | "scenarios" | "media" | "au",
  id?: string,
): string {
  const root = base.replace(/\/+$/, "");
  return id === undefined ? `${root}/${kind}` : `${root}/${kind}/${encodeURIComponent(id)}`;
}
