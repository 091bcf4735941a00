/**
 * Statement building blocks shared by the Tin Can and cmi5 trackers: ids, timestamps, durations,
 * the course's activities and the results of answers and assessments. Each statement gets its
 * UUID and UTC timestamp when it is made, so a resend is recognisably the same (checklist #58).
 */
import type { CourseData, PageData } from "../../../shared/course-data.js";
import type { AnsweredQuestion } from "../../../shared/learner.js";
import { elementIri, encodeResponse, interactionDefinition, questionIri } from "./interaction.js";
import type { Activity, Agent, Context, Result, Statement } from "./types.js";
import { ACTIVITY_TYPES, type Verb } from "../../../shared/xapi-vocabulary.js";

/** RFC 4122 version 4 UUID. crypto.randomUUID exists only in secure contexts; getRandomValues everywhere. */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ISO 8601 duration with centisecond precision (xAPI §4.6), e.g. PT1H2M3.45S. */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s || (!h && !m) ? `${s}S` : ""}`;
}

export function makeStatement(
  actor: Agent,
  verb: Verb,
  object: Activity,
  extra: { result?: Result; context?: Context } = {},
): Statement {
  return {
    id: uuid(),
    timestamp: new Date().toISOString(),
    actor,
    verb,
    object,
    ...(extra.result ? { result: extra.result } : {}),
    ...(extra.context ? { context: extra.context } : {}),
  };
}

export function courseActivity(id: string, course: CourseData): Activity {
  return {
    objectType: "Activity",
    id,
    definition: { type: ACTIVITY_TYPES.course, name: { [course.language]: course.title } },
  };
}

export function lessonActivity(course: CourseData, page: PageData): Activity {
  return {
    objectType: "Activity",
    id: elementIri(course.activityId, "lessons", page.id),
    definition: { type: ACTIVITY_TYPES.lesson, name: { [course.language]: page.title } },
  };
}

export function quizActivity(course: CourseData, quizId: string): Activity {
  const title = course.quizzes[quizId]?.title ?? quizId;
  return {
    objectType: "Activity",
    id: elementIri(course.activityId, "quizzes", quizId),
    definition: { type: ACTIVITY_TYPES.assessment, name: { [course.language]: title } },
  };
}

/** The object and result of an "answered" statement. */
export function answeredParts(course: CourseData, answer: AnsweredQuestion): { object: Activity; result: Result } {
  const object: Activity = {
    objectType: "Activity",
    id: questionIri(course, answer),
    definition: interactionDefinition(answer, course.questions[answer.questionId], course.language),
  };
  const result: Result = {
    response: encodeResponse(answer.response),
    duration: isoDuration(answer.latencyMs),
  };
  if (answer.result !== "neutral") {
    result.success = answer.result === "correct";
    const max = answer.weight > 0 ? answer.weight : 1;
    result.score = { scaled: round(answer.score), raw: round(answer.score * max), min: 0, max };
  }
  return { object, result };
}

/** Course score 0..100 as an xAPI score (checklist #60: scaled plus raw, min and max). */
export function courseScore(score: number): NonNullable<Result["score"]> {
  const raw = round(Math.min(100, Math.max(0, score)));
  return { scaled: round(raw / 100), raw, min: 0, max: 100 };
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/**
 * Adds `extra` to a context without overwriting anything already there (cmi5 §10: the AU "MUST NOT
 * overwrite any values provided in the contextTemplate"): lists are extended, objects merged,
 * existing scalar values kept.
 */
export function extendContext(base: Context | undefined, extra: Context): Context {
  return mergeKeep(base ?? {}, extra) as Context;
}

function mergeKeep(base: unknown, extra: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(extra)) {
    const ids = new Set(base.map((item) => (item as { id?: string })?.id).filter(Boolean));
    return [...base, ...extra.filter((item) => !ids.has((item as { id?: string })?.id))];
  }
  if (isPlainObject(base) && isPlainObject(extra)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(extra)) {
      out[key] = key in base ? mergeKeep(base[key], value) : value;
    }
    return out;
  }
  return base === undefined ? extra : base;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
