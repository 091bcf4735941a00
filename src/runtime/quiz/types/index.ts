/** Question behaviours by type. */
import type { QuestionData, QuestionType } from "../../../shared/course-data.js";
import type { AnswerResult, Response } from "../../../shared/learner.js";
import type { QuestionBehaviour } from "./behaviour.js";
import { choice } from "./choice.js";
import { fillIn } from "./fill-in.js";
import { likert } from "./likert.js";
import { matching } from "./matching.js";
import { numeric } from "./numeric.js";
import { sequencing } from "./sequencing.js";
import { trueFalse } from "./true-false.js";

// Each behaviour is typed for its own question data; the registry hands out the general interface.
const behaviours = {
  single: choice,
  multiple: choice,
  "true-false": trueFalse,
  "fill-in": fillIn,
  numeric,
  matching,
  sequencing,
  likert,
} as unknown as Record<QuestionType, QuestionBehaviour>;

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
