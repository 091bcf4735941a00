/**
 * Runs an LMS tracker, or the LocalTracker when there is none: no launch parameters ("no-lms"), or
 * the LMS could not be reached at launch ("lms-error"). The learner can always take the course.
 */
import type { CourseData, PageData } from "../../shared/course-data.js";
import type { AnsweredQuestion, LearnerState } from "../../shared/learner.js";
import { LocalTracker } from "./local.js";
import type { BlockEvent, CourseStatus, Launch, Notice, Tracker } from "./tracker.js";

export class WithLocalFallback implements Tracker {
  private active: Tracker;

  constructor(private readonly primary: Tracker | undefined) {
    this.active = primary ?? new LocalTracker();
  }

  async start(course: CourseData, notify: (notice: Notice) => void): Promise<Launch> {
    let notice: Notice = "no-lms";
    if (this.primary) {
      try {
        return await this.primary.start(course, notify);
      } catch (error) {
        console.error("Could not start tracking; progress stays in this browser.", error);
        notice = "lms-error";
      }
    }
    this.active = new LocalTracker();
    const launch = await this.active.start(course, notify);
    notify(notice);
    return launch;
  }

  pageViewed(page: PageData): void {
    this.active.pageViewed(page);
  }

  answered(answer: AnsweredQuestion): void {
    this.active.answered(answer);
  }

  blockEvent(event: BlockEvent): void {
    this.active.blockEvent(event);
  }

  update(status: CourseStatus, state: LearnerState): void {
    this.active.update(status, state);
  }

  exit(): Promise<void> {
    return this.active.exit();
  }
}
