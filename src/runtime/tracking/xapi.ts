/**
 * xAPI with Tin Can launch (checklist #52–#60): the LMS passes endpoint, auth, actor, registration
 * and activity_id in the URL. Statements: initialized, experienced per lesson, answered per graded
 * question, passed/failed with the score whenever the course result changes, completed once,
 * terminated with the session's duration. Bookmarks go to the State API.
 */
import type { CourseData, PageData } from "../../shared/course-data.js";
import type { AnsweredQuestion, LearnerState } from "../../shared/learner.js";
import { decodeState, encodeState } from "../../shared/state-codec.js";
import type { BlockEvent, CourseStatus, Launch, Notice, Tracker } from "./tracker.js";
import { blockStatement, scenarioActivity } from "./xapi/block-statements.js";
import type { Reported } from "./xapi/bookmark.js";
import type { TinCanLaunch } from "./xapi/launch.js";
import { LrsSession } from "./xapi/session.js";
import {
  answeredParts,
  courseActivity,
  courseScore,
  isoDuration,
  lessonActivity,
  makeStatement,
  quizActivity,
} from "./xapi/statements.js";
import type { Activity, Context, Result } from "./xapi/types.js";
import { VERBS, type Verb } from "../../shared/xapi-vocabulary.js";

/** How long Exit waits for the LRS before telling the learner, and how long it keeps trying after. */
const EXIT_TIMEOUT_MS = 8000;
const FINAL_RETRY_MS = 10 * 60_000;

export class XapiTracker implements Tracker {
  private course!: CourseData;
  private session!: LrsSession;
  private courseObject!: Activity;
  private notify: (notice: Notice) => void = () => undefined;
  private reported: Reported = { completed: false };
  private readonly startedAt = Date.now();
  private ended = false;

  constructor(private readonly launch: TinCanLaunch) {}

  async start(course: CourseData, notify: (notice: Notice) => void): Promise<Launch> {
    this.course = course;
    this.notify = notify;
    // tincan.xml declares course.activityId; an LMS that passes activity_id means that same activity.
    this.courseObject = courseActivity(this.launch.activityId ?? course.activityId, course);
    this.session = new LrsSession({
      connection: { endpoint: this.launch.endpoint, auth: this.launch.auth },
      scope: { activityId: this.courseObject.id, agent: this.launch.actor, registration: this.launch.registration },
      notify,
      onLeave: () => this.terminate(),
    });
    const saved = await this.session.bookmark.load();
    this.reported = saved?.reported ?? { completed: false };
    this.session.listen();
    this.send(VERBS.initialized, this.courseObject);
    return {
      state: saved ? decodeState(saved.state) : undefined,
      mode: "normal",
      credit: true,
      learnerName: this.launch.actor.name,
    };
  }

  pageViewed(page: PageData): void {
    if (page.kind === "lesson")
      this.send(VERBS.experienced, lessonActivity(this.course, page), undefined, [this.courseObject]);
  }

  answered(answer: AnsweredQuestion): void {
    if (!this.course.tracking.interactions) return;
    const { object, result } = answeredParts(this.course, answer);
    const parent =
      answer.within === "scenario"
        ? scenarioActivity(this.course, answer.quizId)
        : quizActivity(this.course, answer.quizId);
    this.send(VERBS.answered, object, result, [parent]);
  }

  blockEvent(event: BlockEvent): void {
    const s = blockStatement(this.course, event);
    const context = this.context([s.parent]);
    this.sendWith(s.verb, s.object, s.result, {
      ...context,
      ...(s.extensions ? { extensions: s.extensions } : {}),
      contextActivities: { ...context.contextActivities, ...(s.category ? { category: s.category } : {}) },
    });
  }

  update(status: CourseStatus, state: LearnerState): void {
    if (this.ended) return;
    const duration = isoDuration(Date.now() - this.startedAt);
    if (
      status.passed !== undefined &&
      (status.passed !== this.reported.passed || status.score !== this.reported.score)
    ) {
      // result.completion is stated truthfully on both (checklist #48, #60).
      this.send(status.passed ? VERBS.passed : VERBS.failed, this.courseObject, {
        success: status.passed,
        completion: status.completed,
        duration,
        ...(status.score !== undefined ? { score: courseScore(status.score) } : {}),
      });
      this.reported = { ...this.reported, passed: status.passed, score: status.score };
    }
    if (status.completed && !this.reported.completed) {
      this.send(VERBS.completed, this.courseObject, { completion: true, duration });
      this.reported = { ...this.reported, completed: true };
    }
    this.session.bookmark.save({ state: encodeState(state), reported: this.reported });
  }

  async exit(): Promise<void> {
    if (this.ended) return;
    this.terminate();
    if (!(await this.session.finish(EXIT_TIMEOUT_MS))) {
      this.notify("lms-error");
      if (!(await this.session.finish(FINAL_RETRY_MS))) return;
    }
    this.notify("finished");
  }

  private terminate(): void {
    if (this.ended) return;
    this.send(VERBS.terminated, this.courseObject, { duration: isoDuration(Date.now() - this.startedAt) });
    this.ended = true;
  }

  private send(verb: Verb, object: Activity, result?: Result, parents?: Activity[]): void {
    this.sendWith(verb, object, result, this.context(parents));
  }

  private sendWith(verb: Verb, object: Activity, result: Result | undefined, context: Context): void {
    if (this.ended) return;
    this.session.send(makeStatement(this.launch.actor, verb, object, { ...(result ? { result } : {}), context }));
  }

  private context(parents: Activity[] | undefined): Context {
    const grouping = [
      ...(parents && parents[0] !== this.courseObject ? [this.courseObject] : []),
      ...(this.launch.grouping ? [{ objectType: "Activity" as const, id: this.launch.grouping }] : []),
    ];
    return {
      ...(this.launch.registration ? { registration: this.launch.registration } : {}),
      ...(parents || grouping.length
        ? { contextActivities: { ...(parents ? { parent: parents } : {}), ...(grouping.length ? { grouping } : {}) } }
        : {}),
      ...(this.launch.platform ? { platform: this.launch.platform } : {}),
      language: this.course.language,
    };
  }
}
