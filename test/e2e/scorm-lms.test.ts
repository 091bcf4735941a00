/**
 * SCORM packages in a real browser against a strict LMS runtime: scorm-again hosted by the preview's
 * LMS page (src/preview/client) as the parent frame's API / API_1484_11. A learner passes, fails,
 * leaves mid-course and resumes, for both standards; the API is also found through window.opener
 * and two frames up; without an LMS the course still works; an LMS that refuses commits for a while
 * gets a visible warning and then the data.
 */
import { cp, writeFile, readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScormStandard } from "../../src/preview/client/scorm-lms.js";
import { scormIdentifier } from "../../src/runtime/tracking/scorm/identifiers.js";
import type { HostLaunch } from "../../src/preview/client/scorm-host.js";
import { launchBrowser, openPage, pauseClock, runClockUntil } from "../support/browser.js";
import {
  serveWithLms,
  commitsPerView,
  exitCourse,
  expectCleanSession,
  firstLaunch,
  launchScorm,
  lmsCalls,
  lmsCmi,
  lmsTerminated,
  nextSession,
  packageFrame,
  setIndex,
  type ScormSite,
} from "../support/scorm-lms.js";
import { buildInto, tempDir } from "../support/build.js";
import { courseDataOf, currentPageId, goTo, takeCourse, takeQuiz } from "../support/learner.js";
import type { StaticServer } from "../support/static-server.js";
import { copyStarter } from "../../src/cli/starter.js";

let browser: Browser;
let server: StaticServer;
/** The same course with the default SCORM 1.2 reporting pair, passed-incomplete. */
let defaultPairServer: StaticServer;
let courseId: string;

