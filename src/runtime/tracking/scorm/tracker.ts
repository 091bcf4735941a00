/**
 * The SCORM tracker both versions share: finds the LMS, runs the session, decides what to write and
 * when, and leaves every element name and format to the version's data model. Without an LMS it
 * falls back to this browser's storage and says so (checklist #12). A value the LMS refuses is
 * logged once and never sent again, and never holds up the other values (issue 12).
 */
import type { CourseData } from "../../../shared/course-data.js";
import type { AnsweredQuestion, LearnerState } from "../../../shared/learner.js";
import { encodeStateWithin, readState } from "../../../shared/state-codec.js";
import { LocalTracker } from "../local.js";
import type { CourseStatus, Launch, Notice, Tracker } from "../tracker.js";
import { ScormConnection } from "./connection.js";
import type { ScormDataModel, ScormLaunch, Write } from "./data-model.js";
import { waitForApi } from "./discovery.js";
import { objectiveReports, ObjectiveSlots } from "./objectives.js";
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
  /** `element=value` pairs the LMS refused: never sent again (Forma logged 1,195 refusals in two runs). */
  private readonly refused = new Set<string>();
  /** A progress value was accepted since the last successful Commit. */
  private unsaved = false;
  /** Highest status rank per monotonic element: the LMS's at launch, then ours (checklist #25). */
  private readonly floor = new Map<string, { rank: number; value: string }>();
  private objectiveSlots!: ObjectiveSlots;
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
    const api = await waitForApi(this.win, this.model.apiName, this.model.functions.initialize);
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
    this.objectiveSlots = new ObjectiveSlots(this.model, course.id);
    this.objectiveSlots.read((element) => connection.get(element));
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
      if (this.win.document.visibilityState !== "hidden" || this.finishing || !this.latest) return;
      this.sync();
      // Commit after this task: where a closing page fires visibilitychange and then pagehide in
      // one task, Finish saves instead — a Commit right before it reaches Forma after it (issue 12).
      setTimeout(() => {
        if (!this.finishing) this.scheduler?.run();
      }, 0);
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
    const [id, ...rest] = this.model.interactionWrites(n, answer);
    // Without its id nothing of the interaction can be stored; any other element the LMS refuses
    // (a pattern it cannot parse) leaves the rest of the answer to be written.
    if (!id || !connection.set(...id)) return;
    this.nextInteraction = n + 1;
    for (const write of rest) connection.set(...write);
    this.unsaved = true;
    this.scheduler?.request(false);
  }

  blockEvent(): void {
    // Block progress reaches the LMS through update(): saved state, lesson and scenario objectives.
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
      for (const objective of objectiveReports(this.course, latest.state, this.launch.masteryScore)) {
        const slot = this.objectiveSlots.slot(objective.page, (n, id) =>
          this.apply([[this.model.elements.objectiveId(n), id]]),
        );
        if (slot) urgent = this.apply(this.model.objectiveWrites(slot.n, slot.id, objective)) || urgent;
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

  /**
   * Sends writes in order, skipping unchanged values, status downgrades and values the LMS refused
   * before; true if any was accepted.
   */
  private apply(writes: Write[]): boolean {
    let changed = false;
    for (const [element, value] of writes) {
      const key = `${element}=${value}`;
      if (this.sent.get(element) === value || this.refused.has(key)) continue;
      const rank = this.model.rank(element, value);
      const floor = this.floor.get(element);
      if (rank !== undefined && floor && rank <= floor.rank && value !== floor.value) continue;
      if (!this.connection?.set(element, value)) {
        this.refused.add(key);
        continue;
      }
      this.sent.set(element, value);
      this.raiseFloor(element, value);
      changed = this.unsaved = true;
    }
    return changed;
  }

  private raiseFloor(element: string, value: string): void {
    const rank = this.model.rank(element, value);
    const floor = this.floor.get(element);
    if (rank !== undefined && (!floor || rank >= floor.rank)) this.floor.set(element, { rank, value });
  }

  /** Session time on every commit, so it survives a session that never finishes (checklist #27). */
  private commitNow(): boolean {
    const connection = this.connection;
    if (!connection?.running) return false;
    connection.set(this.model.elements.sessionTime, this.model.sessionTime(Date.now() - this.startedAt));
    const ok = connection.commit();
    if (ok) this.unsaved = false;
    return ok;
  }

  /**
   * Ends the session exactly once (Exit button or pagehide): last values, exit, session time, then
   * Terminate, which saves them. No Commit right before it: Cornerstone refuses one (checklist #36)
   * and Forma processes it after LMSFinish (issue 12). True when the learner's progress is saved:
   * Terminate succeeded, or it failed but everything had been committed before (Moodle throws from
   * Terminate after exitAll, issue 12).
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
      // Only when the author asks: LMSs mishandle them (Moodle's Terminate throws, Forma answers 401).
      const nav = this.course.tracking.navigationRequests ? this.model.navRequest(suspend) : undefined;
      if (nav) connection.set(...nav);
    }
    connection.set(this.model.elements.sessionTime, this.model.sessionTime(Date.now() - this.startedAt));
    return connection.terminate() || !this.unsaved;
  }
}
