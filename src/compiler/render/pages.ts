/** Renders each page (lesson or quiz) and each question to HTML through the templates. */
import path from "node:path";
import type { CourseData } from "../../shared/course-data.js";
import { kindOfBlock, TO_DO } from "../blocks/index.js";
import type { RenderContext } from "../blocks/kind.js";
import type { MarkdownField, ReferenceResolver, TokenRenderer } from "../markdown/env.js";
import { renderMarkdown } from "../markdown/index.js";
import { isLessonLink, resolveReference } from "../model/assets.js";
import type { CourseModel, LessonModel, PageModel, QuestionModel, QuizModel } from "../model/index.js";
import { kindOf } from "../questions/index.js";
import type { RenderedFields, ViewContext } from "../questions/kind.js";
import { compareIn } from "../../shared/collate.js";
import { formatString, type Templates } from "./templates.js";

export function referenceResolver(model: CourseModel): ReferenceResolver {
  const pagesByFile = new Map(model.pages.map((p) => [path.resolve(p.file), p.id]));
  return {
    asset: (url, from) => model.assets.get(resolveReference(url, from)),
    page: (url, from) => {
      if (!isLessonLink(url)) return undefined;
      const pageId = pagesByFile.get(resolveReference(url, from));
      if (!pageId) return undefined;
      const hash = url.includes("#") ? url.slice(url.indexOf("#") + 1) : undefined;
      return { pageId, anchor: hash || undefined };
    },
  };
}

export class PageRenderer {
  private readonly resolve: ReferenceResolver;
  /** The runtime's view of each page, by id (a search of the list per lesson was quadratic). */
  private readonly dataPages: ReadonlyMap<string, CourseData["pages"][number]>;
  private readonly viewContext: ViewContext;

  constructor(
    private readonly model: CourseModel,
    private readonly templates: Templates,
    private readonly data: CourseData,
  ) {
    this.resolve = referenceResolver(model);
    this.dataPages = new Map(data.pages.map((p) => [p.id, p]));
    this.viewContext = { t: (key) => templates.strings[key] ?? key, compare: compareIn(model.config.language) };
  }

  page(page: PageModel, number: number): string {
    return page.kind === "lesson" ? this.lesson(page, number) : this.quiz(page);
  }

  private md(field: MarkdownField | undefined): string {
    return field ? renderMarkdown(field, this.resolve) : "";
  }

  private lesson(lesson: LessonModel, number: number): string {
    const body = renderMarkdown(lesson.body, this.resolve, {
      check: (i) => {
        const check = lesson.checks[i];
        return check ? this.question(check, true) : "";
      },
      block: (i, render) => this.block(lesson, i, render),
    });
    const page = this.dataPages.get(lesson.id);
    const requirements = (page?.requires ?? []).flatMap((id) => {
      const block = this.data.blocks[id];
      if (!block) return [];
      const n = "threshold" in block ? Math.round(block.threshold * 100) : 0;
      return [{ id, text: formatString(this.templates.strings, TO_DO[block.kind], { title: block.title, n }) }];
    });
    return this.templates.render("lesson", { ...lesson, number, body, requirements });
  }

  private block(lesson: LessonModel, index: number, render: TokenRenderer): string {
    const block = lesson.blocks[index];
    if (!block) return "";
    const kind = kindOfBlock(block);
    const ctx: RenderContext = {
      tokens: render.tokens,
      inline: render.inline,
      field: (field) => this.md(field),
      asset: (url) => this.resolve.asset(url, lesson.file),
      template: (view) =>
        this.templates.render(`blocks/${kind.template}`, {
          ...view,
          required: this.data.blocks[block.id]?.required ?? false,
        }),
      t: (key, params) => formatString(this.templates.strings, key, params),
      language: this.model.config.language,
      assetLanguage: (url) => this.model.assets.languageOf(resolveReference(url, lesson.file)),
    };
    return kind.render(block, ctx);
  }

  private quiz(quiz: QuizModel): string {
    const questions = quiz.banks.flatMap((b) => b.questions.map((q) => this.question(q, false)));
    return this.templates.render("quiz", {
      id: quiz.id,
      title: quiz.title,
      minutes: quiz.minutes,
      intro: this.md(quiz.intro),
      questionCount: quiz.banks.reduce((n, b) => n + Math.min(b.draw, b.questions.length), 0),
      passingScore: quiz.settings.passingScore,
      attempts: quiz.settings.attempts,
      review: quiz.settings.review,
      questions,
    });
  }

  question(q: QuestionModel, check: boolean): string {
    const kind = kindOf(q);
    const html: RenderedFields = {};
    for (const [name, value] of Object.entries(q.fields)) {
      html[name] = Array.isArray(value) ? value.map((f) => (f.source ? this.md(f) : "")) : this.md(value);
    }
    const view = {
      id: q.id,
      type: q.type,
      ...kind.view(q.authored, html, this.viewContext),
    };
    return this.templates.render("question", {
      id: q.id,
      type: q.type,
      check,
      prompt: this.md(q.prompt),
      explanation: this.md(q.explanation),
      feedback: {
        correct: this.md(q.feedback.correct),
        incorrect: this.md(q.feedback.incorrect),
        partial: this.md(q.feedback.partial),
      },
      body: this.templates.render(kind.template, view),
    });
  }
}
