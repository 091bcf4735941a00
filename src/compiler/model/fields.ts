/** Walks every Markdown field of a course model: lesson bodies, quiz intros and question texts. */
import type { MarkdownField } from "../markdown/env.js";
import type { CourseModel, QuestionModel } from "./types.js";

export function* questionFields(q: QuestionModel): Generator<MarkdownField> {
  yield q.prompt;
  if (q.explanation) yield q.explanation;
  for (const f of Object.values(q.feedback)) if (f) yield f;
  for (const f of Object.values(q.fields)) {
    if (Array.isArray(f)) yield* f;
    else yield f;
  }
}

export function* markdownFields(model: Pick<CourseModel, "pages" | "questions">): Generator<MarkdownField> {
  for (const page of model.pages) {
    if (page.kind === "lesson") {
      yield page.body;
      for (const block of page.blocks) if (block) yield* block.fields;
    } else if (page.intro) yield page.intro;
  }
  for (const q of model.questions) yield* questionFields(q);
}
