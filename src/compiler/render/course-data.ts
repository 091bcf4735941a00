/** Assembles the runtime's view of the course (the JSON contract in src/shared/course-data.ts). */
import { COURSE_DATA_SCHEMA, type CourseData, type QuestionData, type QuizData } from "../../shared/course-data.js";
import type { CourseModel } from "../model/index.js";
import { kindOf } from "../questions/index.js";

const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "yi", "ps", "dv", "ku", "sd", "ug"]);

export function textDirection(language: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(language.split("-")[0]!.toLowerCase()) ? "rtl" : "ltr";
}

export function courseData(model: CourseModel, strings: Record<string, string>): CourseData {
  const t = (key: string) => strings[key] ?? key;
  const { config } = model;
  const quizzes: Record<string, QuizData> = {};
  const questions: Record<string, QuestionData> = {};
  for (const q of model.questions) {
    const base = { id: q.id, text: q.text, graded: q.graded, weight: q.authored.weight, parent: q.parent };
    questions[q.id] = kindOf(q).toData(q.authored, { base, fields: q.fields, t });
  }
  for (const page of model.pages) {
    if (page.kind !== "quiz") continue;
    const s = page.settings;
    quizzes[page.id] = {
      id: page.id,
      title: page.title,
      passingScore: s.passingScore,
      attempts: s.attempts,
      feedback: s.feedback,
      review: s.review,
      shuffleChoices: s.shuffleChoices,
      shuffleQuestions: s.shuffleQuestions,
      weight: s.weight,
      banks: page.banks.map((b) => ({ id: b.id, draw: b.draw, questions: b.questions.map((q) => q.id) })),
    };
  }
  return {
    schema: COURSE_DATA_SCHEMA,
    id: config.id,
    title: config.title,
    version: config.version,
    language: config.language,
    direction: textDirection(config.language),
    passingScore: config.passingScore,
    completion: model.completion,
    scoreCombination: config.scoring,
    pages: model.pages.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      minutes: p.minutes,
      checks: p.kind === "lesson" ? p.checks.map((q) => q.id) : [],
    })),
    quizzes,
    questions,
    strings,
    tracking: {
      scorm12Status: model.tracking.scorm12Status,
      exitWhenComplete: model.tracking.exitWhenComplete,
      interactions: model.tracking.interactions,
      commitSeconds: model.tracking.commitSeconds,
      navigationRequests: model.tracking.navigationRequests,
    },
    activityId: model.activityId,
  };
}
