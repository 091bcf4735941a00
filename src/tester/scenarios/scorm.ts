/**
 * SCORM scenarios for a Coursepack course: the robot passes, fails with every attempt used, leaves
 * mid-quiz and comes back in a fresh browser, backgrounds the tab until it is killed, closes the LMS
 * window before the course's, and works through an LMS outage — each ending with what the LMS must
 * have recorded, compared with what reached its server.
 */
import type { ScormStandardId } from "../../shared/lms-quirks.js";
import { Checks } from "../checks.js";
import { resumed } from "./common.js";
import { expectedOutcome } from "../expected.js";
import type { LearnerView, ScormRecord } from "../protocol.js";
import { PHONE } from "../engines/engine.js";
import type { Scenario, ScenarioContext, ScenarioOutcome } from "../scenario.js";
import { asRecorded, lifecycleChecks } from "../scorm-record.js";
import { apiLog, outcomeChecks, suspendDataCheck } from "./scorm-checks.js";
import { ScormVisit } from "./scorm-visit.js";

const std = (ctx: ScenarioContext) => ctx.subject.launch.standard as ScormStandardId;
const firstQuiz = (ctx: ScenarioContext) => ctx.subject.course!.pages.find((p) => p.kind === "quiz")?.id;
const locationOf = (ctx: ScenarioContext, r: ScormRecord) =>
  asRecorded(new Checks(), ctx.profile, std(ctx), r, true).view;

async function visit(
  ctx: ScenarioContext,
  previous: ScormRecord["next"] | undefined,
  body: (v: ScormVisit) => Promise<void>,
): Promise<{ v: ScormVisit; shot: Buffer | undefined; errors: string[] }> {
  const v = await ScormVisit.open(ctx, previous);
  try {
    await body(v);
    return { v, shot: await v.learner.screenshot(), errors: await v.learner.errors() };
  } finally {
    await v.learner.end();
  }
}

function outcome(checks: Checks, steps: string[], record: ScormRecord, shot: Buffer | undefined): ScenarioOutcome {
  return { checks: checks.list, steps, log: apiLog(record), screenshot: shot };
}

type Visited = Awaited<ReturnType<typeof visit>>;

/**
 * The learner comes back in a fresh browser to what the LMS kept (`next`) and must find the page
 * and answers they left; the scenario's outcome, with the first visit's screenshot and `record`.
 */
async function comeBack(
  ctx: ScenarioContext,
  checks: Checks,
  first: Visited,
  left: LearnerView,
  record: ScormRecord,
  next: ScormRecord["next"],
): Promise<ScenarioOutcome> {
  const second = await visit(ctx, next, async (v) => {
    resumed(checks, left, await v.learner.do({ do: "view" }));
  });
  checks.none("Script errors in the course", [...first.errors, ...second.errors]);
  // A killed tab leaves no picture: the report shows the learner's return instead.
  return outcome(checks, [...first.v.learner.steps, ...second.v.learner.steps], record, first.shot ?? second.shot);
}

const finishedCourse = (pass: boolean): Scenario["run"] =>
  async function run(ctx) {
    const checks = new Checks();
    let record: ScormRecord | undefined;
    const { v, shot, errors } = await visit(ctx, undefined, async (v) => {
      await v.learner.do({ do: "take-course", correct: pass, attempts: pass ? "one" : "all" });
      await v.learner.do({ do: "exit" });
      record = await v.finished();
    });
    lifecycleChecks(checks, std(ctx), record!, false);
    outcomeChecks(checks, ctx, record!, expectedOutcome(ctx.subject.course!, pass));
    checks.none("Script errors in the course", errors);
    return outcome(checks, v.learner.steps, record!, shot);
  };

