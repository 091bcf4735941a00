/**
 * When to Commit (checklist #34): soon after a status or score change, a little later after other
 * changes (so a burst is one commit and a page view at most one), periodically to save session time
 * and keep LMS sessions alive (#17, #27), and again with backoff after a failure. Two failures in a
 * row show the learner a warning; the next success clears it.
 */
import type { Notice } from "../tracker.js";

export interface CommitTiming {
  /** Delay after a status or score change. */
  soonMs: number;
  /** Delay after any other change (bookmark, saved state). */
  laterMs: number;
  periodicMs: number;
  /** First retry delay; doubles up to maxRetryMs. */
  retryMs: number;
  maxRetryMs: number;
}

export const DEFAULT_TIMING: Omit<CommitTiming, "periodicMs"> = {
  soonMs: 250,
  laterMs: 2000,
  retryMs: 1000,
  maxRetryMs: 30_000,
};

const FAILURES_BEFORE_WARNING = 2;

export class CommitScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private due = Infinity;
  private periodic: ReturnType<typeof setInterval> | undefined;
  private failures = 0;
  private warned = false;

  constructor(
    private readonly commit: () => boolean,
    private readonly notify: (notice: Notice) => void,
    private readonly timing: CommitTiming,
  ) {}

  start(): void {
    this.periodic = setInterval(() => this.run(), this.timing.periodicMs);
  }

  /** Something changed: commit within soonMs (urgent) or laterMs, whichever comes first. */
  request(urgent: boolean): void {
    this.schedule(urgent ? this.timing.soonMs : this.timing.laterMs);
  }

  /** Commits now (page hidden); returns whether the LMS accepted it. */
  run(): boolean {
    this.cancel();
    const ok = this.commit();
    if (ok) {
      this.failures = 0;
      if (this.warned) this.notify("lms-recovered");
      this.warned = false;
    } else {
      this.failures++;
      if (this.failures >= FAILURES_BEFORE_WARNING && !this.warned) {
        this.warned = true;
        this.notify("lms-error");
      }
      this.schedule(Math.min(this.timing.retryMs * 2 ** (this.failures - 1), this.timing.maxRetryMs));
    }
    return ok;
  }

  stop(): void {
    this.cancel();
    if (this.periodic !== undefined) clearInterval(this.periodic);
    this.periodic = undefined;
  }

  private schedule(delay: number): void {
    const at = Date.now() + delay;
    if (this.timer !== undefined && this.due <= at) return;
    this.cancel();
    this.due = at;
    this.timer = setTimeout(() => this.run(), delay);
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.due = Infinity;
  }
}
