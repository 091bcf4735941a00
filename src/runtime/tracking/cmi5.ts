/**
 * cmi5 Assignable Unit (cmi5 spec §7–§11; checklist #61–#70). On launch: POST the one-time fetch URL
 * for the auth token (kept in sessionStorage, so a reload neither fetches again nor re-sends
 * "initialized"), read LMS.LaunchData and the learner preferences, then send every statement from
 * the LMS's contextTemplate with the session id. "cmi5 defined" statements (initialized, completed,
 * passed, failed, terminated) carry the cmi5 category; lessons and answers are "cmi5 allowed"
 * statements without it. Browse and Review send only initialized and terminated. After terminated
 * nothing is sent, and the window goes to the LMS's returnURL. LMS.LaunchData's masteryScore and
 * returnURL are used only when valid (xapi/launch-data.ts).
 */
import type { CourseData, PageData } from "../../shared/course-data.js";
import type { AnsweredQuestion, LearnerState } from "../../shared/learner.js";
import { encodeState } from "../../shared/state-codec.js";
import type { BlockEvent, CourseStatus, Launch, Notice, Tracker } from "./tracker.js";
import { blockStatement, scenarioActivity } from "./xapi/block-statements.js";
import { wait } from "./wait.js";
import { readBookmark, type Reported } from "./xapi/bookmark.js";
import { connect } from "./xapi/client.js";
import type { Cmi5Launch } from "./xapi/launch.js";
import { checkedLaunchData } from "./xapi/launch-data.js";
import { isRetryable } from "./xapi/queue.js";
import { LrsSession } from "./xapi/session.js";
import {
  answeredParts,
  courseScore,
  extendContext,
  isoDuration,
  lessonActivity,
  makeStatement,
  quizActivity,
} from "./xapi/statements.js";
import type { Activity, Context, Result } from "./xapi/types.js";
import { CMI5, VERBS, type Verb } from "../../shared/xapi-vocabulary.js";
import type { LaunchData, LearnerPreferences } from "../../shared/cmi5-contract.js";

/** How long Exit waits for the LRS before telling the learner, and how long it keeps trying after. */
const EXIT_TIMEOUT_MS = 8000;
const FINAL_RETRY_MS = 10 * 60_000;
/**
 * Pauses between tries of LMS.LaunchData when the LRS fails (5xx, timeout, no network): without it
 * the AU may send nothing, so a blip at launch would leave the whole session in this browser.
 */
const LAUNCH_DATA_PAUSES_MS = [500, 1500, 3000];

/** `read()`, tried again after each pause while the LRS fails in a way that may pass. */
async function retryingOutages<T>(read: () => Promise<T>): Promise<T> {
  for (const pause of LAUNCH_DATA_PAUSES_MS) {
    try {
      return await read();
    } catch (error) {
      if (!isRetryable(error)) throw error;
    }
    await wait(pause);
  }
  return read();
}

/** What survives a reload within one launch (sessionStorage, keyed by the one-time fetch URL). */
interface SessionRecord {
  token: string;
  startedAt: number;
  initialized: boolean;
  /** passed or failed was sent in this session (at most one of them per session, §9.3). */
  judged: boolean;
  terminated: boolean;
}

export class Cmi5Error extends Error {}

/** POSTs the fetch URL (never GET, checklist #62); errors come back as 200 with error-code. */
async function fetchAuthToken(url: string): Promise<string> {
  const response = await fetch(url, { method: "POST", credentials: "omit", cache: "no-store" });
  const body = (await response.json().catch(() => ({}))) as {
    "auth-token"?: string;
    "error-code"?: string;
    "error-text"?: string;
  };
  if (!response.ok || !body["auth-token"]) {
    throw new Cmi5Error(
      `the cmi5 fetch URL gave no token (${response.status} ${body["error-code"] ?? ""} ${body["error-text"] ?? ""})`,
    );
  }
  return body["auth-token"];
}

function readSession(key: string): SessionRecord | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? "null") ?? undefined;
  } catch {
    return undefined;
  }
}

export class Cmi5Tracker implements Tracker {
  private course!: CourseData;
  private session!: LrsSession;
  private data!: LaunchData;
  private record!: SessionRecord;
  private au!: Activity;
  private notify: (notice: Notice) => void = () => undefined;
  private reported: Reported = { completed: false };
  /** Saved state of a newer version of the course, saved back untouched. */
  private keptState: string | undefined;
  private last: CourseStatus | undefined;
  private readonly recordKey: string;

