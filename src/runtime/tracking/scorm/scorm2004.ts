/**
 * SCORM 2004 (3rd and 4th edition) data model (RTE 4.2): cmi.*, ISO 8601 durations and timestamps,
 * [,]-delimited responses, 64,000-character suspend_data and 1,000-character location. Interaction,
 * objective and response identifiers are letters and digits (identifiers.ts), so every LMS takes them.
 */
import type { AnsweredQuestion, CorrectPattern, Response } from "../../../shared/learner.js";
import {
  type ObjectiveReport,
  type ScormDataModel,
  type ScormLaunch,
  type Write,
  clockParts,
  decimal,
  numberOrUndefined,
  parseMode,
  percent,
  truncate,
} from "./data-model.js";
import { INTERACTION_TYPES } from "../interaction-types.js";
import { scormIdentifier } from "./identifiers.js";

const COMPLETION_RANK: Record<string, number> = { unknown: 0, "not attempted": 0, incomplete: 1, completed: 2 };
const SUCCESS_RANK: Record<string, number> = { unknown: 0, failed: 1, passed: 2 };

/** ISO 8601 duration with at most two decimals on seconds, e.g. PT1H2M3.5S (checklist #26). */
export function duration2004(ms: number): string {
  const { h, m, s } = clockParts(ms, 99_999);
  const parts = `${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s ? `${decimal(s, 2)}S` : ""}`;
  return `PT${parts || "0S"}`;
}

/** time(second,10,0): UTC with two decimals, e.g. 2026-01-02T03:04:05.12Z. */
export function timestamp2004(date: Date): string {
  return `${date.toISOString().slice(0, 22)}Z`;
}

