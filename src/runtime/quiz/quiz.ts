/**
 * A graded quiz: intro → one question at a time → results, with attempts, bank draws, shuffling,
 * immediate or end-of-quiz feedback, and review. All progress lives in the learner state so a
 * resumed attempt shows the same questions in the same order with the same answers.
 */
import type { CourseData, QuizData } from "../../shared/course-data.js";
import type { AnsweredQuestion, LearnerState, QuizAttemptState, Response } from "../../shared/learner.js";
import { $, $$, focus, show } from "../player/dom.js";
import type { Translate } from "../player/strings.js";
import { drawQuestions, newSeed, seededRandom, shuffle } from "./draw.js";
import { QuestionView } from "./question-view.js";
import { reviewHtml } from "./review.js";
import { answeredQuestion, type Evaluation } from "./types/index.js";

export interface QuizHost {
  course: CourseData;
  t: Translate;
  state: LearnerState;
  /** Pass mark 0..100 for this quiz (the LMS's mastery score when it sets one). */
  passMark(quiz: QuizData): number;
  /** Learner state changed: save and report. */
  changed(): void;
  answered(answer: AnsweredQuestion): void;
}

type Screen = "intro" | "questions" | "results";

export class QuizController {
  private readonly views = new Map<string, QuestionView>();
  private index = 0;
  /**
   * The attempt's questions were shown in this page: a return to the quiz shows the question the
   * learner left, not the first one without an answer. A sequence counts as answered once seen, so
   * that rule skipped a sequence the learner had not arranged yet and let it go in shuffled.
   */
  private positioned = false;
  /** Questions whose immediate feedback was shown (their answers are final). */
  private readonly checked = new Set<string>();
  private readonly shownAt = new Map<string, number>();
  private readonly answeredAt = new Map<string, number>();
  private confirmingSubmit = false;

