/**
 * Counts records as they stream past, keeping memory proportional to learners × (questions +
 * lessons) as typed arrays, never to the number of records: a million statements leave one small
 * state per learner, per-question counters and one number per timed lesson view.
 *
 * Conventions (docs/report.md): item figures use each learner's first attempt at a quiz; an
 * attempt begins when a learner answers a question of the quiz again, or answers it after other
 * activity (the runtime reports an attempt's answers together when it is submitted); a lesson
 * view lasts until the learner's next record in the same session, if that comes within an hour.
 */
import type { ReportCourse } from "./course.js";
import type { AnswerValue, LearnerRecord } from "./records.js";

/** A gap longer than this is a learner who walked away, not reading time. */
export const IDLE_MS = 60 * 60_000;
/** Distinct answers remembered per question; the rest are counted together. */
const MAX_DISTINCT_RESPONSES = 200;

export interface LearnerState {
  started: boolean;
  lessons: Uint8Array;
  /** First-attempt score (0..1) per question; NaN when not answered. */
  firstScore: Float32Array;
  /** Attempts seen per quiz, and the attempt number the learner's first seen attempt had. */
  attempts: Uint16Array;
  firstAttempt: Uint16Array;
  /** Attempt number in which each question was last answered. */
  answeredIn: Uint16Array;
  /** Quiz of the previous record when it was an answer, else -1. */
  answeringQuiz: number;
  /** Lesson view awaiting its end, or -1; and when it began. */
  openLesson: number;
  openSince: number;
  lastTime: number;
  lastKind: LearnerRecord["kind"] | "";
  descending: boolean;
  /** Latest course result by time. */
  resultTime: number;
  passed: boolean | undefined;
  scoreTime: number;
  score: number;
  completed: boolean;
  quizStarted: Uint8Array;
}

export interface QuestionTally {
  respondents: number;
  scored: number;
  scoreSum: number;
  optionCounts: Uint32Array;
  secondsSum: number;
  timed: number;
  responses: Map<string, { count: number; scoreSum: number; scored: number }>;
  otherResponses: number;
}

export class Tally {
  readonly learners = new Map<string, LearnerState>();
  readonly questions: QuestionTally[];
  /** Minutes of each timed lesson view, per lesson (grown as needed). */
  readonly lessonMinutes: Float64Array[];
  readonly lessonTimed: number[];
  records = 0;
  outOfOrder = 0;

  constructor(readonly course: ReportCourse) {
    this.questions = course.questions.map((q) => ({
      respondents: 0,
      scored: 0,
      scoreSum: 0,
      optionCounts: new Uint32Array(q.options.length),
      secondsSum: 0,
      timed: 0,
      responses: new Map(),
      otherResponses: 0,
    }));
    this.lessonMinutes = course.lessons.map(() => new Float64Array(64));
    this.lessonTimed = course.lessons.map(() => 0);
  }

  add(record: LearnerRecord): void {
    this.records++;
    const learner = this.learner(record.learner);
    learner.started = true;
    this.timeLessons(learner, record);
    switch (record.kind) {
      case "session":
        break;
      case "lesson":
        learner.lessons[record.lesson] = 1;
        break;
      case "answer":
        this.answer(learner, record);
        break;
      case "result":
        this.result(learner, record);
        break;
    }
    if (record.kind !== "answer") learner.answeringQuiz = -1;
    learner.lastKind = record.kind;
    if (!Number.isNaN(record.time)) learner.lastTime = record.time;
  }

  private learner(key: string): LearnerState {
    let state = this.learners.get(key);
    if (!state) {
      const { course } = this;
      state = {
        started: false,
        lessons: new Uint8Array(course.lessons.length),
        firstScore: new Float32Array(course.questions.length).fill(Number.NaN),
        attempts: new Uint16Array(course.quizzes.length),
        firstAttempt: new Uint16Array(course.quizzes.length),
        answeredIn: new Uint16Array(course.questions.length),
        answeringQuiz: -1,
        openLesson: -1,
        openSince: Number.NaN,
        lastTime: Number.NaN,
        lastKind: "",
        descending: false,
        resultTime: Number.NEGATIVE_INFINITY,
        passed: undefined,
        scoreTime: Number.NEGATIVE_INFINITY,
        score: Number.NaN,
        completed: false,
        quizStarted: new Uint8Array(course.quizzes.length),
      };
      this.learners.set(key, state);
    }
    return state;
  }

