/**
 * The SCORM record a Coursepack course must leave after a pass or a fail: status (and success),
 * score, answers with their responses, bookmark, exit, session time and saved progress — compared
 * with what the LMS kept, through its record quirks. Also the API log for the report.
 */
import type { ScormStandardId } from "../../shared/lms-quirks.js";
import type { Checks } from "../checks.js";
import { exitValue, lessonStatus, type Outcome } from "../expected.js";
import type { ScormRecord } from "../protocol.js";
import type { LogLine, ScenarioContext } from "../scenario.js";
import { asRecorded, notKept, SESSION_TIME, SUSPEND_LIMIT } from "../scorm-record.js";

export function apiLog(record: ScormRecord): LogLine[] {
  return record.calls.map((c) => ({
    text: `${c.method}(${[c.element, c.value]
      .filter((v) => v !== undefined)
      .map((v) => JSON.stringify(v))
      .join(", ")}) → ${JSON.stringify(c.result)}${c.error !== "0" ? ` (error ${c.error})` : ""}`,
    problem: c.error !== "0" || c.result === "false" || c.result === "exception",
  }));
}

/** The finished course's record after a learner passed or failed it. */
export function outcomeChecks(checks: Checks, ctx: ScenarioContext, record: ScormRecord, outcome: Outcome): void {
  const course = ctx.subject.course!;
  const standard = ctx.subject.launch.standard as ScormStandardId;
  const { view, notes } = asRecorded(checks, ctx.profile, standard, record, ctx.subject.contentSetsCompletion);
  const unkept = notKept(ctx.simulation, standard);
  const keeps = (element: string) => !unkept.includes(element);
  const lms = ctx.profile.name;
  if (standard === "scorm12") {
    checks.equal(
      "Lesson status",
      lessonStatus(outcome, course.tracking.scorm12Status),
      view.completion,
      notes.completion,
    );
  } else {
    checks.equal(
      "Completion status",
      outcome.completed ? "completed" : "incomplete",
      view.completion,
      notes.completion,
    );
    const success = outcome.assessed ? (outcome.passed ? "passed" : "failed") : "unknown";
    if (keeps("cmi.success_status")) checks.equal("Success status", success, view.success);
    else
      checks.warn(
        "Success status",
        success,
        "not kept",
        `${lms} keeps cmi.success_status read-only: it records no pass or fail from content`,
      );
  }
  if (outcome.score !== undefined) {
    checks.equal("Score (raw, in the LMS's reports)", String(outcome.score), view.raw, notes.raw);
    checks.equal("Score range (min–max)", "0–100", `${view.min || "?"}–${view.max || "?"}`);
    if (standard === "scorm2004") checks.equal("Scaled score", String(outcome.score / 100), view.scaled);
  }
  const graded = view.interactions.filter((i) => /^(correct|wrong|incorrect)$/.test(i.result));
  const right = outcome.passed || !outcome.assessed;
  const answered = graded.filter((i) => i.response !== "" && (i.result === "correct") === right).length;
  checks.add(
    "Answers recorded (interactions with their responses)",
    `${outcome.answers}, each ${right ? "correct" : "wrong"} with the learner's response`,
    `${graded.length} recorded, ${answered} as expected`,
    graded.length === outcome.answers && answered === outcome.answers,
    graded.length < outcome.answers
      ? `${lms} kept fewer answers than the learner gave: it refused some (see the API log)`
      : undefined,
  );
  checks.equal("Bookmark (location)", "summary", view.location);
  checks.equal(
    "Exit",
    JSON.stringify(exitValue(standard, outcome.completed, course.tracking)),
    JSON.stringify(view.exit),
  );
  checks.add(
    "Session time",
    standard === "scorm12" ? "HHHH:MM:SS.SS" : "ISO 8601 duration (PT…)",
    view.sessionTime || "(none)",
    SESSION_TIME[standard].test(view.sessionTime),
  );
  suspendDataCheck(checks, standard, view.suspendData);
}

export function suspendDataCheck(checks: Checks, standard: ScormStandardId, data: string): void {
  const limit = SUSPEND_LIMIT[standard];
  checks.add(
    "Saved progress (suspend_data)",
    `1 to ${limit.toLocaleString("en")} characters`,
    `${data.length.toLocaleString("en")} characters`,
    data.length > 0 && data.length <= limit,
  );
}