export const scormScenarios: Scenario[] = [
  {
    id: "pass",
    title: "Passes the course",
    about: "Every page, every answer right, Exit on the summary.",
    run: finishedCourse(true),
  },
  {
    id: "fail",
    title: "Fails with every attempt used",
    about: "Every answer wrong, the quiz retried until no attempt is left, Exit.",
    run: finishedCourse(false),
  },
  {
    id: "resume",
    title: "Leaves mid-quiz, resumes in a fresh browser",
    about: "Answers two quiz questions, closes the tab; comes back on another browser profile and finishes.",
    async run(ctx) {
      const checks = new Checks();
      let left: LearnerView | undefined;
      const first = await visit(ctx, undefined, async (v) => {
        left = await v.learner.do({ do: "start-quiz-and-answer", questions: 2 });
        await v.learner.closeTab();
        await v.finished();
      });
      const away = first.v.record;
      const view = asRecorded(checks, ctx.profile, std(ctx), away, ctx.subject.contentSetsCompletion);
      checks.add(
        "Session ended when the tab closed",
        "Terminate/LMSFinish once",
        `${away.calls.filter((c) => /^(LMSFinish|Terminate)$/.test(c.method)).length}×`,
        away.calls.some((c) => /^(LMSFinish|Terminate)$/.test(c.method)),
      );
      checks.equal("Exit while incomplete", "suspend", view.view.exit);
      checks.equal("Completion while incomplete", "incomplete", view.view.completion, view.notes.completion);
      checks.equal("Bookmark (location)", String(firstQuiz(ctx)), view.view.location);
      suspendDataCheck(checks, std(ctx), view.view.suspendData);
      let record: ScormRecord | undefined;
      const second = await visit(ctx, away.next, async (v) => {
        resumed(checks, left!, await v.learner.do({ do: "view" }));
        await v.learner.do({ do: "take-course", correct: true, attempts: "one" });
        await v.learner.do({ do: "exit" });
        record = await v.finished();
      });
      lifecycleChecks(checks, std(ctx), record!, false);
      outcomeChecks(checks, ctx, record!, expectedOutcome(ctx.subject.course!, true));
      checks.none("Script errors in the course", [...first.errors, ...second.errors]);
      return outcome(checks, [...first.v.learner.steps, ...second.v.learner.steps], record!, second.shot);
    },
  },
  {
    id: "background",
    title: "Tab backgrounded, then killed (mobile)",
    about:
      "On a phone's screen, views two pages, switches apps; the phone kills the tab; the learner comes back in a fresh browser.",
    viewport: PHONE,
    async run(ctx) {
      const checks = new Checks();
      let left: LearnerView | undefined;
      const first = await visit(ctx, undefined, async (v) => {
        left = await v.learner.do({ do: "view-lessons", count: 2 });
        await v.learner.do({ do: "hide" });
        await v.committed(
          (cmi) => locationOf(ctx, { committed: cmi, calls: [], next: null }).location === left!.page,
          3000,
        );
        await v.learner.kill();
      });
      const kept = first.v.record;
      const view = locationOf(ctx, kept);
      checks.equal(
        "Bookmark saved when the tab was hidden",
        String(left!.page),
        view.location,
        "the course must commit when it is hidden: a background tab may never get another chance",
      );
      checks.equal("Exit saved before the tab was killed", "suspend", view.exit);
      suspendDataCheck(checks, std(ctx), view.suspendData);
      return comeBack(ctx, checks, first, left!, kept, kept.next);
    },
  },
  {
    id: "lms-closed-first",
    title: "LMS window closed first",
    about:
      "The course runs in its own window; the learner closes the LMS window first, goes on, then closes the course.",
    async run(ctx) {
      const checks = new Checks();
      let left: LearnerView | undefined;
      let kept: ScormRecord | undefined;
      const first = await visit(ctx, undefined, async (v) => {
        left = await v.learner.do({ do: "view-lessons", count: 2 });
        kept = await v.committed(
          (cmi) => locationOf(ctx, { committed: cmi, calls: [], next: null }).location === left!.page,
          5000,
        );
        await v.learner.closeLmsWindowFirst();
        await v.learner.do({ do: "next" });
        checks.add("The course kept working without its LMS", "Next still moves on", "it did", true);
      });
      const view = locationOf(ctx, kept!);
      checks.equal("Progress the LMS kept (bookmark within 5 s of the page)", String(left!.page), view.location);
      return comeBack(ctx, checks, first, left!, first.v.record, kept!.next);
    },
  },
  {
    id: "commit-fails",
    title: "A commit fails, then the LMS recovers",
    about: "The LMS's server refuses commits while the learner reads on; it comes back; the learner passes.",
    async run(ctx) {
      const checks = new Checks();
      let record: ScormRecord | undefined;
      let during: LearnerView | undefined;
      const { v, shot, errors } = await visit(ctx, undefined, async (v) => {
        await v.learner.lms("coursepackTest.failCommits(1000)");
        during = await v.learner.do({ do: "view-lessons", count: 2 });
        const warned = await v.learner.do({ do: "wait-notice", notice: "lms-error", seconds: 15 });
        checks.add(
          "The learner is warned progress is not being saved",
          "a warning",
          warned.notices.includes("lms-error") ? "shown" : "none",
          true,
        );
        await v.learner.lms("coursepackTest.failCommits(0)");
        await v.learner.do({ do: "wait-notice", notice: "lms-recovered", seconds: 40 });
        const caught = await v.committed(
          (cmi) => locationOf(ctx, { committed: cmi, calls: [], next: null }).location === during!.page,
          5000,
        );
        checks.equal(
          "After recovery the LMS has the progress made during the outage",
          String(during!.page),
          locationOf(ctx, caught).location,
        );
        await v.learner.do({ do: "take-course", correct: true, attempts: "one" });
        await v.learner.do({ do: "exit" });
        record = await v.finished();
      });
      lifecycleChecks(
        checks,
        std(ctx),
        { ...record!, calls: record!.calls.filter((c) => !(/Commit$/.test(c.method) && c.result === "false")) },
        false,
      );
      outcomeChecks(checks, ctx, record!, expectedOutcome(ctx.subject.course!, true));
      checks.none("Script errors in the course", errors);
      return outcome(checks, v.learner.steps, record!, shot);
    },
  },
];