  constructor(private readonly launch: Cmi5Launch) {
    this.recordKey = `coursepack:cmi5:${launch.fetch}`;
  }

  private get normal(): boolean {
    return this.data.launchMode === "Normal";
  }

  async start(course: CourseData, notify: (notice: Notice) => void): Promise<Launch> {
    this.course = course;
    this.notify = notify;
    const { launch } = this;
    this.record = readSession(this.recordKey) ?? {
      token: await fetchAuthToken(launch.fetch),
      startedAt: Date.now(),
      initialized: false,
      judged: false,
      terminated: false,
    };
    this.saveRecord();
    const connection = { endpoint: launch.endpoint, auth: `Basic ${this.record.token}` };
    const client = connect(connection);
    const agent = launch.actor;
    // LMS.LaunchData must be read before the first statement (checklist #63); without it we cannot report.
    const launchData = await retryingOutages(() =>
      client.getState({
        agent,
        activityId: launch.activityId,
        registration: launch.registration,
        stateId: CMI5.launchDataState,
      }),
    );
    const data = launchData.data as unknown as LaunchData | undefined;
    if (!data || typeof data !== "object" || !data.contextTemplate)
      throw new Cmi5Error("LMS.LaunchData has no contextTemplate");
    this.data = checkedLaunchData(data, window.location.href);
    // Preferences are a courtesy: none stored (404) or none readable, the course runs with its defaults.
    const preferences = await client.getAgentProfile({ agent, profileId: CMI5.learnerPreferences }).then(
      (r) => (r.data && typeof r.data === "object" ? r.data : {}) as LearnerPreferences,
      () => ({}),
    );
    applyPreferences(preferences);

    this.au = { objectType: "Activity", id: launch.activityId };
    const sessionId = this.data.contextTemplate.extensions?.[CMI5.sessionId];
    this.session = new LrsSession({
      connection,
      scope: { activityId: launch.activityId, agent: launch.actor, registration: launch.registration },
      notify,
      onLeave: () => this.terminate(),
      // Statements a page of an earlier session left queued belong to that session: the LMS has
      // closed it (or marked it abandoned) and would refuse them under this session's token.
      // A reload of this session keeps its own.
      keepLeftover: (statement) => statement.context?.extensions?.[CMI5.sessionId] === sessionId,
    });
    const { saved, reported, keep } = readBookmark(await this.session.bookmark.load());
    this.reported = reported;
    this.keptState = keep;
    this.session.listen();
    if (!this.record.initialized) {
      this.sendDefined(VERBS.initialized);
      this.record.initialized = true;
      this.saveRecord();
    }
    const mode = this.data.launchMode === "Browse" ? "browse" : this.data.launchMode === "Review" ? "review" : "normal";
    return {
      saved,
      mode,
      credit: mode === "normal",
      masteryScore:
        typeof this.data.masteryScore === "number" ? Math.round(this.data.masteryScore * 10000) / 100 : undefined,
      learnerName: launch.actor.name,
    };
  }

  pageViewed(page: PageData): void {
    if (page.kind === "lesson" && this.normal)
      this.sendAllowed(VERBS.experienced, lessonActivity(this.course, page), undefined, this.au);
  }

  answered(answer: AnsweredQuestion): void {
    if (!this.normal || !this.course.tracking.interactions) return;
    const { object, result } = answeredParts(this.course, answer);
    const parent =
      answer.within === "scenario"
        ? scenarioActivity(this.course, answer.quizId)
        : quizActivity(this.course, answer.quizId);
    this.sendAllowed(VERBS.answered, object, result, parent);
  }

  /** Media and scenario endings: cmi5 allowed statements, in Normal mode only. */
  blockEvent(event: BlockEvent): void {
    if (!this.normal) return;
    const s = blockStatement(this.course, event);
    this.sendAllowed(s.verb, s.object, s.result, s.parent, {
      ...(s.extensions ? { extensions: s.extensions } : {}),
      ...(s.category ? { contextActivities: { category: s.category } } : {}),
    });
  }

