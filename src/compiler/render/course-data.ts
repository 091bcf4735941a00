/** Assembles the runtime's view of the course (the JSON contract in src/shared/course-data.ts). */
import {
  type BlockData,
  COURSE_DATA_SCHEMA,
  type CourseData,
  type QuestionData,
  type QuizData,
} from "../../shared/course-data.js";
import { kindOfBlock } from "../blocks/index.js";
import type { CourseModel, LessonModel } from "../model/index.js";
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
      ...(s.opensAfter ? { opensAfter: s.opensAfter } : {}),
      banks: page.banks.map((b) => ({ id: b.id, draw: b.draw, questions: b.questions.map((q) => q.id) })),
    };
  }
  const blocks: Record<string, BlockData> = {};
  for (const page of model.pages) if (page.kind === "lesson") for (const b of lessonBlocks(page)) blocks[b.id] = b;
  return {
    schema: COURSE_DATA_SCHEMA,
    id: config.id,
    title: config.title,
    version: config.version,
    contentHash: "",
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
      blocks: p.kind === "lesson" ? lessonBlocks(p).map((b) => b.id) : [],
      requires:
        p.kind === "lesson"
          ? lessonBlocks(p)
              .filter((b) => b.required)
              .map((b) => b.id)
          : [],
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
    navigation: config.navigation,
    blocks,
  };
}

/**
 * The runtime data of a lesson's interactive blocks. With `completion: blocks` every one of them is
 * required; external videos never are, since nobody can tell how much of them was played.
 */
function lessonBlocks(lesson: LessonModel): BlockData[] {
  return lesson.blocks.flatMap((block) => {
    const data = block && kindOfBlock(block).data?.(block, lesson.id);
    if (!data) return [];
    const trackable = !(data.kind === "video" && data.external);
    return [{ ...data, required: trackable && (data.required || lesson.completion === "blocks") }];
  });
}