  /** Closes an open lesson view with this record's time (records in time order, or reversed). */
  private timeLessons(learner: LearnerState, record: LearnerRecord): void {
    const { time } = record;
    if (Number.isNaN(time)) return;
    if (time < learner.lastTime) {
      if (!learner.descending && learner.lastKind !== "") this.outOfOrder++;
      learner.descending = true;
    }
    if (learner.descending) {
      // Newest first: the previous record is the one that followed this lesson view.
      const next = learner.lastTime;
      if (record.kind === "lesson" && learner.lastKind !== "session" && next >= time)
        this.timed(record.lesson, next - time);
      return;
    }
    if (learner.openLesson >= 0 && !(record.kind === "session" && record.event === "start"))
      this.timed(learner.openLesson, time - learner.openSince);
    learner.openLesson = record.kind === "lesson" ? record.lesson : -1;
    learner.openSince = time;
  }

  private timed(lesson: number, ms: number): void {
    if (!(ms >= 0 && ms <= IDLE_MS)) return;
    let values = this.lessonMinutes[lesson]!;
    const n = this.lessonTimed[lesson]!;
    if (n === values.length) {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      this.lessonMinutes[lesson] = values = grown;
    }
    values[n] = ms / 60_000;
    this.lessonTimed[lesson] = n + 1;
  }

  private answer(learner: LearnerState, record: Extract<LearnerRecord, { kind: "answer" }>): void {
    const q = this.course.questions[record.question]!;
    const quiz = this.course.quizIndex.get(q.data.parent) ?? -1;
    let attempt = record.attempt;
    if (quiz >= 0) {
      learner.quizStarted[quiz] = 1;
      if (attempt === undefined) {
        const current = learner.attempts[quiz]!;
        const newAttempt =
          current === 0 || learner.answeringQuiz !== quiz || learner.answeredIn[record.question] === current;
        attempt = newAttempt ? current + 1 : current;
      }
      learner.attempts[quiz] = Math.max(learner.attempts[quiz]!, attempt);
      if (learner.firstAttempt[quiz] === 0 || attempt < learner.firstAttempt[quiz]!)
        learner.firstAttempt[quiz] = attempt;
      learner.answeringQuiz = quiz;
      learner.answeredIn[record.question] = attempt;
      if (attempt !== learner.firstAttempt[quiz]) return;
    }
    if (!Number.isNaN(learner.firstScore[record.question]!)) return;
    learner.firstScore[record.question] = record.score ?? Number.NaN;
    if (record.score === undefined) learner.firstScore[record.question] = -1; // answered, unscored (survey)
    this.countAnswer(record.question, record.response, record.score, record.durationMs);
  }

  private countAnswer(question: number, response: AnswerValue, score?: number, durationMs?: number): void {
    const tally = this.questions[question]!;
    const { options } = this.course.questions[question]!;
    tally.respondents++;
    if (score !== undefined) {
      tally.scored++;
      tally.scoreSum += score;
    }
    if (durationMs !== undefined && Number.isFinite(durationMs)) {
      tally.timed++;
      tally.secondsSum += durationMs / 1000;
    }
    const chosen = new Set(response.ids?.flatMap((id) => id.split("[.]")) ?? []);
    for (const [i, option] of options.entries()) if (chosen.has(option.id)) tally.optionCounts[i]!++;
    let entry = tally.responses.get(response.text);
    if (!entry && tally.responses.size < MAX_DISTINCT_RESPONSES)
      tally.responses.set(response.text, (entry = { count: 0, scoreSum: 0, scored: 0 }));
    if (!entry) {
      tally.otherResponses++;
      return;
    }
    entry.count++;
    if (score !== undefined) {
      entry.scored++;
      entry.scoreSum += score;
    }
  }

  private result(learner: LearnerState, record: Extract<LearnerRecord, { kind: "result" }>): void {
    // Without a time, a later record in the stream is the later result (past every real timestamp).
    const time = Number.isNaN(record.time) ? 1e15 + this.records : record.time;
    if (record.completed) learner.completed = true;
    if (record.passed !== undefined && time >= learner.resultTime) {
      learner.passed = record.passed;
      learner.resultTime = time;
    }
    if (record.score !== undefined && time >= learner.scoreTime) {
      learner.score = record.score;
      learner.scoreTime = time;
    }
  }
}