  update(status: CourseStatus, state: LearnerState): void {
    if (this.record.terminated || !this.normal) return;
    this.last = status;
    // Passed at most once per registration, and no second judgement in a session (§9.3).
    if (status.passed === true && !this.reported.passed && !this.record.judged) this.judge(true, status);
    // At most one completed per registration (§9.3.3).
    if (status.completed && !this.reported.completed) {
      this.sendDefined(VERBS.completed, { completion: true, duration: this.duration() });
      this.reported = { ...this.reported, completed: true };
    }
    this.session.bookmark.save({ state: this.keptState ?? encodeState(state), reported: this.reported });
  }

  async exit(): Promise<void> {
    if (this.record.terminated) return;
    this.terminate();
    if (!(await this.session.finish(EXIT_TIMEOUT_MS))) {
      this.notify("lms-error");
      if (!(await this.session.finish(FINAL_RETRY_MS))) return;
    }
    // §10 returnURL: redirect once "terminated" is stored, never before (checklist #70).
    if (this.data.returnURL) window.location.assign(this.data.returnURL);
    else this.notify("finished");
  }

  /**
   * "Failed" waits for the end of the session: a learner who fails an attempt may still pass in the
   * same session, and a session may carry only one of passed/failed.
   */
  private terminate(): void {
    if (this.record.terminated) return;
    const last = this.last;
    if (this.normal && last?.passed === false && !this.reported.passed && !this.record.judged) this.judge(false, last);
    this.sendDefined(VERBS.terminated, { duration: this.duration() });
    this.record.terminated = true;
    this.saveRecord();
  }

  private judge(passed: boolean, status: CourseStatus): void {
    const mastery = this.data.masteryScore;
    const score = status.score === undefined ? undefined : courseScore(status.score);
    // A score must agree with the verdict against masteryScore (§9.3.4, §9.3.5); one that cannot
    // (all-must-pass courses) is left out rather than contradict it.
    const consistent =
      score !== undefined && (mastery === undefined || (passed ? score.scaled! >= mastery : score.scaled! < mastery));
    this.sendDefined(passed ? VERBS.passed : VERBS.failed, {
      success: passed,
      duration: this.duration(),
      ...(consistent ? { score } : {}),
    });
    this.record.judged = true;
    this.saveRecord();
    if (passed) this.reported = { ...this.reported, passed: true, score: status.score };
  }

  private duration(): string {
    return isoDuration(Date.now() - this.record.startedAt);
  }

  /** cmi5 defined statement about the AU: cmi5 category, moveon category when judged or completed. */
  private sendDefined(verb: Verb, result?: Result): void {
    const judged = result?.success !== undefined || result?.completion !== undefined;
    const mastery = this.data.masteryScore;
    const extra: Context = {
      registration: this.launch.registration,
      contextActivities: {
        category: [
          { objectType: "Activity", id: CMI5.categoryCmi5 },
          ...(judged ? [{ objectType: "Activity" as const, id: CMI5.categoryMoveOn }] : []),
        ],
      },
      ...(result?.success !== undefined && mastery !== undefined
        ? { extensions: { [CMI5.masteryScore]: mastery } }
        : {}),
    };
    this.emit(verb, this.au, result, extendContext(this.data.contextTemplate, extra));
  }

  /** cmi5 allowed statement: the contextTemplate without the cmi5 category (§9.6.2). */
  private sendAllowed(
    verb: Verb,
    object: Activity,
    result: Result | undefined,
    parent: Activity,
    extra: Context = {},
  ): void {
    const context = extendContext(this.data.contextTemplate, {
      registration: this.launch.registration,
      contextActivities: { parent: [parent] },
      language: this.course.language,
    });
    this.emit(verb, object, result, extendContext(context, extra));
  }

  private emit(verb: Verb, object: Activity, result: Result | undefined, context: Context): void {
    if (this.record.terminated) return;
    this.session.send(makeStatement(this.launch.actor, verb, object, { ...(result ? { result } : {}), context }));
  }

  private saveRecord(): void {
    try {
      sessionStorage.setItem(this.recordKey, JSON.stringify(this.record));
    } catch {
      // Without sessionStorage a reload cannot resume this session; the LMS will record it as abandoned.
    }
  }
}

/** cmi5 §11: honour the learner's audio preference. The course has one language, so that preference has nothing to choose. */
function applyPreferences(preferences: LearnerPreferences): void {
  if (preferences.audioPreference !== "off") return;
  const mute = () =>
    document.querySelectorAll<HTMLMediaElement>("audio, video").forEach((m) => {
      m.muted = true;
    });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mute);
  else mute();
}
