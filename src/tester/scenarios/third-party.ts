/**
 * The scenario for packages from other tools, whose content the robot cannot know: the LMS opens
 * the package, and the report says whether it found the API and started a session (SCORM) or sent
 * statements (xAPI, cmi5), wrote data the LMS accepted, and ended its session once when the learner
 * left. A package that never even looks for an LMS is shown as such, not as a failure.
 */
import { describeQuirks, modelName, type RefuseQuirk, type ScormStandardId } from "../../shared/lms-quirks.js";
import type { ApiCall } from "../protocol.js";
import { VERBS } from "../../shared/xapi-vocabulary.js";
import { Checks } from "../checks.js";
import type { Scenario, ScenarioContext, ScenarioOutcome } from "../scenario.js";
import { asRecorded, lifecycleChecks, methods, type RecordNotes } from "../scorm-record.js";
import { apiLog } from "./scorm-checks.js";
import { ScormVisit } from "./scorm-visit.js";
import { XapiLms } from "./xapi-visit.js";

const START_MS = 10_000;

/** The check a record quirk fails, by the field it changes: what, expected, what the LMS does. */
const KEPT: Record<keyof RecordNotes, [string, string, string]> = {
  raw: ["Score kept by the LMS", "the score the package wrote", "0 in the LMS's reports (status written first)"],
  completion: [
    "Completion left to the content",
    "the package decides completion",
    "the LMS marks it complete when the learner exits",
  ],
};

async function scormLaunch(ctx: ScenarioContext): Promise<ScenarioOutcome> {
  const standard = ctx.subject.launch.standard as ScormStandardId;
  const m = methods(standard);
  const checks = new Checks();
  const v = await ScormVisit.open(ctx);
  try {
    const started = await v.log.until((r) => r.calls.some((c) => c.method === m.init), START_MS);
    const shot = await v.learner.screenshot();
    if (!started.calls.some((c) => c.method === m.init)) {
      const lookups = await v.learner.lms<number>("coursepackTest.apiLookups()");
      if (lookups === 0)
        checks.warn(
          "Talks to the LMS",
          `looks for the SCORM API and calls ${m.init}`,
          "never looked for the API",
          "the package does not communicate with the LMS: it records no progress, status or score (content without tracking)",
        );
      else
        checks.add(
          "API found and session started",
          `${m.init} within ${START_MS / 1000} s`,
          `looked for the API ${lookups}× but never called ${m.init}`,
          false,
        );
      return { checks: checks.list, steps: v.learner.steps, log: apiLog(started), screenshot: shot };
    }
    await v.log.settled(1500, 8000);
    await v.learner.closeCourse();
    const record = await v.finished();
    lifecycleChecks(checks, standard, record, true, (bad) => refusalNote(ctx, standard, bad));
    const written = record.calls.filter((c) => c.method === m.set && c.result === "true").length;
    checks.add("Data written", "at least one value the LMS accepted", `${written} accepted`, written > 0);
    // What the SCO wrote is unknown, but whether this LMS keeps it as written is not: its record quirks.
    const { notes } = asRecorded(checks, ctx.profile, standard, record, ctx.subject.contentSetsCompletion);
    for (const field of Object.keys(notes) as (keyof RecordNotes)[]) {
      const [what, expected, recorded] = KEPT[field];
      checks.add(what, expected, recorded, false, notes[field]);
    }
    checks.none("Script errors", await v.learner.errors());
    return { checks: checks.list, steps: v.learner.steps, log: apiLog(record), screenshot: shot };
  } finally {
    await v.learner.end();
  }
}

/** Why the LMS refused those values, from the refusal quirks of its simulation, with their sources. */
function refusalNote(ctx: ScenarioContext, standard: ScormStandardId, bad: ApiCall[]): string {
  const elements = new Set(bad.map((c) => modelName(c.element ?? "")));
  const rules = (ctx.simulation?.quirks ?? []).filter(
    (q): q is RefuseQuirk => q.kind === "refuse" && q.standard === standard && q.elements.some((e) => elements.has(e)),
  );
  const why = rules.map((q) => `${describeQuirks({ ...ctx.simulation!, quirks: [q] }, standard)[0]} — ${q.source}`);
  return `${ctx.profile.name} answers these with an error and keeps none of them: the learner's data is lost there${why.length ? `. It refuses ${why.join("; ")}` : ""}`;
}

async function xapiLaunch(ctx: ScenarioContext): Promise<ScenarioOutcome> {
  const checks = new Checks();
  const lms = await XapiLms.start(ctx);
  const cmi5 = ctx.subject.launch.standard === "cmi5";
  try {
    const learner = await lms.visit();
    try {
      const started = await lms.stored("initialized", START_MS);
      const shot = await learner.screenshot();
      const any = lms.received().filter((l) => (l.statement.verb as { id?: string }).id !== VERBS.launched.id);
      if (!started && any.length === 0) {
        checks.add(
          "Statements sent",
          "an initialized statement",
          "none",
          !cmi5,
          cmi5 ? "a cmi5 AU must send initialized" : "the package sends no statements: it does not report to the LRS",
        );
        return { checks: checks.list, steps: learner.steps, log: lms.log(), screenshot: shot };
      }
      await learner.closeCourse();
      const ended = await lms.stored("terminated", 5000);
      checks.none(
        "Statements the LRS refused",
        lms
          .received()
          .filter((l) => !l.stored)
          .map((l) => `${l.status} ${l.warnings.join("; ")}`),
      );
      if (cmi5) checks.add("Session ended", "terminated", ended ? "terminated" : "no terminated statement", ended);
      else if (!ended)
        checks.warn(
          "Session ended",
          "terminated",
          "no terminated statement",
          "the LMS cannot tell when the session ended",
        );
      checks.none("Script errors", await learner.errors());
      return { checks: checks.list, steps: learner.steps, log: lms.log(), screenshot: shot };
    } finally {
      await learner.end();
    }
  } finally {
    await lms.close();
  }
}

export const thirdPartyScenario: Scenario = {
  id: "launch",
  title: "Launches and reports",
  about:
    "The LMS opens the package; it must find the LMS, start once, write data the LMS accepts and end once when the learner leaves.",
  run: (ctx) =>
    ctx.subject.launch.standard === "xapi" || ctx.subject.launch.standard === "cmi5"
      ? xapiLaunch(ctx)
      : scormLaunch(ctx),
};
