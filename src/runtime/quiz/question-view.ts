/** The DOM of one rendered question (templates/question.hbs): answer controls, feedback, live region. */
import type { QuestionData } from "../../shared/course-data.js";
import type { AnswerResult, Response } from "../../shared/learner.js";
import { $, $$, show } from "../player/dom.js";
import type { Translate } from "../player/strings.js";
import { behaviourOf, evaluate, type Evaluation } from "./types/index.js";

export class QuestionView {
  /** Option order as rendered, restored when the answer is cleared (sequencing starts shuffled). */
  private readonly initialOrder: string[];

  constructor(
    readonly el: HTMLElement,
    readonly data: QuestionData,
    private readonly t: Translate,
  ) {
    this.initialOrder = $$("[data-option]", el).map((o) => o.dataset.option ?? "");
    behaviourOf(data).bind?.(
      el,
      data,
      () => el.dispatchEvent(new Event("change", { bubbles: true })),
      (text) => this.announce(text),
      t,
    );
  }

  read(): Response | undefined {
    return behaviourOf(this.data).read(this.el, this.data);
  }

  restore(response: Response): void {
    behaviourOf(this.data).restore(this.el, this.data, response);
  }

  /** Empties every answer control, for a new attempt. */
  clear(): void {
    for (const input of $$("input, select, textarea", this.el) as HTMLInputElement[]) {
      if (input.type === "radio" || input.type === "checkbox") input.checked = false;
      else if (input.tagName === "SELECT") (input as unknown as HTMLSelectElement).selectedIndex = 0;
      else input.value = "";
    }
    this.order(this.initialOrder);
  }

  evaluate(response: Response): Evaluation {
    return evaluate(this.data, response);
  }

  /** Puts the options ([data-option]) in the given order, e.g. a shuffled one. */
  order(ids: string[]): void {
    for (const id of ids) {
      const option = $(`[data-option="${CSS.escape(id)}"]`, this.el);
      option?.parentElement?.appendChild(option);
    }
  }

  onChange(listener: () => void): void {
    this.el.addEventListener("change", listener);
    this.el.addEventListener("input", listener);
  }

  lock(locked: boolean): void {
    for (const control of $$("input, select, textarea, button:not([data-check])", this.el)) {
      (control as HTMLInputElement).disabled = locked;
    }
  }

  /** Shows the verdict and the matching feedback, and announces them to screen readers. */
  showFeedback(response: Response, { result }: Evaluation, withVerdict = true): void {
    const box = $("[data-feedback]", this.el);
    if (!box) return;
    const verdict = result === "neutral" ? this.t("answerRecorded") : this.t(result);
    const verdictEl = $("[data-feedback-verdict]", box);
    if (verdictEl) {
      verdictEl.textContent = withVerdict ? verdict : "";
      verdictEl.className = `feedback-verdict is-${result}`;
    }
    for (const part of $$("[data-feedback-when]", box)) {
      const when = part.dataset.feedbackWhen;
      show(part, withVerdict && (when === "always" || when === result));
    }
    behaviourOf(this.data).showPartFeedback?.(this.el, this.data, response);
    show(box, true);
    this.el.classList.remove("is-correct", "is-incorrect", "is-partial", "is-neutral");
    if (withVerdict) this.el.classList.add(`is-${result}`);
    this.announce(
      [verdictEl, ...$$("[data-feedback-when]:not([hidden]), [data-choice-feedback]:not([hidden])", this.el)]
        .map((e) => e?.textContent?.trim() ?? "")
        .filter(Boolean)
        .join(" "),
    );
  }

  /**
   * The authored feedback that applies to an answer, as HTML for the review list: the chosen
   * choices' feedback, the feedback for the result, and the explanation (all rendered at build time).
   */
  feedbackHtml(response: Response | undefined, result: AnswerResult): string {
    const parts: (HTMLElement | null)[] = [];
    if (response?.kind === "choices") {
      for (const id of response.ids) parts.push($(`[data-choice-feedback="${CSS.escape(id)}"]`, this.el));
    }
    parts.push($(`[data-feedback-when="${result}"]`, this.el), $('[data-feedback-when="always"]', this.el));
    return parts
      .filter((p): p is HTMLElement => p !== null)
      .map((p) => `<div class="review-feedback">${p.innerHTML}</div>`)
      .join("");
  }

  /** A short visible and announced message in the feedback area, e.g. "Choose an answer first." */
  message(text: string): void {
    this.hideFeedback();
    const box = $("[data-feedback]", this.el);
    const verdictEl = box && $("[data-feedback-verdict]", box);
    if (verdictEl) {
      verdictEl.textContent = text;
      verdictEl.className = "feedback-verdict is-notice";
      for (const part of $$("[data-feedback-when]", box)) show(part, false);
      show(box, true);
    }
    this.announce(text);
  }

  hideFeedback(): void {
    show($("[data-feedback]", this.el), false);
    for (const part of $$("[data-choice-feedback]", this.el)) show(part, false);
    this.el.classList.remove("is-correct", "is-incorrect", "is-partial", "is-neutral");
  }

  announce(text: string): void {
    const live = $("[data-live]", this.el);
    if (!live) return;
    // Clear first so the same message is announced again.
    live.textContent = "";
    window.setTimeout(() => (live.textContent = text), 50);
  }
}
