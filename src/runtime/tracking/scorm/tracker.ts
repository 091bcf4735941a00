/**
 * The SCORM tracker both versions share: finds the LMS, runs the session, decides what to write and
 * when, and leaves every element name and format to the version's data model. Without an LMS it
 * falls back to this browser's storage and says so (checklist #12).
 */
import type { CourseData } from "../../../shared/course-data.js";
import type { AnsweredQuestion, LearnerState } from "../../../shared/learner.js";
import { encodeStateWithin, readState } from "../../../shared/state-codec.js";
import { gradedQuizzes, quizPassMark } from "../../player/status.js";
import { LocalTracker } from "../local.js";
import type { CourseStatus, Launch, Notice, Tracker } from "../tracker.js";
import { ScormConnection } from "./connection.js";
import type { ObjectiveReport, ScormDataModel, ScormLaunch, Write } from "./data-model.js";
import { findApi } from "./discovery.js";
import { CommitScheduler, DEFAULT_TIMING } from "./scheduler.js";

export class ScormTracker implements Tracker {
  private local: LocalTracker | undefined;
  private connection: ScormConnection | undefined;
  private scheduler: CommitScheduler | undefined;
  private course!: CourseData;
  private launch!: ScormLaunch;
  private startedAt = 0;
  private latest: { status: CourseStatus; state: LearnerState } | undefined;
  /** Values the LMS accepted this session, so unchanged values are not sent again. */
  private readonly sent = new Map<string, string>();
  /** Highest status rank per monotonic element: the LMS's at launch, then ours (checklist #25). */
  private readonly floor = new Map<string, { rank: number; value: string }>();
  private readonly objectiveSlots = new Map<string, number>();
  private nextInteraction = 0;
  private finishing = false;
  /** suspend_data a newer version of the course saved: never overwritten. */
  private keepSaved = false;

  constructor(
    private readonly model: ScormDataModel,
    private readonly win: Window = window,
  ) {}

  async start(course: CourseData, notify: (notice: Notice) => void): Promise<Launch> {
    this.course = course;
    this.notify = notify;
    const api = findApi(this.win, this.model.apiName, this.model.functions.initialize);
    const connection = api && new ScormConnection(api, this.model.functions);
    if (!connection?.initialize()) {
      this.local = new LocalTracker();
      const launch = await this.local.start(course, notify);
      notify("no-lms");
      return launch;
    }
    this.connection = connection;
    this.startedAt = Date.now();
    const launch = (this.launch = this.model.readLaunch((element) => connection.get(element)));
    for (const [element, value] of Object.entries(launch.statusFloor)) this.raiseFloor(element, value);
    if (launch.resuming) this.readObjectiveSlots();
    // A crash or closed window must still resume (checklist #29).
    if (this.saving) this.apply([this.model.exit(true)]);

    this.scheduler = new CommitScheduler(() => this.commitNow(), notify, {
      ...DEFAULT_TIMING,
      periodicMs: course.tracking.commitSeconds * 1000,
    });
    this.scheduler.start();
    // Never rely on unload (checklist #37, #38): save when hidden, finish once on pagehide.
    this.win.addEventListener("pagehide", () => this.finish());
    this.win.document.addEventListener("visibilitychange", () => {
      if (this.win.document.visibilityState === "hidden" && !this.finishing && this.latest) {
        this.sync();
        this.scheduler?.run();
      }
    });

    const saved = readState(launch.suspendData);
    this.keepSaved = saved.kind === "newer";
    return {
      mode: launch.mode,
      credit: launch.credit,
      masteryScore: launch.masteryScore,
      learnerName: launch.learnerName,
      saved,
      bookmark: launch.location || undefined,
    };
  }

  pageViewed(): void {
    // Page views reach the LMS through update(): bookmark, saved state, the lesson's objective.
  }

  answered(answer: AnsweredQuestion): void {
    const connection = this.connection;
    if (!connection?.running || this.finishing || !this.recording || !this.course.tracking.interactions) return;
    // Append at _count (checklist #42); an interaction the LMS refuses is dropped and never blocks
    // status or score (#15, #45).
    const n = Math.max(Number(connection.get(this.model.elements.interactionCount)) || 0, this.nextInteraction);
    const writes = this.model.interactionWrites(n, answer, { courseId: this.course.id, attempt: answer.attempt });
    if (!writes.every(([element, value]) => connection.set(element, value))) return;
    this.nextInteraction = n + 1;
    this.scheduler?.request(false);
  }

  update(status: CourseStatus, state: LearnerState): void {
    if (this.local) return this.local.update(status, state);
    if (!this.connection?.running || this.finishing) return;
    this.latest = { status, state };
    this.scheduler?.request(this.sync());
  }

  async exit(): Promise<void> {
    if (this.local) return this.local.exit();
    if (!this.connection?.running) return;
    this.notify(this.finish() ? "finished" : "lms-error");
  }

