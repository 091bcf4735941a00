/**
 * A SCORM session as the LMS recorded it: the committed data read the same way for 1.2 and 2004
 * (status, success, score, bookmark, saved progress, exit, session time, interactions), the API
 * lifecycle rules every session must follow, and the profile's record quirks applied — what the
 * LMS's reports show, which is not always what the SCO sent.
 */
import type { LmsProfile } from "../lms-profiles/index.js";
import type { LmsQuirks, RecordQuirk, ScormStandardId } from "../shared/lms-quirks.js";
import type { Checks } from "./checks.js";
import type { ApiCall, CmiJson, ScormRecord } from "./protocol.js";

type Node = Record<string, unknown>;
const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
/** scorm-again renders arrays as objects keyed "0", "1"… */
const items = (value: unknown): Node[] =>
  Object.entries((value ?? {}) as Node)
    .filter(([k]) => /^\d+$/.test(k))
    .map(([, v]) => v as Node);

export interface ScormView {
  /** 1.2: lesson_status; 2004: completion_status. */
  completion: string;
  /** 2004 success_status; 1.2 has none (""). */
  success: string;
  raw: string;
  min: string;
  max: string;
  scaled: string;
  location: string;
  suspendData: string;
  exit: string;
  sessionTime: string;
  entry: string;
  interactions: { id: string; type: string; response: string; result: string }[];
}

export function scormView(standard: ScormStandardId, data: CmiJson | null): ScormView {
  const cmi = (data?.cmi ?? {}) as Node;
  const is12 = standard === "scorm12";
  const core = (is12 ? (cmi.core ?? {}) : cmi) as Node;
  const score = (core.score ?? {}) as Node;
  return {
    completion: str(is12 ? core.lesson_status : cmi.completion_status),
    success: is12 ? "" : str(cmi.success_status),
    raw: str(score.raw),
    min: str(score.min),
    max: str(score.max),
    scaled: is12 ? "" : str(score.scaled),
    location: str(is12 ? core.lesson_location : cmi.location),
    suspendData: str(cmi.suspend_data),
    exit: str(core.exit),
    sessionTime: str(core.session_time),
    entry: str(core.entry),
    interactions: items(cmi.interactions).map((i) => ({
      id: str(i.id),
      type: str(i.type),
      response: str(is12 ? i.student_response : i.learner_response),
      result: str(i.result),
    })),
  };
}

export const SUSPEND_LIMIT: Record<ScormStandardId, number> = { scorm12: 4096, scorm2004: 64_000 };
export const SESSION_TIME: Record<ScormStandardId, RegExp> = {
  scorm12: /^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/,
  scorm2004: /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/,
};

const METHODS = {
  scorm12: { init: "LMSInitialize", finish: "LMSFinish", commit: "LMSCommit", set: "LMSSetValue", get: "LMSGetValue" },
  scorm2004: { init: "Initialize", finish: "Terminate", commit: "Commit", set: "SetValue", get: "GetValue" },
} as const;

export function methods(standard: ScormStandardId) {
  return METHODS[standard];
}

/** Reads the LMS may answer with 403 "not initialized" or 401: asking is how a SCO learns. */
function refused(standard: ScormStandardId, calls: ApiCall[]): ApiCall[] {
  const m = METHODS[standard];
  return calls.filter((c) => c.error !== "0" && !(c.method === m.get && ["401", "403"].includes(c.error)));
}

const callText = (c: ApiCall) =>
  `${c.method}(${[c.element, c.value]
    .filter((v) => v !== undefined)
    .map((v) => JSON.stringify(v))
    .join(", ")}) → ${c.result}, error ${c.error}`;

/**
 * The session's API lifecycle: Initialize once, Terminate once and last, nothing after it; values
 * the LMS refused (a refusal repeated, or any refusal for a package we cannot judge by its data).
 */
