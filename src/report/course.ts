/**
 * The course as the report sees it: lessons and quizzes in learner order, every question with the
 * text and options its author wrote, and the ways records name them — xAPI activity IRIs (of the
 * course language and of each translation) and SCORM interaction ids and responses — so records
 * from any source map back to the authored ids.
 */
import type { CourseData, PageData, QuestionData, QuizData } from "../shared/course-data.js";
import { checkCourse } from "../compiler/pipeline.js";
import { courseLanguages, withLanguageIds } from "../compiler/i18n/languages.js";

export interface OptionInfo {
  id: string;
  text: string;
  /** True for a correct choice; undefined where options have no correctness (likert, order). */
  correct?: boolean;
  group?: "source" | "target";
}

export interface QuestionInfo {
  index: number;
  data: QuestionData;
  /** The options a learner picks from, in authored order (SCORM 1.2 responses index them). */
  options: OptionInfo[];
}

/** One language version of the course, as records identify it. */
export interface LanguageIds {
  language: string;
  /** xAPI/cmi5 activity IRI of the course in this language. */
  activityId: string;
  /** Course id (SCORM manifest identifier, URN interaction ids). */
  courseId: string;
}

export interface ReportCourse {
  data: CourseData;
  lessons: PageData[];
  quizzes: QuizData[];
  /** Questions in learner order: each quiz's banks in order. */
  questions: QuestionInfo[];
  versions: LanguageIds[];
  lessonIndex: Map<string, number>;
  quizIndex: Map<string, number>;
  questionIndex: Map<string, number>;
}

/** The options of a question in the order the runtime reports them (runtime/quiz/types/*.ts). */
export function optionsOf(q: QuestionData): OptionInfo[] {
  switch (q.type) {
    case "single":
    case "multiple":
      return q.choices.map((c) => ({ id: c.id, text: c.text, correct: c.correct }));
    case "true-false":
      return [
        { id: "true", text: "True", correct: q.answer },
        { id: "false", text: "False", correct: !q.answer },
      ];
    case "likert":
      return q.scale.map((s) => ({ id: s.id, text: s.text }));
    case "sequencing":
      return q.items.map((i) => ({ id: i.id, text: i.text }));
    case "matching":
      return [
        ...q.pairs.map((p) => ({ id: p.source, text: p.sourceText, group: "source" as const })),
        ...q.pairs.map((p) => ({ id: p.target, text: p.targetText, group: "target" as const })),
        ...q.distractors.map((d) => ({ id: d.id, text: d.text, group: "target" as const })),
      ];
    case "fill-in":
    case "numeric":
      return [];
  }
}

/** Indexes course data (already compiled) for the report. */
export function reportCourse(data: CourseData, versions: LanguageIds[]): ReportCourse {
  const lessons = data.pages.filter((p) => p.kind === "lesson");
  const quizzes = data.pages.filter((p) => p.kind === "quiz").map((p) => data.quizzes[p.id]!);
  const order = quizzes.flatMap((quiz) => quiz.banks.flatMap((b) => b.questions));
  // Questions outside quizzes (knowledge checks) follow, in case a source reports them.
  for (const id of Object.keys(data.questions)) if (!order.includes(id)) order.push(id);
  const questions = order.map((id, index) => {
    const q = data.questions[id]!;
    return { index, data: q, options: optionsOf(q) };
  });
  return {
    data,
    lessons,
    quizzes,
    questions,
    versions,
    lessonIndex: new Map(lessons.map((p, i) => [p.id, i])),
    quizIndex: new Map(quizzes.map((q, i) => [q.id, i])),
    questionIndex: new Map(questions.map((q) => [q.data.id, q.index])),
  };
}

/**
 * Compiles the course folder (its own language: the texts the author wrote) and works out the
 * ids each translation's packages report under (docs/translation.md, `languageIds:`).
 */
export async function loadReportCourse(dir: string): Promise<ReportCourse> {
  const { model, data } = await checkCourse(dir, undefined, undefined, "own");
  const versions = courseLanguages(model.config).map((language) => {
    const own = language === model.config.language;
    const ids = own ? model : withLanguageIds(model, language);
    return { language, activityId: ids.activityId, courseId: ids.config.id };
  });
  return reportCourse(data, versions);
}
