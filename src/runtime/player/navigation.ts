/**
 * Moves between pages: one section visible at a time, menu, pager, focus on the new heading. A
 * locked page (see locks.ts) shows the "not open yet" section instead, saying what opens it.
 */
import { $, $$, escapeHtml, focus, show } from "./dom.js";

/** What the locked section says: why, and the pages to do first. */
export interface LockNotice {
  reason: string;
  pages: { id: string; title: string }[];
}

export class Navigator {
  current = "";
  private readonly toggle = $(".menu-toggle");

  constructor(
    /** Page ids in learner order, ending with the summary. */
    readonly order: string[],
    private readonly courseTitle: string,
    private readonly onShow: (id: string) => void,
    private readonly lockOf: (id: string) => LockNotice | undefined = () => undefined,
  ) {
    document.addEventListener("click", (event) => {
      const target = event.target as HTMLElement;
      const link = target.closest<HTMLElement>("a[data-page]");
      if (link) {
        event.preventDefault();
        this.show(link.dataset.page ?? "", true, link.getAttribute("href") ?? "");
        return;
      }
      const nav = target.closest<HTMLElement>("[data-nav]")?.dataset.nav;
      if (nav === "next") this.step(1);
      if (nav === "prev") this.step(-1);
    });
    this.toggle?.addEventListener("click", () =>
      this.setMenuOpen(this.toggle?.getAttribute("aria-expanded") !== "true"),
    );
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.toggle?.getAttribute("aria-expanded") === "true") {
        this.setMenuOpen(false);
        this.toggle.focus();
      }
    });
  }

  step(delta: number): void {
    const i = this.order.indexOf(this.current) + delta;
    if (i >= 0 && i < this.order.length) this.show(this.order[i]!, true);
  }

  /** Shows a page; `href` may point at a heading inside it. */
  show(id: string, moveFocus: boolean, href = ""): void {
    if (!this.order.includes(id)) return;
    const changed = id !== this.current;
    this.current = id;
    const lock = this.lockOf(id);
    const shown = lock ? "locked" : id;
    for (const section of $$("section.page")) show(section, section.dataset.page === shown);
    if (lock) this.renderLock(lock);
    for (const link of $$(".menu-link")) {
      if (link.dataset.page === id) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    const i = this.order.indexOf(id);
    const prev = $('[data-nav="prev"]') as HTMLButtonElement | null;
    const next = $('[data-nav="next"]') as HTMLButtonElement | null;
    if (prev) prev.hidden = i === 0;
    if (next) next.hidden = i === this.order.length - 1;
    const section = $(`section.page[data-page="${shown}"]`);
    const title = $(".page-title", section ?? document)?.textContent ?? "";
    document.title = title && title !== this.courseTitle ? `${title} – ${this.courseTitle}` : this.courseTitle;
    this.setMenuOpen(false);
    if (changed && !lock) this.onShow(id);
    const anchor = href.startsWith("#") && !href.startsWith("#page-") ? document.getElementById(href.slice(1)) : null;
    if (anchor) {
      focus(anchor);
    } else if (moveFocus) {
      window.scrollTo(0, 0);
      focus($(".page-title", section ?? document));
    }
  }

  private renderLock(lock: LockNotice): void {
    const reason = $("[data-locked-reason]");
    if (reason) reason.textContent = lock.reason;
    const list = $("[data-locked-list]");
    if (list)
      list.innerHTML = lock.pages
        .map((p) => `<li><a href="#page-${p.id}" data-page="${p.id}">${escapeHtml(p.title)}</a></li>`)
        .join("");
  }

  private setMenuOpen(open: boolean): void {
    this.toggle?.setAttribute("aria-expanded", String(open));
    document.body.classList.toggle("menu-open", open);
  }
}