export function lifecycleChecks(
  checks: Checks,
  standard: ScormStandardId,
  record: ScormRecord,
  strict: boolean,
  refusedNote?: (refused: ApiCall[]) => string,
): void {
  const m = METHODS[standard];
  const calls = record.calls;
  const inits = calls.filter((c) => c.method === m.init);
  checks.add(
    "API found and session started",
    `${m.init} once, accepted`,
    inits.length
      ? `${inits.length}×, ${inits.map((c) => c.result).join(", ")}`
      : "never called (the course did not find the LMS)",
    inits.length === 1 && inits[0]!.result === "true",
  );
  const finishes = calls.filter((c) => c.method === m.finish);
  const last = calls.findLastIndex((c) => c.method === m.finish);
  checks.add(
    "Session ended once",
    `${m.finish} once, accepted, the last call`,
    finishes.length
      ? `${finishes.length}×, ${finishes.map((c) => (c.result === "exception" ? "threw an exception" : c.result)).join(", ")}${last < calls.length - 1 ? `, then ${calls.length - 1 - last} more call(s)` : ""}`
      : "never called",
    finishes.length === 1 && finishes[0]!.result === "true" && last === calls.length - 1,
    finishes.some((c) => c.result === "exception")
      ? "the LMS's Terminate threw: in the real LMS the learner sees an error as they leave"
      : undefined,
  );
  const bad = refused(standard, calls);
  if (strict) {
    checks.none("Values the LMS refused", bad.map(callText), bad.length ? refusedNote?.(bad) : undefined);
    return;
  }
  const seen = new Map<string, number>();
  for (const c of bad) seen.set(callText(c), (seen.get(callText(c)) ?? 0) + 1);
  checks.none(
    "Refused values sent again",
    [...seen].filter(([, n]) => n > 1).map(([c, n]) => `${c} (${n}×)`),
    bad.length ? `refused once: ${bad.map(callText).join("; ")}` : undefined,
  );
}

/** Elements the simulated LMS refuses outright (no value accepted): read-only or not implemented there. */
export function notKept(quirks: LmsQuirks | undefined, standard: ScormStandardId): string[] {
  return (quirks?.quirks ?? []).flatMap((q) =>
    q.kind === "refuse" && q.standard === standard && !q.accept ? q.elements : [],
  );
}

/** Why a recorded field differs from what the SCO sent, by field. */
export type RecordNotes = Partial<Record<"raw" | "completion", string>>;

/**
 * What the LMS keeps and shows for this session, given its record quirks: Cornerstone's reports
 * lose a score set after the status, and it refuses a Commit right before Terminate; SuccessFactors
 * completes a SCO whose manifest does not leave completion to the content when the learner exits.
 */
export function asRecorded(
  checks: Checks,
  profile: LmsProfile,
  standard: ScormStandardId,
  record: ScormRecord,
  contentSetsCompletion: boolean,
): { view: ScormView; notes: RecordNotes } {
  const view = scormView(standard, record.committed);
  const notes: RecordNotes = {};
  const calls = record.calls;
  const m = METHODS[standard];
  const setAt = (suffix: string) =>
    calls.findIndex((c) => c.method === m.set && c.element?.endsWith(suffix) && c.result === "true");
  for (const quirk of profile.quirks as RecordQuirk[]) {
    switch (quirk.kind) {
      case "score-lost-when-status-first": {
        // The result, not the session's opening "incomplete" (which every SCO writes first): the
        // status that decides the record must find the score already there.
        const status = calls.findLastIndex(
          (c) =>
            c.method === m.set &&
            c.result === "true" &&
            (standard === "scorm12"
              ? c.element === "cmi.core.lesson_status" && /^(passed|completed|failed)$/.test(c.value ?? "")
              : c.element === "cmi.success_status" && /^(passed|failed)$/.test(c.value ?? "")),
        );
        const score = setAt(standard === "scorm12" ? "core.score.raw" : "cmi.score.raw");
        if (quirk.standards.includes(standard) && status >= 0 && (score < 0 || status < score)) {
          view.raw = "0";
          notes.raw = `${profile.name}: ${quirk.note} Write the score before the status.`;
        }
        break;
      }
      case "commit-refused-before-terminate":
        if (quirk.standards.includes(standard))
          checks.none(
            `No ${m.commit} right before ${m.finish}`,
            calls.flatMap((c, i) =>
              c.method === m.commit && calls[i + 1]?.method === m.finish ? [`${m.commit} at call ${i + 1}`] : [],
            ),
            `${profile.name} answers it with error ${quirk.error}: ${quirk.note}`,
          );
        break;
      case "completes-on-exit-unless-content-sets-completion":
        if (standard === "scorm2004" && !contentSetsCompletion && calls.some((c) => c.method === m.finish)) {
          view.completion = "completed";
          notes.completion = `${profile.name}: ${quirk.note}`;
        }
        break;
    }
  }
  return { view, notes };
}
