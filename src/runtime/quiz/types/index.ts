/** Question behaviours by type. */
import type { QuestionData, QuestionType } from "../../../shared/course-data.js";
import type { AnswerResult, Response } from "../../../shared/learner.js";
import type { QuestionBehaviour } from "./behaviour.js";
import { choice } from "./choice.js";

const behaviours: Partial<Record<QuestionType, QuestionBehaviour>> = {
  single: choice as QuestionBehaviour,
  multiple: choice as QuestionBehaviour,
};

export function behaviourOf(q: QuestionData): QuestionBehaviour {
  const b = behaviours[q.type];
  if (!b) throw new Error(`no behaviour for question type ${q.type}`);
  return b;
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
