/**
 * A simulated learner for any engine (engines.ts): walks pages with Next and answers choice
 * questions with real clicks, reading the course data embedded in the page. The Playwright-only
 * learner (learner.ts) covers every question type in Chromium; this one is what the Firefox and
 * WebKit runs need for the starter course (single and multiple choice).
 */
import type { CourseData, QuestionData } from "../../src/shared/course-data.js";
import type { Scope } from "./engines.js";

export const courseData = (doc: Scope) =>
  doc.evaluate(() => JSON.parse(document.getElementById("course-data")!.textContent!) as CourseData, undefined);

export const shownPage = (doc: Scope) =>
  doc.evaluate(
    () => document.querySelector("section.page:not([hidden])")?.getAttribute("data-page") ?? null,
    undefined,
  );

export async function ready(doc: Scope): Promise<void> {
  await doc.waitFor(() => document.documentElement.classList.contains("cp-ready"), undefined);
}

/** Opens a page from the menu. */
export async function openPageFromMenu(doc: Scope, pageId: string): Promise<void> {
  await doc.click(`.menu a[data-page="${pageId}"]`);
  await doc.waitFor((id) => document.querySelector(`section.page[data-page="${id}"]:not([hidden])`) !== null, pageId);
}

function rightChoices(q: QuestionData): string[] {
  switch (q.type) {
    case "single":
    case "multiple":
      return q.choices.filter((c) => c.correct).map((c) => c.id);
    case "true-false":
      return [String(q.answer)];
    case "fill-in":
    case "numeric":
    case "matching":
    case "sequencing":
    case "likert":
      throw new Error(`The engine learner answers choice questions only, not ${q.type} (${q.id})`);
  }
}

/** Every page in order with Next from the first, every quiz answered right; ends on the summary. */
export async function passCourse(doc: Scope): Promise<void> {
  const course = await courseData(doc);
  await openPageFromMenu(doc, course.pages[0]!.id);
  for (const page of course.pages) {
    if (page.kind === "quiz") await passQuiz(doc, course, page.id);
    await doc.click('[data-nav="next"]');
  }
  await doc.waitFor(
    () => document.querySelector('section.page[data-page="summary"]:not([hidden])') !== null,
    undefined,
  );
}

async function passQuiz(doc: Scope, course: CourseData, quizId: string): Promise<void> {
  const section = `section.page[data-page="${quizId}"]`;
  await doc.click(`${section} [data-quiz-action="start"]`);
  const quiz = course.quizzes[quizId]!;
  const total = quiz.banks.reduce((n, b) => n + Math.min(b.draw, b.questions.length), 0);
  for (let i = 0; i < total; i++) {
    const id = await doc.evaluate(
      (s) => document.querySelector(`${s} [data-question]:not([hidden])`)!.getAttribute("data-question")!,
      section,
    );
    for (const choice of rightChoices(course.questions[id]!))
      await doc.click(`[data-question="${id}"] input[value="${choice}"]`);
    if (quiz.feedback === "immediate") await doc.click(`${section} [data-quiz-action="forward"]`);
    if (i < total - 1) await doc.click(`${section} [data-quiz-action="forward"]`);
  }
  await doc.click(`${section} [data-quiz-action="submit"]`);
  await doc.waitFor((s) => document.querySelector(`${s} [data-quiz-screen="results"]:not([hidden])`) !== null, section);
}

/** Exit on the summary; resolves once the course says it is finished (or `then` holds). */
export async function exitFromSummary(doc: Scope): Promise<void> {
  await doc.click('[data-action="exit"]');
  await doc.waitFor(() => document.querySelector('[data-notice="finished"]') !== null, undefined);
}
