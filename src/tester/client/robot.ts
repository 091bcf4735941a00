/**
 * The scripted learner of `coursepack test`: takes a Coursepack course the way a person does —
 * pages with Next, quizzes with Start, answers and Submit, the summary's Exit — by acting on the
 * course's DOM in whatever window holds it (a frame of the LMS page, a popup, or its own tab). It
 * only presses what a learner could see and press, and waits for the course to react, so a hidden
 * or missing control is a failure, not a shortcut. Answers come from the course's own answer key.
 */
import type { CourseData, QuestionData } from "../../shared/course-data.js";
import type { LearnerView, RobotStep } from "../protocol.js";
import { plannedAnswer } from "./answers.js";
import { finishBlock } from "./robot-blocks.js";
import { isVisible, press, RobotError, until } from "./robot-dom.js";

export class Robot {
  private course: CourseData | undefined;

  constructor(private readonly win: () => Window) {}

  private get doc(): Document {
    return this.win().document;
  }

  private data(): CourseData {
    if (!this.course) {
      const text = this.doc.getElementById("course-data")?.textContent;
      if (!text) throw new RobotError("the page has no Coursepack course data: it is not a Coursepack course");
      this.course = JSON.parse(text) as CourseData;
    }
    return this.course;
  }

  async ready(): Promise<void> {
    await until(() => this.doc.documentElement.classList.contains("cp-ready"), "the course to start");
  }

  async run(step: RobotStep): Promise<LearnerView> {
    await this.ready();
    switch (step.do) {
      case "view-lessons":
        for (let i = 0; i < step.count; i++) await this.next();
        break;
      case "take-course":
        await this.takeCourse(step.correct, step.attempts);
        break;
      case "start-quiz-and-answer":
        await this.startQuizAndAnswer(step.questions);
        break;
      case "next":
        await this.next();
        break;
      case "exit":
        await this.exit();
        break;
      case "hide":
        this.hide();
        break;
      case "view":
        break;
      case "wait-notice":
        await until(
          () => this.doc.querySelector(`[data-notice="${CSS.escape(step.notice)}"]`),
          `the course's "${step.notice}" notice`,
          step.seconds * 1000,
        );
        break;
    }
    return this.view();
  }

  view(): LearnerView {
    const shown = this.doc.querySelector<HTMLElement>("section.page:not([hidden])");
    const question = shown?.querySelector<HTMLElement>("[data-question]:not([hidden])");
    const open = shown?.querySelector('[data-quiz-screen="questions"]:not([hidden])');
    const answers: Record<string, string> = {};
    for (const q of open?.querySelectorAll<HTMLElement>("[data-question]") ?? []) {
      const answer = answerOf(q);
      if (answer) answers[q.dataset.question ?? ""] = answer;
    }
    return {
      answers,
      page: shown?.dataset.page ?? null,
      notices: [...this.doc.querySelectorAll<HTMLElement>("[data-notice]")].map((n) => n.dataset.notice ?? ""),
      question:
        question && !question.closest("[hidden]")
          ? { id: question.dataset.question ?? "", answer: answerOf(question) }
          : null,
    };
  }

  private currentPage(): string | null {
    return this.doc.querySelector<HTMLElement>("section.page:not([hidden])")?.dataset.page ?? null;
  }

  private press(selector: string, within: ParentNode = this.doc): void {
    press(selector, within);
  }

  private async next(): Promise<void> {
    const before = this.currentPage();
    this.press('[data-nav="next"]');
    await until(() => this.currentPage() !== before, `the page after "${before}"`);
  }

  private async goTo(page: string): Promise<void> {
    if (this.currentPage() === page) return;
    const link = `.menu a[data-page="${page}"]`;
    // On a phone the menu is folded away behind its button, where the learner finds it.
    const entry = this.doc.querySelector<HTMLElement>(link);
    if (entry && !isVisible(entry)) this.press(".menu-toggle");
    this.press(link);
    await until(() => this.currentPage() === page, `page "${page}"`);
  }

  private async takeCourse(correct: boolean, attempts: "one" | "all"): Promise<void> {
    const course = this.data();
    await this.goTo(course.pages[0]!.id);
    for (const page of course.pages) {
      await this.goTo(page.id);
      await this.finishRequired(page.id);
      if (page.kind === "quiz") await this.takeQuiz(page.id, correct, attempts);
    }
    await this.goTo("summary");
  }

  /** Finishes the blocks a lesson requires: a learner who skips them never completes the lesson. */
  private async finishRequired(pageId: string | null): Promise<void> {
    const course = this.data();
    const page = course.pages.find((p) => p.id === pageId);
    for (const id of page?.requires ?? []) await finishBlock(this.doc, course.blocks[id]!);
  }

  private section(quizId: string): HTMLElement {
    const section = this.doc.querySelector<HTMLElement>(`section.page[data-page="${quizId}"]`);
    if (!section) throw new RobotError(`no quiz "${quizId}" in the course`);
    return section;
  }

