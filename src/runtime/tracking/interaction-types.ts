/** The interaction type of each question type; SCORM 1.2, SCORM 2004 and xAPI share these words. */
import type { QuestionType } from "../../shared/course-data.js";

export const INTERACTION_TYPES: Record<QuestionType, string> = {
  single: "choice",
  multiple: "choice",
  "true-false": "true-false",
  "fill-in": "fill-in",
  numeric: "numeric",
  matching: "matching",
  sequencing: "sequencing",
  likert: "likert",
};
