/** No LMS: progress stays in this browser's localStorage (web packages, and any package opened outside an LMS). */
import type { CourseData } from "../../shared/course-data.js";
import type { LearnerState } from "../../shared/learner.js";
import { encodeState, readState, type SavedState } from "../../shared/state-codec.js";
import type { Launch, Notice, Tracker } from "./tracker.js";

export class LocalTracker implements Tracker {
  private key = "";
  private notify: (n: Notice) => void = () => undefined;
  /** State a newer version of the course saved here: left as it is. */
  private keepSaved = false;

  async start(course: CourseData, notify: (n: Notice) => void): Promise<Launch> {
    this.key = `coursepack:${course.id}`;
    this.notify = notify;
    const saved = this.read();
    this.keepSaved = saved.kind === "newer";
    return { saved, mode: "normal", credit: true };
  }

  pageViewed(): void {}

  answered(): void {}

  blockEvent(): void {}

  update(_status: unknown, state: LearnerState): void {
    if (this.keepSaved) return;
    try {
      localStorage.setItem(this.key, encodeState(state));
    } catch {
      // Storage can be disabled (private mode, file:// in some browsers); the course still works.
    }
  }

  async exit(): Promise<void> {
    this.notify("finished");
  }

  private read(): SavedState {
    try {
      return readState(localStorage.getItem(this.key) ?? "");
    } catch {
      return { kind: "none" };
    }
  }
}
