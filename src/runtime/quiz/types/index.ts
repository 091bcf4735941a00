/** Question behaviours by type. */
import type { QuestionData, QuestionDataOf, QuestionType } from "../../../shared/course-data.js";
import type { AnsweredQuestion, AnswerResult, Response } from "../../../shared/learner.js";
import type { QuestionBehaviour } from "./behaviour.js";
import { choice } from "./choice.js";
import { fillIn } from "./fill-in.js";
import { likert } from "./likert.js";
import { matching } from "./matching.js";
import { numeric } from "./numeric.js";
import { sequencing } from "./sequencing.js";
import { trueFalse } from "./true-false.js";

/** One behaviour per question type; a type without one is a type error here. */
const behaviours: { readonly [T in QuestionType]: QuestionBehaviour<QuestionDataOf<T>> } = {
  single: choice,
  multiple: choice,
  "true-false": trueFalse,
  "fill-in": fillIn,
  numeric,
  matching,
  sequencing,
  likert,
};

export function behaviourOf(q: QuestionData): QuestionBehaviour {
  // Each behaviour is typed for its own question data; callers hold the general interface.
  return behaviours[q.type] as QuestionBehaviour;
}

export interface Evaluation {
  score: number;
  result: AnswerResult;
}

export function evaluate(q: QuestionData, response: Response): Evaluation {
  const b = behaviourOf(q);
  if (!b.correct(q)) return { score: 0, result: "neutral" };
  const score = b.score(q, response);
  return { score, result: score >= 1 ? "correct" : score <= 0 ? "incorrect" : "partial" };
}

/** When and in which attempt an answer was given. */
export interface AnswerContext {
  quizId: string;
  attempt: number;
  latencyMs: number;
  timestamp: Date;
}

/** One answer as every tracker receives it (SCORM interaction, xAPI "answered"). */
export function answeredQuestion(
  q: QuestionData,
  response: Response,
  evaluation: Evaluation,
  at: AnswerContext,
): AnsweredQuestion {
  const b = behaviourOf(q);
  const correct = b.correct(q);
  return {
    questionId: q.id,
    quizId: at.quizId,
    attempt: at.attempt,
    type: q.type,
    text: q.text,
    response,
    ...(correct ? { correct } : {}),
    result: evaluation.result,
    score: evaluation.score,
    weight: q.weight,
    latencyMs: at.latencyMs,
    timestamp: at.timestamp,
    options: b.options(q),
  };
}