/** A learner-typed string as one localized_string_type item: no delimiters, at most 250 characters. */
function localized(text: string): string {
  return truncate(text.replace(/\[[,.:]\]/g, " ").replace(/^\{/, "("), 250);
}

/** A neutral response as a 2004 learner_response / correct pattern (RTE 4.2.9.1; checklist #43). */
export function response2004(r: Response): string {
  switch (r.kind) {
    case "choices":
    case "order":
      return r.ids.map(scormIdentifier).join("[,]");
    case "pairs":
      return r.pairs.map(([s, t]) => `${scormIdentifier(s)}[.]${scormIdentifier(t)}`).join("[,]");
    case "boolean":
      return r.value ? "true" : "false";
    case "text":
      return localized(r.value);
    case "number":
      return Number.isFinite(r.value) ? String(r.value) : "";
  }
}

/** A correct-response pattern: numeric patterns are ranges `min[:]max`. */
export function pattern2004(p: CorrectPattern): string {
  if (p.kind === "range") return `${p.min}[:]${p.max}`;
  if (p.kind === "number") return `${p.value}[:]${p.value}`;
  return response2004(p);
}

const RESULTS: Record<AnsweredQuestion["result"], string> = {
  correct: "correct",
  incorrect: "incorrect",
  partial: "incorrect",
  neutral: "neutral",
};

function scoreWrites(at: string, score: number): Write[] {
  const p = percent(score);
  // scaled in 0..1 with at most 7 decimals (checklist #23); raw/min/max as percentages (#22).
  return [
    [`${at}.score.min`, "0"],
    [`${at}.score.max`, "100"],
    [`${at}.score.raw`, decimal(p, 2)],
    [`${at}.score.scaled`, decimal(p / 100, 7)],
  ];
}

const success = (passed: boolean | undefined) => (passed === undefined ? "unknown" : passed ? "passed" : "failed");

export const scorm2004: ScormDataModel = {
  apiName: "API_1484_11",
  functions: {
    initialize: "Initialize",
    terminate: "Terminate",
    getValue: "GetValue",
    setValue: "SetValue",
    commit: "Commit",
    getLastError: "GetLastError",
    getErrorString: "GetErrorString",
    getDiagnostic: "GetDiagnostic",
  },
  suspendDataLimit: 64_000,
  locationLimit: 1000,
  elements: {
    location: "cmi.location",
    suspendData: "cmi.suspend_data",
    sessionTime: "cmi.session_time",
    interactionCount: "cmi.interactions._count",
    objectiveCount: "cmi.objectives._count",
    objectiveId: (n) => `cmi.objectives.${n}.id`,
  },

  readLaunch(read): ScormLaunch {
    // The LMS's pass mark (from the manifest's minNormalizedMeasure) wins over the course's (checklist #24).
    const passing = numberOrUndefined(read("cmi.scaled_passing_score"));
    return {
      mode: parseMode(read("cmi.mode")),
      credit: read("cmi.credit") !== "no-credit",
      masteryScore:
        passing !== undefined && passing >= 0 && passing <= 1 ? Math.round(passing * 10000) / 100 : undefined,
      learnerName: read("cmi.learner_name") || undefined,
      location: read("cmi.location"),
      suspendData: read("cmi.suspend_data"),
      statusFloor: {
        "cmi.completion_status": read("cmi.completion_status"),
        "cmi.success_status": read("cmi.success_status"),
      },
    };
  },

  statusWrites(status) {
    // Always both statuses (checklist #20) and the progress measure, after the score (#21).
    return [
      ...(status.score === undefined ? [] : scoreWrites("cmi", status.score)),
      ["cmi.completion_status", status.completed ? "completed" : "incomplete"],
      ["cmi.success_status", success(status.passed)],
      ["cmi.progress_measure", decimal(status.completed ? 1 : Math.min(1, Math.max(0, status.progress)), 4)],
    ];
  },

  rank(element, value) {
    if (element.endsWith("completion_status")) return COMPLETION_RANK[value] ?? 0;
    if (element.endsWith("success_status")) return SUCCESS_RANK[value] ?? 0;
    if (element.endsWith("progress_measure")) return Number(value) || 0;
    return undefined;
  },

  // Before 0.2 objective ids were URNs, which Forma refuses; an LMS that holds one keeps its slot.
  objectiveIds: (courseId, page) => [scormIdentifier(page), `urn:coursepack:${courseId}:${page}`],

  objectiveWrites(n: number, id: string, o: ObjectiveReport) {
    const at = `cmi.objectives.${n}`;
    return [
      [`${at}.id`, id],
      ...(o.score === undefined ? [] : scoreWrites(at, o.score)),
      [`${at}.success_status`, success(o.passed)],
      [`${at}.completion_status`, o.completed ? "completed" : "incomplete"],
    ];
  },

  interactionWrites(n, answer) {
    const { attempt } = answer;
    const at = `cmi.interactions.${n}`;
    // Unique per attempt (checklist #44), letters and digits only; then type, pattern, response… (#42).
    const id = `${scormIdentifier(answer.questionId)}${attempt > 1 ? `ZA${attempt}` : ""}`;
    const writes: Write[] = [
      [`${at}.id`, id],
      [`${at}.type`, INTERACTION_TYPES[answer.type]],
      [`${at}.description`, truncate(answer.text.replace(/^\{+/, ""), 250)],
    ];
    for (const [i, p] of (answer.correct ?? []).entries())
      writes.push([`${at}.correct_responses.${i}.pattern`, pattern2004(p)]);
    const response = response2004(answer.response);
    if (response !== "") writes.push([`${at}.learner_response`, response]);
    writes.push(
      [`${at}.result`, RESULTS[answer.result]],
      [`${at}.weighting`, decimal(answer.weight, 7)],
      [`${at}.latency`, duration2004(answer.latencyMs)],
      [`${at}.timestamp`, timestamp2004(answer.timestamp)],
    );
    return writes;
  },

  sessionTime: duration2004,

  // logout is deprecated in the 4th edition (checklist #28); the nav request reclaims the frame (#30).
  exit: (suspend) => ["cmi.exit", suspend ? "suspend" : "normal"],
  navRequest: (suspend) => ["adl.nav.request", suspend ? "suspendAll" : "exitAll"],
};