  private notify: (notice: Notice) => void = () => undefined;

  /** Normal mode: the bookmark and saved state are written. */
  private get saving(): boolean {
    return this.launch.mode === "normal";
  }

  /** Normal mode with credit: statuses, scores, objectives and interactions are written (checklist #16). */
  private get recording(): boolean {
    return this.saving && this.launch.credit;
  }

  /** Writes what changed since the last call; true when a status or score changed (commit soon). */
  private sync(): boolean {
    const latest = this.latest;
    if (!latest) return false;
    let urgent = false;
    if (this.recording) {
      urgent = this.apply(this.model.statusWrites(latest.status, this.course.tracking));
      for (const objective of this.objectives(latest.state)) {
        const id = this.model.objectiveId(this.course.id, objective.page);
        urgent = this.apply(this.model.objectiveWrites(this.objectiveSlot(id), id, objective)) || urgent;
      }
    }
    if (this.saving && !this.keepSaved) {
      const { text } = encodeStateWithin(latest.state, this.model.suspendDataLimit);
      const writes: Write[] = [[this.model.elements.suspendData, text]];
      if (latest.state.page.length <= this.model.locationLimit)
        writes.unshift([this.model.elements.location, latest.state.page]);
      this.apply(writes);
    }
    return urgent;
  }

  /** Sends writes in order, skipping unchanged values and status downgrades; true if any was accepted. */
  private apply(writes: Write[]): boolean {
    let changed = false;
    for (const [element, value] of writes) {
      if (this.sent.get(element) === value) continue;
      const rank = this.model.rank(element, value);
      const floor = this.floor.get(element);
      if (rank !== undefined && floor && rank <= floor.rank && value !== floor.value) continue;
      if (!this.connection?.set(element, value)) continue;
      this.sent.set(element, value);
      this.raiseFloor(element, value);
      changed = true;
    }
    return changed;
  }

  private raiseFloor(element: string, value: string): void {
    const rank = this.model.rank(element, value);
    const floor = this.floor.get(element);
    if (rank !== undefined && (!floor || rank >= floor.rank)) this.floor.set(element, { rank, value });
  }

  /** One objective per viewed lesson and per attempted quiz. */
  private objectives(state: LearnerState): ObjectiveReport[] {
    const graded = new Set(gradedQuizzes(this.course).map((q) => q.id));
    const viewed = new Set(state.viewed);
    return this.course.pages.flatMap((page): ObjectiveReport[] => {
      if (page.kind === "lesson") return viewed.has(page.id) ? [{ page: page.id, completed: true }] : [];
      const attempt = state.quizzes[page.id];
      const quiz = this.course.quizzes[page.id];
      if (!attempt || !quiz) return [];
      const best = attempt.best;
      if (!graded.has(quiz.id) || best === undefined) return [{ page: page.id, completed: attempt.submitted }];
      return [
        { page: page.id, completed: true, score: best, passed: best >= quizPassMark(quiz, this.launch.masteryScore) },
      ];
    });
  }

  /** Objectives saved in an earlier session keep their index. */
  private readObjectiveSlots(): void {
    const connection = this.connection!;
    const count = Number(connection.get(this.model.elements.objectiveCount)) || 0;
    for (let n = 0; n < count; n++) {
      const id = connection.get(this.model.elements.objectiveId(n));
      if (id) this.objectiveSlots.set(id, n);
    }
    this.nextObjective = count;
  }

  private nextObjective = 0;

  private objectiveSlot(id: string): number {
    let slot = this.objectiveSlots.get(id);
    if (slot === undefined) {
      slot = this.nextObjective++;
      this.objectiveSlots.set(id, slot);
    }
    return slot;
  }

  /** Session time on every commit, so it survives a session that never finishes (checklist #27). */
  private commitNow(): boolean {
    const connection = this.connection;
    if (!connection?.running) return false;
    connection.set(this.model.elements.sessionTime, this.model.sessionTime(Date.now() - this.startedAt));
    return connection.commit();
  }

  /**
   * Ends the session exactly once (Exit button or pagehide): last values, exit, session time, then
   * Terminate — with a Commit first only where the version allows it (checklist #36).
   */
  private finish(): boolean {
    const connection = this.connection;
    if (!connection?.running || this.finishing) return false;
    this.finishing = true;
    this.scheduler?.stop();
    this.sync();
    if (this.saving) {
      // Suspend while incomplete; once complete as the course chooses (checklist #28).
      const suspend = !this.latest?.status.completed || this.course.tracking.exitWhenComplete === "suspend";
      connection.set(...this.model.exit(suspend));
      const nav = this.model.navRequest(suspend);
      if (nav) connection.set(...nav);
    }
    connection.set(this.model.elements.sessionTime, this.model.sessionTime(Date.now() - this.startedAt));
    if (this.model.commitBeforeTerminate) connection.commit();
    return connection.terminate();
  }
}
