/**
 * SCORM 1.2 data model (RTE 1.2 §3.4): cmi.core.*, CMITimespan times, single-character choice ids,
 * 4,096-character suspend_data and 255-character lesson_location.
 */
import type { TrackingOptions } from "../../../shared/course-data.js";
import type { AnsweredQuestion, CorrectPattern, Response } from "../../../shared/learner.js";
import {
  type ReportedStatus,
  type ScormDataModel,
  type Write,
  clockParts,
  decimal,
  numberOrUndefined,
  parseMode,
  percent,
  truncate,
} from "./data-model.js";
import { INTERACTION_TYPES } from "../interaction-types.js";

/** 1.2 choice, matching, sequencing and likert responses are single characters 0-9/a-z (checklist #43). */
const CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

const STATUS_RANK: Record<string, number> = {
  "not attempted": 0,
  browsed: 1,
  incomplete: 1,
  failed: 2,
  completed: 3,
  passed: 3,
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** CMITimespan HHHH:MM:SS.SS, clamped to 9999 hours (checklist #26). */
export function timespan12(ms: number): string {
  const { h, m, s } = clockParts(ms, 9999);
  const [whole, fraction = "0"] = s.toFixed(2).split(".");
  return `${pad(h, 4)}:${pad(m)}:${pad(Number(whole))}.${fraction}`;
}

/** CMITime: the learner's clock time of day, HH:MM:SS. */
function clockTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * The lesson_status a reporting pair gives (checklist #18, #19): the first word on success, the second
 * before success — except that a "-failed" pair reports "failed" as soon as the learner is assessed
 * and not passing, and a "passed-" pair once no attempt is left: "incomplete" would not let the LMS
 * tell a failed learner from one who never finished (issue 12).
 */
export function lessonStatus(status: ReportedStatus, pair: TrackingOptions["scorm12Status"]): string {
  const [success, other] = pair.split("-") as [string, string];
  if (status.passed === false && (other === "failed" || (success === "passed" && status.final))) return "failed";
  const succeeded = status.completed && (pair === "completed-incomplete" || status.passed !== false);
  return succeeded ? success : "incomplete";
}

/** Characters for the options of one group, by id; undefined when an id is unknown or there are over 36. */
function characterMap(answer: AnsweredQuestion, group?: "source" | "target"): (id: string) => string | undefined {
  const ids = answer.options.filter((o) => o.group === group).map((o) => o.id);
  return (id) => {
    const i = ids.indexOf(id);
    return i >= 0 ? CHARACTERS[i] : undefined;
  };
}

function allDefined(parts: (string | undefined)[]): string | undefined {
  return parts.every((p): p is string => p !== undefined) ? parts.join(",") : undefined;
}

/** A neutral response in 1.2 CMIFeedback form; undefined when 1.2 cannot express it. */
export function response12(answer: AnsweredQuestion, r: Response | CorrectPattern): string | undefined {
  switch (r.kind) {
    // 1.2 numeric patterns are one CMIDecimal: only a single-value "range" fits.
    case "range":
      return r.min === r.max ? String(r.min) : undefined;
    case "choices":
    case "order": {
      const char = characterMap(answer);
      return allDefined(r.ids.map(char));
    }
    case "pairs": {
      const source = characterMap(answer, "source");
      const target = characterMap(answer, "target");
      return allDefined(
        r.pairs.map(([s, t]) => {
          const a = source(s);
          const b = target(t);
          return a && b ? `${a}.${b}` : undefined;
        }),
      );
    }
    case "boolean":
      return r.value ? "t" : "f";
    case "text":
      return truncate(r.value, 255);
    case "number":
      return Number.isFinite(r.value) ? String(r.value) : undefined;
  }
}

const RESULTS: Record<AnsweredQuestion["result"], string> = {
  correct: "correct",
  incorrect: "wrong",
  partial: "wrong",
  neutral: "neutral",
};

export const scorm12: ScormDataModel = {
  apiName: "API",
  functions: {
    initialize: "LMSInitialize",
    terminate: "LMSFinish",
    getValue: "LMSGetValue",
    setValue: "LMSSetValue",
    commit: "LMSCommit",
    getLastError: "LMSGetLastError",
    getErrorString: "LMSGetErrorString",
    getDiagnostic: "LMSGetDiagnostic",
  },
  suspendDataLimit: 4096,
  locationLimit: 255,
  elements: {
    location: "cmi.core.lesson_location",
    suspendData: "cmi.suspend_data",
    sessionTime: "cmi.core.session_time",
    interactionCount: "cmi.interactions._count",
    objectiveCount: "cmi.objectives._count",
    objectiveId: (n) => `cmi.objectives.${n}.id`,
  },

  readLaunch(read) {
    const mastery = numberOrUndefined(read("cmi.student_data.mastery_score"));
    return {
      mode: parseMode(read("cmi.core.lesson_mode")),
      credit: read("cmi.core.credit") !== "no-credit",
      masteryScore: mastery !== undefined && mastery >= 0 && mastery <= 100 ? mastery : undefined,
      learnerName: read("cmi.core.student_name") || undefined,
      location: read("cmi.core.lesson_location"),
      suspendData: read("cmi.suspend_data"),
      statusFloor: { "cmi.core.lesson_status": read("cmi.core.lesson_status") },
    };
  },

  statusWrites(status, tracking) {
    const writes: Write[] = [];
    if (status.score !== undefined) {
      writes.push(
        ["cmi.core.score.min", "0"],
        ["cmi.core.score.max", "100"],
        ["cmi.core.score.raw", decimal(percent(status.score), 2)],
      );
    }
    writes.push(["cmi.core.lesson_status", lessonStatus(status, tracking.scorm12Status)]);
    return writes;
  },

  rank(element, value) {
    return /(^cmi\.core\.lesson_status|\.status)$/.test(element) ? (STATUS_RANK[value] ?? 0) : undefined;
  },

  objectiveIds: (_courseId, page) => [page],

  objectiveWrites(n, id, o) {
    const at = `cmi.objectives.${n}`;
    const writes: Write[] = [[`${at}.id`, id]];
    if (o.score !== undefined) {
      writes.push(
        [`${at}.score.min`, "0"],
        [`${at}.score.max`, "100"],
        [`${at}.score.raw`, decimal(percent(o.score), 2)],
      );
    }
    const status =
      o.passed === true ? "passed" : o.passed === false ? "failed" : o.completed ? "completed" : "incomplete";
    writes.push([`${at}.status`, status]);
    return writes;
  },

  interactionWrites(n, answer) {
    const { attempt } = answer;
    const at = `cmi.interactions.${n}`;
    const writes: Write[] = [
      [`${at}.id`, attempt > 1 ? `${answer.questionId}-attempt-${attempt}` : answer.questionId],
      [`${at}.type`, INTERACTION_TYPES[answer.type]],
    ];
    const patterns = (answer.correct ?? []).map((p) => response12(answer, p)).filter((p) => p !== undefined);
    for (const [i, p] of patterns.entries()) writes.push([`${at}.correct_responses.${i}.pattern`, p]);
    const response = response12(answer, answer.response);
    if (response !== undefined) writes.push([`${at}.student_response`, response]);
    writes.push(
      [`${at}.result`, RESULTS[answer.result]],
      [`${at}.weighting`, decimal(answer.weight, 4)],
      [`${at}.latency`, timespan12(answer.latencyMs)],
      [`${at}.time`, clockTime(answer.timestamp)],
    );
    return writes;
  },

  sessionTime: timespan12,

  // 1.2 has no "normal": an empty exit is a normal exit (checklist #28).
  exit: (suspend) => ["cmi.core.exit", suspend ? "suspend" : ""],
  navRequest: () => undefined,
};