  constructor(
    private readonly section: HTMLElement,
    private readonly quiz: QuizData,
    private readonly host: QuizHost,
  ) {
    for (const el of $$("[data-question]", section)) {
      const data = host.course.questions[el.dataset.question ?? ""];
      if (!data) continue;
      const view = new QuestionView(el, data, host.t);
      view.onChange(() => this.answerChanged(view));
      this.views.set(data.id, view);
    }
    section.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>("[data-quiz-action]")?.dataset.quizAction;
      if (action && action !== "submit") this.act(action);
    });
    $("form", section)?.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
  }

  private get attempt(): QuizAttemptState | undefined {
    return this.host.state.quizzes[this.quiz.id];
  }

  private get attemptsLeft(): boolean {
    return this.quiz.attempts === 0 || (this.attempt?.attempt ?? 0) < this.quiz.attempts;
  }

  /** Forgets in-memory progress after the learner state was reset ("Start over"). */
  reset(): void {
    this.positioned = false;
    this.checked.clear();
    this.shownAt.clear();
    this.answeredAt.clear();
    for (const view of this.views.values()) {
      view.clear();
      view.hideFeedback();
      view.lock(false);
    }
    this.enter();
  }

  /** Called whenever the quiz page is shown. */
  enter(): void {
    const a = this.attempt;
    if (a && !a.submitted) this.showQuestions(false);
    else if (a?.submitted) this.showResults(false);
    else this.showScreen("intro");
    this.updateIntro();
  }

  private act(action: string): void {
    switch (action) {
      case "start":
        return this.start();
      case "back":
        return this.go(this.index - 1);
      case "forward":
        return this.forward();
      case "retry":
        return this.start();
      case "review":
        return this.toggleReview();
    }
  }

  private start(): void {
    const previous = this.attempt;
    if (!previous || previous.submitted) {
      if (previous && !this.attemptsLeft) return;
      const number = (previous?.attempt ?? 0) + 1;
      const random = seededRandom(newSeed() + number * 7919);
      const drawn = drawQuestions(this.quiz, random);
      const orders: Record<string, string[]> = {};
      if (this.quiz.shuffleChoices) {
        for (const id of drawn) {
          const options = $$("[data-option]", this.views.get(id)?.el ?? document.createElement("div")).map(
            (o) => o.dataset.option ?? "",
          );
          if (options.length > 1) orders[id] = shuffle(options, random);
        }
      }
      this.host.state.quizzes[this.quiz.id] = {
        attempt: number,
        drawn,
        orders,
        answers: {},
        submitted: false,
        ...(previous?.best !== undefined ? { best: previous.best } : {}),
      };
      this.checked.clear();
      this.positioned = false;
      for (const id of drawn) {
        const view = this.views.get(id);
        view?.clear();
        view?.hideFeedback();
        view?.lock(false);
      }
      this.host.changed();
    }
    this.showQuestions(true);
  }

  private showQuestions(moveFocus: boolean): void {
    const a = this.attempt!;
    for (const [id, view] of this.views) {
      const answer = a.answers[id];
      const order = a.orders[id];
      if (order) view.order(order);
      if (answer) view.restore(answer);
      if (this.quiz.feedback === "immediate" && answer && a.drawn.includes(id)) {
        this.checked.add(id);
        view.showFeedback(answer, view.evaluate(answer));
        view.lock(true);
      }
    }
    const firstOpen = a.drawn.findIndex((id) => !a.answers[id]);
    this.showScreen("questions");
    this.go(this.positioned ? this.index : firstOpen < 0 ? a.drawn.length - 1 : firstOpen, moveFocus);
  }

  private go(index: number, moveFocus = true): void {
    const drawn = this.attempt?.drawn ?? [];
    this.index = Math.max(0, Math.min(index, drawn.length - 1));
    this.positioned = true;
    const current = drawn[this.index];
    for (const [id, view] of this.views) show(view.el, id === current);
    if (current && !this.shownAt.has(current)) this.shownAt.set(current, Date.now());
    // Some types always hold an answer (a sequence's current order): record it once it is seen.
    const attempt = this.attempt;
    const view = current ? this.views.get(current) : undefined;
    if (attempt && view && !attempt.submitted && !attempt.answers[view.data.id] && !this.checked.has(view.data.id)) {
      const response = view.read();
      if (response) attempt.answers[view.data.id] = response;
    }
    const counter = $("[data-quiz-counter]", this.section);
    if (counter) counter.textContent = this.host.t("questionCounter", { n: this.index + 1, total: drawn.length });
    this.confirmingSubmit = false;
    this.updateButtons();
    if (moveFocus) focus(counter);
  }

  private updateButtons(): void {
    const drawn = this.attempt?.drawn ?? [];
    const last = this.index === drawn.length - 1;
    const current = drawn[this.index] ?? "";
    const needsCheck = this.quiz.feedback === "immediate" && !this.checked.has(current);
    const back = $('[data-quiz-action="back"]', this.section) as HTMLButtonElement | null;
    const forward = $('[data-quiz-action="forward"]', this.section);
    const submit = $('[data-quiz-action="submit"]', this.section);
    if (back) back.disabled = this.index === 0;
    show(forward, !last || needsCheck);
    if (forward) forward.textContent = this.host.t(needsCheck ? "checkAnswer" : "nextQuestion");
    show(submit, last && !needsCheck);
    if (submit) submit.textContent = this.host.t("submitQuiz");
  }

  private answerChanged(view: QuestionView): void {
    const a = this.attempt;
    if (!a || a.submitted || this.checked.has(view.data.id)) return;
    const response = view.read();
    if (response) a.answers[view.data.id] = response;
    else delete a.answers[view.data.id];
    this.answeredAt.set(view.data.id, Date.now());
    this.confirmingSubmit = false;
    this.host.changed();
  }

  private forward(): void {
    const id = this.attempt?.drawn[this.index];
    const view = id ? this.views.get(id) : undefined;
    if (view && this.quiz.feedback === "immediate" && !this.checked.has(view.data.id)) {
      const response = view.read();
      if (!response) return view.message(this.host.t("selectAnAnswer"));
      this.checked.add(view.data.id);
      view.showFeedback(response, view.evaluate(response));
      view.lock(true);
      this.updateButtons();
      return;
    }
    this.go(this.index + 1);
  }

  private submit(): void {
    const a = this.attempt;
    if (!a || a.submitted) return;
    const unanswered = a.drawn.filter((id) => !a.answers[id]).length;
    const submit = $('[data-quiz-action="submit"]', this.section);
    if (unanswered > 0 && !this.confirmingSubmit) {
      this.confirmingSubmit = true;
      const view = this.views.get(a.drawn[this.index] ?? "");
      view?.message(this.host.t("unansweredWarning", { n: unanswered }));
      if (submit) submit.textContent = this.host.t("submitAnyway");
      return;
    }
    let earned = 0;
    let possible = 0;
    for (const id of a.drawn) {
      const view = this.views.get(id);
      if (!view) continue;
      const response = a.answers[id];
      const evaluation = response ? view.evaluate(response) : { score: 0, result: "incorrect" as const };
      // Surveys (ungraded) are reported but never count towards the score.
      if (view.data.graded) {
        earned += evaluation.score * view.data.weight;
        possible += view.data.weight;
      }
      if (response) this.report(view, response, evaluation);
    }
    const score = possible ? Math.round((earned / possible) * 10000) / 100 : 0;
    a.submitted = true;
    a.score = score;
    a.best = Math.max(a.best ?? 0, score);
    this.host.changed();
    this.showResults(true);
  }

  private report(view: QuestionView, response: Response, evaluation: Evaluation): void {
    const shown = this.shownAt.get(view.data.id) ?? Date.now();
    this.host.answered(
      answeredQuestion(view.data, response, evaluation, {
        quizId: this.quiz.id,
        attempt: this.attempt?.attempt ?? 1,
        latencyMs: Math.max(0, (this.answeredAt.get(view.data.id) ?? shown) - shown),
        timestamp: new Date(),
      }),
    );
  }

  private showResults(moveFocus: boolean): void {
    const a = this.attempt!;
    const t = this.host.t;
    const passMark = this.host.passMark(this.quiz);
    const passed = (a.score ?? 0) >= passMark;
    const verdict = $("[data-quiz-verdict]", this.section);
    if (verdict) {
      verdict.textContent = t(passed ? "quizPassed" : "quizFailed");
      verdict.className = `quiz-verdict ${passed ? "is-correct" : "is-incorrect"}`;
    }
    const score = $("[data-quiz-score]", this.section);
    if (score) score.textContent = t("scoreText", { score: a.score ?? 0, pass: passMark });
    const remaining = $("[data-quiz-remaining]", this.section);
    if (remaining) {
      remaining.textContent =
        this.quiz.attempts === 0
          ? ""
          : this.attemptsLeft
            ? t("quizAttemptsUsed", { n: a.attempt, max: this.quiz.attempts })
            : t("noAttemptsLeft");
    }
    show($('[data-quiz-action="retry"]', this.section), this.attemptsLeft && !passed);
    const review = $("[data-quiz-review]", this.section);
    show(review, false);
    $('[data-quiz-action="review"]', this.section)?.setAttribute("aria-expanded", "false");
    this.showScreen("results");
    if (moveFocus) focus($(".quiz-results-title", this.section));
  }

  private toggleReview(): void {
    const list = $("[data-quiz-review]", this.section);
    const button = $('[data-quiz-action="review"]', this.section);
    if (!list || !button) return;
    const open = list.hidden;
    if (open) list.innerHTML = reviewHtml(this.attempt!, this.views, this.quiz, this.host.t);
    show(list, open);
    button.setAttribute("aria-expanded", String(open));
    button.textContent = this.host.t(open ? "hideReview" : "reviewAnswers");
  }

  private showScreen(screen: Screen): void {
    for (const el of $$("[data-quiz-screen]", this.section)) show(el, el.dataset.quizScreen === screen);
  }

  private updateIntro(): void {
    const a = this.attempt;
    const info = $("[data-quiz-attempt-info]", this.section);
    const start = $('[data-quiz-action="start"]', this.section);
    if (start) start.textContent = this.host.t(a && !a.submitted ? "resumeQuiz" : "startQuiz");
    if (info && a && this.quiz.attempts) {
      info.textContent = this.host.t("quizAttemptsUsed", { n: a.attempt, max: this.quiz.attempts });
      show(info, true);
    }
  }
}
