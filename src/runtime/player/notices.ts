/**
 * Banners above the course: no LMS found, LMS not accepting data, finished, resumed. The finished
 * message depends on the window: in a frame the LMS's page surrounds the course, and "close this
 * window" would close the LMS (issue 12).
 */
import type { Notice } from "../tracking/tracker.js";
import { escapeHtml } from "./dom.js";
import type { Translate } from "./strings.js";

const MESSAGES: Record<Notice | "resumed" | "review", { key: string; tone: "info" | "warning" | "success" }> = {
  "no-lms": { key: "noLms", tone: "warning" },
  "lms-error": { key: "lmsError", tone: "warning" },
  "lms-recovered": { key: "lmsRecovered", tone: "success" },
  finished: { key: "finished", tone: "success" },
  "state-unavailable": { key: "stateUnavailable", tone: "warning" },
  resumed: { key: "resumed", tone: "info" },
  review: { key: "reviewMode", tone: "info" },
};

export type NoticeKind = keyof typeof MESSAGES;

/** True inside a frame (a cross-origin parent counts too). */
function framed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

export class Notices {
  constructor(
    private readonly region: HTMLElement | null,
    private readonly t: Translate,
  ) {}

  show(kind: NoticeKind): void {
    if (!this.region) return;
    const { tone } = MESSAGES[kind];
    const key = kind === "finished" && framed() ? "finishedInFrame" : MESSAGES[kind].key;
    // lms-error and lms-recovered replace each other.
    if (kind === "lms-recovered") this.remove("lms-error");
    if (kind === "lms-error") this.remove("lms-recovered");
    this.remove(kind);
    const notice = document.createElement("div");
    notice.className = `notice notice-${tone}`;
    notice.dataset.notice = kind;
    notice.innerHTML = `<p>${escapeHtml(this.t(key))}</p><button type="button" class="notice-close" aria-label="${escapeHtml(this.t("dismiss"))}">×</button>`;
    notice.querySelector("button")?.addEventListener("click", () => notice.remove());
    this.region.appendChild(notice);
  }

  remove(kind: NoticeKind): void {
    this.region?.querySelector(`[data-notice="${kind}"]`)?.remove();
  }
}
