/** No LMS: progress stays in this browser's localStorage (web packages, and any package opened outside an LMS). */
import type { CourseData } from "../../shared/course-data.js";
import type { LearnerState } from "../../shared/learner.js";
import { decodeState, encodeState } from "../../shared/state-codec.js";
import type { Launch, Notice, Tracker } from "./tracker.js";

export class LocalTracker implements Tracker {
  private key = "";
  private notify: (n: Notice) => void = () => undefined;

  async start(course: CourseData, notify: (n: Notice) => void): Promise<Launch> {
    this.key = `coursepack:${course.id}`;
    this.notify = notify;
    return { state: this.read(), mode: "normal", credit: true };
  }

  pageViewed(): void {}

  answered(): void {}

  blockEvent(): void {}

  update(_status: unknown, state: LearnerState): void {
    try {
      localStorage.setItem(this.key, encodeState(state));
    } catch {
      // Storage can be disabled (private mode, file:// in some browsers); the course still works.
    }
  }

  async exit(): Promise<void> {
    this.notify("finished");
  }

  private read(): LearnerState | undefined {
    try {
      return decodeState(localStorage.getItem(this.key) ?? "");
    } catch {
      return undefined;
    }
  }
}
