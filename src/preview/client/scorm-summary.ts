/**
 * The SCORM data model as the debug panel shows it: statuses, score, bookmark, suspend_data against
 * the standard's limit (checklist #31), mode and credit, interactions — read from the CMI data the
 * LMS holds (ScormLms.cmi()). Pure, so it is unit-tested without a browser.
 */
import type { CmiJson, ScormStandard } from "./scorm-lms.js";

export interface ScormSummary {
  rows: { key: string; label: string; value: string; problem?: string | undefined }[];
  interactions: { id: string; type: string; result: string; response: string; correct: string }[];
  suspendData: { length: number; limit: number };
}

/** suspend_data limits in characters: 1.2 4,096; 2004 2nd Edition 4,000; 3rd and 4th 64,000 (checklist #31). */
export function suspendDataLimit(standard: ScormStandard, edition: string | null): number {
  if (standard === "scorm12") return 4096;
  return /2nd/.test(edition ?? "") ? 4000 : 64000;
}

type Node = Record<string, unknown>;
const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

export function summarizeScorm(standard: ScormStandard, edition: string | null, data: CmiJson): ScormSummary {
  const cmi = data.cmi as Node;
  const is12 = standard === "scorm12";
  const core = (is12 ? cmi.core : cmi) as Node;
  const score = (core.score ?? {}) as Node;
  const suspend = str(cmi.suspend_data);
  const limit = suspendDataLimit(standard, edition);
  const scoreText =
    score.raw === undefined || score.raw === ""
      ? ""
      : `${str(score.raw)} (min ${str(score.min) || "–"}, max ${str(score.max) || "–"})${is12 ? "" : `, scaled ${str(score.scaled) || "–"}`}`;
  const rows: ScormSummary["rows"] = is12
    ? [
        { key: "status", label: "Lesson status", value: str(core.lesson_status) },
        { key: "score", label: "Score", value: scoreText },
        { key: "mastery", label: "Mastery score", value: str((cmi.student_data as Node | undefined)?.mastery_score) },
        { key: "location", label: "Location", value: str(core.lesson_location) },
      ]
    : [
        { key: "completion", label: "Completion status", value: str(cmi.completion_status) },
        { key: "success", label: "Success status", value: str(cmi.success_status) },
        { key: "score", label: "Score", value: scoreText },
        { key: "mastery", label: "Scaled passing score", value: str(cmi.scaled_passing_score) },
        { key: "progress", label: "Progress measure", value: str(cmi.progress_measure) },
        { key: "location", label: "Location", value: str(cmi.location) },
      ];
  rows.push(
    {
      key: "suspend-data",
      label: "suspend_data",
      value: `${suspend.length.toLocaleString("en")} of ${limit.toLocaleString("en")} characters (${Math.round((suspend.length / limit) * 100)} %)`,
      problem:
        suspend.length > limit
          ? `over the ${limit.toLocaleString("en")}-character limit: LMSs truncate or refuse it`
          : undefined,
    },
    { key: "entry", label: "Entry", value: str(core.entry) },
    { key: "exit", label: "Exit", value: str(core.exit) },
    { key: "mode", label: "Mode", value: str(is12 ? core.lesson_mode : cmi.mode) },
    { key: "credit", label: "Credit", value: str(core.credit) },
    { key: "session-time", label: "Session time", value: str(core.session_time) },
  );
  return { rows, interactions: interactions(cmi.interactions, is12), suspendData: { length: suspend.length, limit } };
}

/** scorm-again renders arrays as objects keyed "0", "1"… */
function items(value: unknown): Node[] {
  return Object.entries((value ?? {}) as Node)
    .filter(([k]) => /^\d+$/.test(k))
    .map(([, v]) => v as Node);
}

function interactions(value: unknown, is12: boolean): ScormSummary["interactions"] {
  return items(value).map((i) => ({
    id: str(i.id),
    type: str(i.type),
    result: str(i.result),
    response: str(is12 ? i.student_response : i.learner_response),
    correct: items(i.correct_responses)
      .map((p) => str(p.pattern))
      .join(" | "),
  }));
}