beforeAll(async () => {
  const base = await tempDir("scorm-lms");
  const dir = path.join(base, "course");
  await copyStarter(dir);
  await cp(dir, path.join(base, "default-pair"), { recursive: true });
  // passed-failed, so that a failed attempt is visible in SCORM 1.2 too (2004 always reports both).
  const file = path.join(dir, "course.yml");
  await writeFile(file, `${await readFile(file, "utf8")}\ntracking:\n  scorm12Status: passed-failed\n`);
  const [result, defaultPair] = await Promise.all([
    buildInto(dir, { formats: ["scorm12", "scorm2004"] }),
    buildInto(path.join(base, "default-pair"), { formats: ["scorm12"] }),
  ]);
  courseId = result.model.config.id;
  [server, defaultPairServer] = await Promise.all([serveWithLms(result.outDir), serveWithLms(defaultPair.outDir)]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await defaultPairServer?.close();
});

const packageUrl = (standard: ScormStandard) => `../${courseId}-${standard}/index.html`;

const site = (): ScormSite => ({ browser, hostUrl: `${server.url}/lms/scorm-host.html`, packageUrl });
const launch = (standard: ScormStandard, options: Omit<HostLaunch, "standard" | "src"> = {}) =>
  launchScorm(site(), standard, options);

describe.each(["scorm12", "scorm2004"] as const)("%s in a strict LMS", (standard) => {
  const is12 = standard === "scorm12";
  const el = (name12: string, name2004: string) => (is12 ? name12 : name2004);

  it("a learner who passes: score before status, interactions, objectives, at most one commit per lesson", async () => {
    const session = await launchScorm(site(), standard, { cmi: firstLaunch(standard) }, { clock: true });
    const { page, sco } = session;
    const course = await courseDataOf(sco);
    const lessons = course.pages.filter((p) => p.kind === "lesson");
    // Steady state: once the launch commit is done, each lesson viewed costs at most one commit, even
    // when the learner stays on it past the runtime's commit delay.
    const lessonCommits = await commitsPerView(
      session,
      lessons.slice(1).map((lesson) => () => goTo(sco, lesson.id)),
    );
    expect(lessonCommits).toBeGreaterThanOrEqual(1);
    expect(lessonCommits).toBeLessThanOrEqual(lessons.length - 1);

    await goTo(sco, course.pages[0]!.id);
    await takeCourse(sco, 1);
    await exitCourse(session);
    // In a frame the LMS's page is around the course: closing "this window" would close the LMS.
    expect(await sco.locator('[data-notice="finished"]').textContent()).toContain(
      "You can now leave the course in your learning system.",
    );
    const calls = await lmsCalls(page);
    expectCleanSession(standard, calls);
    const cmi = await lmsCmi(page);
    const quiz = course.pages.find((p) => p.kind === "quiz")!;
    if (is12) {
      expect(cmi.core).toMatchObject({
        lesson_status: "passed",
        lesson_location: "summary",
        exit: "",
        score: { raw: "100", min: "0", max: "100" },
      });
      expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
    } else {
      expect(cmi).toMatchObject({
        completion_status: "completed",
        success_status: "passed",
        progress_measure: "1",
        location: "summary",
        exit: "normal",
        score: { raw: "100", min: "0", max: "100", scaled: "1" },
      });
      expect(cmi.session_time).toMatch(/^PT/);
      // Navigation requests only when the course asks (tracking.navigationRequests).
      expect(calls.filter((c) => c.element === "adl.nav.request")).toEqual([]);
    }
    expect(cmi.suspend_data).toMatch(/^[A-Za-z0-9+\-$]+$/);
    // Score before status (checklist #21).
    const status = el("cmi.core.lesson_status", "cmi.success_status");
    const passedAt = calls.findIndex((c) => /SetValue$/.test(c.method) && c.element === status && c.value === "passed");
    expect(setIndex(calls, el("cmi.core.score.raw", "cmi.score.raw"))).toBeLessThan(passedAt);
    if (!is12) expect(setIndex(calls, "cmi.score.scaled")).toBeLessThan(passedAt);
    // One interaction per graded answer, in the standard's format.
    const interactions = Object.values(cmi.interactions) as Record<string, any>[];
    const questions = course.quizzes[quiz.id]!.banks.flatMap((b) => b.questions);
    expect(interactions).toHaveLength(questions.length);
    for (const [i, interaction] of interactions.entries()) {
      const q = course.questions[questions[i]!]!;
      expect(interaction.type).toBe("choice");
      expect(interaction.result).toBe("correct");
      if (is12) {
        expect(interaction.id).toBe(q.id);
        expect(interaction.student_response).toMatch(/^[a-z0-9](,[a-z0-9])*$/);
        expect(interaction.correct_responses["0"].pattern).toBe(interaction.student_response);
        expect(interaction.time).toMatch(/^\d\d:\d\d:\d\d$/);
      } else {
        // Letters and digits only: Moodle and Forma refuse '-' (issue 12).
        expect(interaction.id).toBe(scormIdentifier(q.id));
        expect(interaction.learner_response).toBe(
          q.type === "single" || q.type === "multiple"
            ? q.choices
                .filter((c) => c.correct)
                .map((c) => scormIdentifier(c.id))
                .join("[,]")
            : "",
        );
        expect(interaction.description).toBe(q.text);
        expect(interaction.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
      expect(interaction.weighting).toBe("1");
      expect(interaction.latency).not.toBe("");
    }
    // One objective per lesson and per quiz.
    const objectives = Object.values(cmi.objectives) as Record<string, any>[];
    expect(objectives).toHaveLength(course.pages.length);
    const quizObjective = objectives.find((o) => o.id === (is12 ? quiz.id : scormIdentifier(quiz.id)))!;
    if (is12) expect(quizObjective).toMatchObject({ status: "passed", score: { raw: "100" } });
    else
      expect(quizObjective).toMatchObject({
        success_status: "passed",
        completion_status: "completed",
        score: { scaled: "1" },
      });
    expect(session.errors).toEqual([]);
    await page.close();
  });

  it("a learner who fails: failed reported, suspended for another attempt", async () => {
    const session = await launch(standard, { cmi: firstLaunch(standard) });
    const course = await takeCourse(session.sco, 0);
    // Attempts are left: the course is not complete, and the progress bar does not say all is done.
    expect(await session.sco.locator('[data-summary="completion"]').textContent()).toBe(
      "This course is not complete yet.",
    );
    expect(await session.sco.locator(".progress-text").textContent()).toBe(
      `${course.pages.length - 1} of ${course.pages.length} done`,
    );
    await exitCourse(session);
    expectCleanSession(standard, await lmsCalls(session.page));
    const cmi = await lmsCmi(session.page);
    if (is12) expect(cmi.core).toMatchObject({ lesson_status: "failed", exit: "suspend", score: { raw: "0" } });
    else
      expect(cmi).toMatchObject({
        completion_status: "incomplete",
        success_status: "failed",
        exit: "suspend",
        score: { raw: "0", scaled: "0" },
      });
    for (const interaction of Object.values(cmi.interactions) as Record<string, any>[])
      expect(interaction.result).toBe(is12 ? "wrong" : "incorrect");
    await session.page.close();
  });

  it("a learner who leaves mid-quiz resumes where they were, with their answer", async () => {
    const first = await launch(standard, { cmi: firstLaunch(standard) });
    const course = await courseDataOf(first.sco);
    const quiz = course.pages.find((p) => p.kind === "quiz")!;
    await goTo(first.sco, quiz.id);
    await first.sco.locator(`section[data-page="${quiz.id}"] [data-quiz-action="start"]`).click();
    const firstQuestion = first.sco.locator(`section[data-page="${quiz.id}"] [data-question]:not([hidden])`);
    const questionId = (await firstQuestion.getAttribute("data-question"))!;
    await firstQuestion.locator("input").first().check();
    // The LMS closes the content frame: pagehide must finish the session, once, with exit=suspend.
    await first.page.evaluate(() => document.querySelector<HTMLIFrameElement>("#stage iframe")!.remove());
    await expect.poll(() => lmsTerminated(first.page)).toBe(true);
    const calls = await lmsCalls(first.page);
    expectCleanSession(standard, calls);
    const saved = await nextSession(first.page);
    const cmi = saved.cmi as Record<string, any>;
    expect(is12 ? cmi.core.lesson_location : cmi.location).toBe(quiz.id);
    expect(calls.filter((c) => c.element === el("cmi.core.exit", "cmi.exit")).at(-1)?.value).toBe("suspend");
    await first.page.close();

    const second = await launch(standard, { cmi: saved });
    expect(await currentPageId(second.sco)).toBe(quiz.id);
    await second.sco.locator('[data-notice="resumed"]').waitFor();
    const section = second.sco.locator(`section[data-page="${quiz.id}"]`);
    expect(await section.locator(`[data-question="${questionId}"] input`).first().isChecked()).toBe(true);
    // Finish the course: lessons were viewed in session 1, only the quiz is left.
    for (const lesson of course.pages.filter((p) => p.kind === "lesson")) await goTo(second.sco, lesson.id);
    // "Welcome back" greeted the resumed page and is gone once the learner moved on.
    expect(await second.sco.locator('[data-notice="resumed"]').count()).toBe(0);
    await goTo(second.sco, quiz.id);
    await section.locator('[data-quiz-action="submit"]').waitFor({ state: "attached" });
    await second.sco.locator('.menu a[data-page="summary"]').click();
    await exitCourse(second);
    expectCleanSession(standard, await lmsCalls(second.page));
    const after = await lmsCmi(second.page);
    expect(is12 ? after.core.lesson_status : after.completion_status).toBe("incomplete");
    // Objectives saved in session 1 keep their slots: one per page (the quiz's since it was started), no duplicates.
    const objectiveIds = Object.values(after.objectives as Record<string, { id: string }>).map((o) => o.id);
    expect(new Set(objectiveIds).size).toBe(course.pages.length);
    expect(objectiveIds).toHaveLength(course.pages.length);
    expect(second.errors).toEqual([]);
    await second.page.close();
  });

  it("uses the LMS's pass mark over the course's (checklist #24)", async () => {
    const mastery = is12 ? { student_data: { mastery_score: "50" } } : { scaled_passing_score: "0.5" };
    const cmi = firstLaunch(standard);
    Object.assign(cmi.cmi, mastery);
    const session = await launch(standard, { cmi });
    await takeCourse(session.sco, 2 / 3);
    await exitCourse(session);
    const result = await lmsCmi(session.page);
    if (is12) expect(result.core).toMatchObject({ lesson_status: "passed", score: { raw: "66.67" } });
    else
      expect(result).toMatchObject({
        success_status: "passed",
        completion_status: "completed",
        score: { raw: "66.67", scaled: "0.6667" },
      });
    await session.page.close();
  });

  it("records nothing in review mode (checklist #16)", async () => {
    const session = await launch(standard, {
      cmi: firstLaunch(standard, is12 ? { lesson_mode: "review" } : { mode: "review" }),
    });
    await session.sco.locator('[data-notice="review"]').waitFor();
    await takeCourse(session.sco, 1);
    await exitCourse(session);
    const calls = await lmsCalls(session.page);
    expectCleanSession(standard, calls);
    const written = calls.filter((c) => /SetValue$/.test(c.method)).map((c) => c.element);
    expect([...new Set(written)]).toEqual([el("cmi.core.session_time", "cmi.session_time")]);
    await session.page.close();
  });
});

describe("SCORM 1.2 with the default reporting pair (passed-incomplete)", () => {
  it("a learner who fails every allowed attempt ends as failed, which the LMS can tell from unfinished", async () => {
    const session = await launchScorm(
      { browser, hostUrl: `${defaultPairServer.url}/lms/scorm-host.html`, packageUrl },
      "scorm12",
      { cmi: firstLaunch("scorm12") },
    );
    const course = await courseDataOf(session.sco);
    expect(course.tracking.scorm12Status).toBe("passed-incomplete");
    const quiz = course.pages.find((p) => p.kind === "quiz")!;
    const attempts = course.quizzes[quiz.id]!.attempts;
    for (const p of course.pages) await goTo(session.sco, p.id);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await takeQuiz(session.sco, quiz.id, 0, attempt === 1 ? "start" : "retry");
      if (attempt === 1) {
        // Score and status are written together: with attempts left, failing is not final.
        await expect.poll(async () => (await lmsCmi(session.page)).core.score?.raw).toBe("0");
        expect((await lmsCmi(session.page)).core.lesson_status).toBe("incomplete");
      }
    }
    await exitCourse(session);
    expectCleanSession("scorm12", await lmsCalls(session.page));
    expect((await lmsCmi(session.page)).core).toMatchObject({ lesson_status: "failed", exit: "", score: { raw: "0" } });
    await session.page.close();
  });
});

describe("LMS discovery and failures", () => {
  it("finds the API in window.opener (popup launch, checklist #11)", async () => {
    const session = await launch("scorm2004", { launch: "popup", cmi: firstLaunch("scorm2004") });
    await session.sco.locator('[data-nav="next"]').click();
    // The LMS owns the window's history: an LMS package gives its pages no addresses (page-addresses.ts).
    expect(new URL(session.sco.url()).hash).toBe("");
    await exitCourse(session);
    expect(await session.sco.locator('[data-notice="finished"]').textContent()).toContain(
      "You can now close this window.",
    );
    expectCleanSession("scorm2004", await lmsCalls(session.page));
    expect((await lmsCmi(session.page)).location).not.toBe("");
    await session.page.close();
  });

  it("finds the API two frames up", async () => {
    const session = await launch("scorm12", { launch: "nested", cmi: firstLaunch("scorm12") });
    expect(session.sco.parentFrame()?.parentFrame()).toBe(session.page.mainFrame());
    await exitCourse(session);
    expectCleanSession("scorm12", await lmsCalls(session.page));
    await session.page.close();
  });

  it("works without an LMS and says progress is not recorded (checklist #12)", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/${courseId}-scorm2004/index.html`);
    await page.locator('[data-notice="no-lms"]').waitFor();
    const first = await currentPageId(page);
    await page.locator('[data-nav="next"]').click();
    expect(await currentPageId(page)).not.toBe(first);
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("coursepack:")))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("warns while the LMS refuses commits, retries, and recovers (checklist #17, #34)", async () => {
    const { page } = await openPage(browser);
    // The retries back off over seconds; on the fake clock they happen without waiting.
    await pauseClock(page);
    await page.goto(`${server.url}/lms/scorm-host.html`);
    await page.evaluate(
      (o) => {
        window.coursepackLms.launch(o).failCommits(2);
      },
      { standard: "scorm12" as const, src: packageUrl("scorm12"), cmi: firstLaunch("scorm12") },
    );
    const sco = await packageFrame(page);
    await sco.locator("html.cp-ready").waitFor();
    // The first commit and its retry fail: the learner is warned; a later retry succeeds.
    await runClockUntil(page, () => sco.locator('[data-notice="lms-error"]').isVisible());
    await runClockUntil(page, () => sco.locator('[data-notice="lms-recovered"]').isVisible());
    const commits = (await lmsCalls(page)).filter((c) => c.method === "LMSCommit").map((c) => c.result);
    expect(commits.slice(0, 3)).toEqual(["false", "false", "true"]);
    expect((await lmsCmi(page)).core.lesson_status).toBe("incomplete");
    await page.close();
  });
});