  /** From the quiz's intro (or results, for a retry) to its results, once or until no attempt is left. */
  private async takeQuiz(quizId: string, correct: boolean, attempts: "one" | "all"): Promise<void> {
    const section = this.section(quizId);
    const screen = () => section.querySelector<HTMLElement>("[data-quiz-screen]:not([hidden])")?.dataset.quizScreen;
    for (let attempt = 1; ; attempt++) {
      const start = screen() === "results" ? '[data-quiz-action="retry"]' : '[data-quiz-action="start"]';
      if (screen() !== "questions") this.press(start, section);
      await until(() => screen() === "questions", "the quiz's questions");
      await this.answerAll(section, correct);
      this.press('[data-quiz-action="submit"]', section);
      await until(() => screen() === "results", "the quiz's results");
      const retry = section.querySelector<HTMLElement>('[data-quiz-action="retry"]');
      // Unlimited attempts never run out: a failing learner stops after one (tester/expected.ts).
      const unlimited = this.data().quizzes[quizId]?.attempts === 0;
      if (attempts === "one" || correct || unlimited || !retry || !isVisible(retry)) return;
      if (attempt > 50) throw new RobotError("the quiz still offers a retry after 50 attempts");
    }
  }

  private visibleQuestion(section: HTMLElement): HTMLElement {
    const q = section.querySelector<HTMLElement>("[data-question]:not([hidden])");
    if (!q) throw new RobotError("no question is shown");
    return q;
  }

  private async answerAll(section: HTMLElement, correct: boolean, limit = Infinity): Promise<void> {
    for (let answered = 0; answered < limit; answered++) {
      const q = this.visibleQuestion(section);
      await this.answer(q, this.data().questions[q.dataset.question ?? ""]!, correct);
      const forward = section.querySelector<HTMLElement>('[data-quiz-action="forward"]');
      if (!forward || !isVisible(forward) || answered + 1 >= limit) return;
      forward.click();
      await until(() => this.visibleQuestion(section) !== q, "the next question");
    }
  }

  private async startQuizAndAnswer(questions: number): Promise<void> {
    const quiz = this.data().pages.find((p) => p.kind === "quiz");
    if (!quiz) throw new RobotError("the course has no quiz");
    // Lessons that lock the quiz until they are done get done on the way.
    while (this.currentPage() !== quiz.id) {
      await this.finishRequired(this.currentPage());
      await this.next();
    }
    const section = this.section(quiz.id);
    this.press('[data-quiz-action="start"]', section);
    await until(() => section.querySelector('[data-quiz-screen="questions"]:not([hidden])'), "the quiz's questions");
    await this.answerAll(section, true, questions);
  }

  private async answer(root: HTMLElement, q: QuestionData, correct: boolean): Promise<void> {
    const plan = plannedAnswer(q, correct, this.data().language);
    switch (plan.kind) {
      case "choices":
        for (const id of plan.ids) {
          const input = root.querySelector<HTMLInputElement>(`input[value="${CSS.escape(id)}"]`);
          if (!input) throw new RobotError(`question ${q.id} has no choice "${id}"`);
          if (!input.checked) input.click();
        }
        return;
      case "text": {
        const input = root.querySelector<HTMLInputElement>("input");
        if (!input) throw new RobotError(`question ${q.id} has no text field`);
        input.focus();
        input.value = plan.value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
        return;
      }
      case "matching":
        for (const { source, target } of plan.pairs) {
          const select = root.querySelector<HTMLSelectElement>(`select[data-source="${CSS.escape(source)}"]`);
          if (!select) throw new RobotError(`question ${q.id} has no menu for "${source}"`);
          select.value = target;
          select.dispatchEvent(new Event("change", { bubbles: true }));
        }
        return;
      case "order": {
        const order = () => [...root.querySelectorAll<HTMLElement>("[data-option]")].map((e) => e.dataset.option);
        for (const [position, id] of plan.ids.entries()) {
          while (order().indexOf(id) > position) {
            const before = order().indexOf(id);
            this.press(`[data-option="${CSS.escape(id)}"] [data-move="up"]`, root);
            await until(() => order().indexOf(id) < before, `item "${id}" to move up`);
          }
        }
        if (order().join() !== plan.ids.join())
          throw new RobotError(
            `question ${q.id} did not keep its order: wanted ${plan.ids.join()}, shows ${order().join()}`,
          );
        return;
      }
    }
  }

  private async exit(): Promise<void> {
    await this.goTo("summary");
    this.press('[data-action="exit"]');
    await until(() => this.doc.querySelector('[data-notice="finished"]'), "the course's finished notice");
  }

  /** The tab goes to the background (a phone switching apps): the page is hidden, not closed. */
  private hide(): void {
    const doc = this.doc;
    Object.defineProperty(doc, "visibilityState", { configurable: true, get: () => "hidden" });
    Object.defineProperty(doc, "hidden", { configurable: true, get: () => true });
    doc.dispatchEvent(new Event("visibilitychange"));
  }
}

/** The answer a question's form holds, as text: ticked values, typed text, menu choices, item order. */
function answerOf(q: HTMLElement): string {
  const parts: string[] = [];
  for (const input of q.querySelectorAll<HTMLInputElement>("input")) {
    if (input.type === "radio" || input.type === "checkbox") {
      if (input.checked) parts.push(input.value);
    } else if (input.value) parts.push(input.value);
  }
  for (const select of q.querySelectorAll<HTMLSelectElement>("select"))
    if (select.value) parts.push(`${select.dataset.source}=${select.value}`);
  // A sequencing question always shows an order, answered or not: its order is not an answer here.
  return parts.join(",");
}
