/**
 * One behaviour per question type: how to read and restore the learner's answer in the DOM, and how
 * to score it. Scoring is pure (no DOM) so it is unit-tested directly.
 */
import type { QuestionData } from "../../../shared/course-data.js";
import type { CorrectPattern, Response } from "../../../shared/learner.js";
import type { Translate } from "../../player/strings.js";

export interface QuestionBehaviour<Q extends QuestionData = QuestionData> {
  /** The learner's answer, or undefined while unanswered. */
  read(el: HTMLElement, q: Q): Response | undefined;
  restore(el: HTMLElement, q: Q, response: Response): void;
  /** Share of the marks earned, 0..1. */
  score(q: Q, response: Response): number;
  /** Every acceptable correct response, for LMS reports; undefined for surveys. */
  correct(q: Q): CorrectPattern[] | undefined;
  /** The learner's answer in words, for the review list. */
  describe(q: Q, response: Response, t: Translate): string;
  /** The correct answer in words, for the review list. */
  describeCorrect(q: Q, t: Translate): string;
  /** Options with their texts, for xAPI interaction definitions. */
  options(q: Q): { id: string; text: string; group?: "source" | "target" }[];
  /** Reveals feedback attached to parts of the answer (e.g. the chosen choice). */
  showPartFeedback?(el: HTMLElement, q: Q, response: Response): void;
  /** Wires controls that are not plain form inputs (sequencing's move buttons). */
  bind?(el: HTMLElement, q: Q, changed: () => void, announce: (text: string) => void, t: Translate): void;
}
