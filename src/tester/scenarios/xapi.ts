/**
 * xAPI (Tin Can launch) and cmi5 scenarios for a Coursepack course, the same learner stories as
 * for SCORM — pass, fail, leave and resume, background and kill, LMS window closed first, an LRS
 * outage — judged on what the LRS stored for the learner's registration.
 */
import { moveOnSatisfied } from "../../shared/cmi5-contract.js";
import { VERBS } from "../../shared/xapi-vocabulary.js";
import type { Cmi5Launch } from "../../validator/launch.js";
import { Checks } from "../checks.js";
import { resumed } from "./common.js";
import { expectedOutcome, type Outcome } from "../expected.js";
import type { Learner } from "../learner.js";
import type { LearnerView } from "../protocol.js";
import { PHONE } from "../engines/engine.js";
import type { Scenario, ScenarioContext, ScenarioOutcome } from "../scenario.js";
import { XapiLms } from "./xapi-visit.js";

const verbOf = (s: Record<string, unknown>) => (s.verb as { id?: string } | undefined)?.id ?? "";

/** The registration's statements as an LMS judges them, after a learner passed or failed. */
function outcomeChecks(checks: Checks, ctx: ScenarioContext, lms: XapiLms, outcome: Outcome): void {
  const received = lms.received();
  const stored = received.filter((l) => l.stored).map((l) => l.statement);
  const fromContent = stored.filter((s) => verbOf(s) !== VERBS.launched.id);
  checks.none(
    "Statements the LRS refused",
    received
      .filter((l) => !l.stored)
      .map((l) => `${verbOf(l.statement).split("/").pop()}: ${l.status} ${l.warnings.join("; ")}`),
  );
  checks.equal(
    "First statement",
    "initialized",
    verbOf(fromContent[0] ?? {})
      .split("/")
      .pop(),
  );
  checks.equal(
    "Last statement",
    "terminated",
    verbOf(fromContent.at(-1) ?? {})
      .split("/")
      .pop(),
  );
  const summary = lms.summary();
  checks.equal("Completed", String(outcome.completed), String(summary.completed));
  if (outcome.assessed) {
    checks.equal(
      "Passed or failed",
      outcome.passed ? "passed" : "failed",
      summary.passed === null ? "neither" : summary.passed ? "passed" : "failed",
    );
    checks.equal("Scaled score", String((outcome.score ?? 0) / 100), String(summary.scaled));
  }
  // Graded answers only (a result with success), as SCORM counts correct/wrong interactions: a
  // scenario's choices are "answered" too, without success, and so are ungraded survey questions.
  const answers = stored.filter(
    (s) =>
      verbOf(s) === VERBS.answered.id && typeof (s.result as { success?: unknown } | undefined)?.success === "boolean",
  );
  const withResponse = answers.filter(
    (s) => typeof (s.result as { response?: unknown } | undefined)?.response === "string",
  );
  checks.add(
    "Answers recorded (graded answered statements with their responses)",
    String(outcome.answers),
    `${answers.length}, ${withResponse.length} with a response`,
    answers.length === outcome.answers && withResponse.length === outcome.answers,
  );
  checks.add(
    "Bookmark saved (State API)",
    "a document",
    summary.documents.map((d) => d.id).join(", ") || "none",
    summary.documents.some((d) => d.id !== "LMS.LaunchData"),
  );
  const launch = ctx.subject.launch;
  if (launch.standard === "cmi5") {
    const satisfied = moveOnSatisfied((launch as Cmi5Launch).moveOn, {
      completed: outcome.completed,
      passed: outcome.passed,
    });
    checks.equal(
      `moveOn (${(launch as Cmi5Launch).moveOn}) satisfied`,
      String(satisfied),
      String(summary.moveOn?.satisfied),
    );
  }
}

async function visit(
  lms: XapiLms,
  body: (l: Learner) => Promise<void>,
): Promise<{ learner: Learner; shot: Buffer | undefined; errors: string[] }> {
  const learner = await lms.visit();
  try {
    await body(learner);
    return { learner, shot: await learner.screenshot(), errors: await learner.errors() };
  } finally {
    await learner.end();
  }
}

/** Runs a scenario with its own LMS/LRS, closed afterwards. */
function scenario(
  run: (ctx: ScenarioContext, lms: XapiLms, checks: Checks) => Promise<{ steps: string[]; shot: Buffer | undefined }>,
): Scenario["run"] {
  return async (ctx): Promise<ScenarioOutcome> => {
    const lms = await XapiLms.start(ctx);
    const checks = new Checks();
    try {
      const { steps, shot } = await run(ctx, lms, checks);
      return { checks: checks.list, steps, log: lms.log(), screenshot: shot };
    } finally {
      await lms.close();
    }
  };
}

const finishedCourse = (pass: boolean) =>
  scenario(async (ctx, lms, checks) => {
    const { learner, shot, errors } = await visit(lms, async (l) => {
      await l.do({ do: "take-course", correct: pass, attempts: pass ? "one" : "all" });
      await l.do({ do: "exit" });
      await lms.stored("terminated", 5000);
    });
    outcomeChecks(checks, ctx, lms, expectedOutcome(ctx.subject.course!, pass));
    checks.none("Script errors in the course", errors);
    return { steps: learner.steps, shot };
  });

/** A second visit that checks the resume, then passes the course. */
async function comeBackAndPass(ctx: ScenarioContext, lms: XapiLms, checks: Checks, left: LearnerView) {
  return visit(lms, async (l) => {
    resumed(checks, left, await l.do({ do: "view" }));
    await l.do({ do: "take-course", correct: true, attempts: "one" });
    await l.do({ do: "exit" });
    await lms.stored("terminated", 5000);
  }).then((second) => {
    outcomeChecks(checks, ctx, lms, expectedOutcome(ctx.subject.course!, true));
    return second;
  });
}

/**
 * A visit that leaves mid-course (`leave` returns what the learner saw last), then a fresh browser
 * that resumes and passes; the report shows the return (a killed tab leaves no picture).
 */
async function leaveAndComeBack(
  ctx: ScenarioContext,
  lms: XapiLms,
  checks: Checks,
  leave: (l: Learner) => Promise<LearnerView>,
) {
  let left: LearnerView | undefined;
  const first = await visit(lms, async (l) => {
    left = await leave(l);
  });
  const second = await comeBackAndPass(ctx, lms, checks, left!);
  checks.none("Script errors in the course", [...first.errors, ...second.errors]);
  return { steps: [...first.learner.steps, ...second.learner.steps], shot: second.shot };
}

export const xapiScenarios: Scenario[] = [
  {
    id: "pass",
    title: "Passes the course",
    about: "Every page, every answer right, Exit on the summary.",
    run: finishedCourse(true),
  },
  {
    id: "fail",
    title: "Fails with every attempt used",
    about: "Every answer wrong until no attempt is left, Exit.",
    run: finishedCourse(false),
  },
  {
    id: "resume",
    title: "Leaves mid-quiz, resumes in a fresh browser",
    about:
      "Answers two quiz questions, closes the tab; a new launch of the same registration on another browser profile.",
    run: scenario((ctx, lms, checks) =>
      leaveAndComeBack(ctx, lms, checks, async (l) => {
        const left = await l.do({ do: "start-quiz-and-answer", questions: 2 });
        const saved = lms.bookmarkSaved(5000);
        await l.closeTab();
        checks.add("Bookmark saved as the tab closed", "saved", (await saved) ? "saved" : "not saved", true);
        return left;
      }),
    ),
  },
  {
    id: "background",
    title: "Tab backgrounded, then killed (mobile)",
    about:
      "On a phone's screen, views two pages, switches apps; the phone kills the tab before it can send more; a fresh browser resumes.",
    viewport: PHONE,
    run: scenario((ctx, lms, checks) =>
      leaveAndComeBack(ctx, lms, checks, async (l) => {
        const left = await l.do({ do: "view-lessons", count: 2 });
        const saved = lms.bookmarkSaved(5000);
        await l.do({ do: "hide" });
        checks.add(
          "Bookmark saved when the tab was hidden",
          "saved",
          (await saved) ? "saved" : "not saved",
          await saved,
          "the course must save when it is hidden: a background tab may never get another chance",
        );
        lms.lrs.outage("unreachable");
        await l.kill();
        lms.lrs.outage(undefined);
        return left;
      }),
    ),
  },
  {
    id: "lms-closed-first",
    title: "LMS window closed first",
    about: "The course runs in its own window; the learner closes the LMS window first and goes on to the end.",
    run: scenario(async (ctx, lms, checks) => {
      const { learner, shot, errors } = await visit(lms, async (l) => {
        await l.do({ do: "view-lessons", count: 2 });
        await l.closeLmsWindowFirst();
        await l.do({ do: "take-course", correct: true, attempts: "one" });
        await l.do({ do: "exit" });
        await lms.stored("terminated", 5000);
      });
      outcomeChecks(checks, ctx, lms, expectedOutcome(ctx.subject.course!, true));
      checks.none("Script errors in the course", errors);
      return { steps: learner.steps, shot };
    }),
  },
  {
    id: "commit-fails",
    title: "The LRS fails, then recovers",
    about: "The LRS answers 503 while the learner reads on; it comes back; nothing sent in between is lost.",
    run: scenario(async (ctx, lms, checks) => {
      const { learner, shot, errors } = await visit(lms, async (l) => {
        // The outage starts once the course runs, as the scenario says; the runtime's tests cover an
        // LRS that fails at launch (test/e2e/cmi5.test.ts).
        await l.do({ do: "view" });
        lms.lrs.outage("unavailable");
        await l.do({ do: "view-lessons", count: 2 });
        const warned = await l.do({ do: "wait-notice", notice: "lms-error", seconds: 20 });
        checks.add(
          "The learner is warned progress is not being saved",
          "a warning",
          warned.notices.includes("lms-error") ? "shown" : "none",
          true,
        );
        lms.lrs.outage(undefined);
        await l.do({ do: "wait-notice", notice: "lms-recovered", seconds: 40 });
        await l.do({ do: "take-course", correct: true, attempts: "one" });
        await l.do({ do: "exit" });
        await lms.stored("terminated", 5000);
      });
      outcomeChecks(checks, ctx, lms, expectedOutcome(ctx.subject.course!, true));
      checks.none("Script errors in the course", errors);
      return { steps: learner.steps, shot };
    }),
  },
];
