/**
 * `coursepack report` end to end: robot learners with known answer patterns take the default
 * course's xAPI package in Chromium, through the real runtime and the local LMS, into a real LRS
 * (xapi-statements); then the command reads the statements back over HTTP and its figures must
 * be what the robots did.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/report/figures.js";
import type { CourseData } from "../../src/shared/course-data.js";
import { launchBrowser, openCourse } from "../support/browser.js";
import { CONTENT_DIR, tempDir } from "../support/build.js";
import { coursepack } from "../support/cli.js";
import { answerQuestion, courseDataOf, goTo } from "../support/learner.js";
import { startLrsRig, type LrsRig } from "../support/lrs-setup.js";

const COURSE_IRI = "https://learning.example.com/courses/sales-manager-training";

let rig: LrsRig;
let browser: Browser;
let course: CourseData;
/** The HTML report the last test wrote. */
let out = "";

/** What each robot answered in its first attempt: question id → right. */
const firstAnswers = new Map<string, boolean[]>();

beforeAll(async () => {
  [rig, browser] = await Promise.all([startLrsRig("xapi", CONTENT_DIR), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

async function open(name: string): Promise<Page> {
  const actor = { objectType: "Agent", name, mbox: `mailto:${name}@example.com` };
  const url = rig.lms.tinCanLaunch({
    contentUrl: rig.indexUrl,
    actor,
    registration: randomUUID(),
    activityId: COURSE_IRI,
  });
  const { page, errors } = await openCourse(browser, url);
  page.on("close", () => expect(errors).toEqual([]));
  course = await courseDataOf(page);
  return page;
}

/** One quiz attempt, answering question i right when `right(i)`; returns [question, right] pairs. */
async function attempt(page: Page, quizId: string, right: (i: number) => boolean, retry = false) {
  const section = page.locator(`section.page[data-page="${quizId}"]`);
  if (!retry) await goTo(page, quizId);
  await section.locator(`[data-quiz-action="${retry ? "retry" : "start"}"]`).click();
  const quiz = course.quizzes[quizId]!;
  const total = quiz.banks.reduce((n, b) => n + Math.min(b.draw, b.questions.length), 0);
  const answers: [string, boolean][] = [];
  for (let i = 0; i < total; i++) {
    const id = (await section.locator("[data-question]:not([hidden])").getAttribute("data-question"))!;
    await answerQuestion(page, course.questions[id]!, right(i));
    answers.push([id, right(i)]);
    if (quiz.feedback === "immediate") await section.locator('[data-quiz-action="forward"]:not([hidden])').click();
    if (i < total - 1) await section.locator('[data-quiz-action="forward"]').click();
  }
  await section.locator('[data-quiz-action="submit"]').click();
  await section.locator('[data-quiz-screen="results"]:not([hidden])').waitFor();
  return answers;
}

function remember(answers: [string, boolean][]): void {
  for (const [id, right] of answers) firstAnswers.set(id, [...(firstAnswers.get(id) ?? []), right]);
}

async function readLessons(page: Page, count: number): Promise<void> {
  const lessons = course.pages.filter((p) => p.kind === "lesson").slice(0, count);
  for (const lesson of lessons) await goTo(page, lesson.id);
}

async function exit(page: Page): Promise<void> {
  await goTo(page, "summary");
  await page.locator('[data-action="exit"]').click();
  await page.locator('[data-notice="finished"]').waitFor();
  await page.close();
}

/** The report rounds shares to four decimals. */
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

const quizId = () => course.pages.find((p) => p.kind === "quiz")!.id;

describe("coursepack report against a real LRS", () => {
  // A learner's walk through eight lessons and a 16-question quiz takes a while on a busy machine.
  const WALK_MS = 240_000;

  it("robot 1 reads every lesson and answers everything right", { timeout: WALK_MS }, async () => {
    const ace = await open("ace");
    await readLessons(ace, 99);
    remember(await attempt(ace, quizId(), () => true));
    await exit(ace);
  });

  it("robot 2 reads every lesson and answers every other question right", { timeout: WALK_MS }, async () => {
    const half = await open("half");
    await readLessons(half, 99);
    remember(await attempt(half, quizId(), (i) => i % 2 === 0));
    await exit(half);
  });

  it("robot 3 fails the quiz with every answer wrong, then passes it", { timeout: WALK_MS }, async () => {
    const retry = await open("retry");
    await readLessons(retry, 99);
    remember(await attempt(retry, quizId(), () => false));
    await attempt(retry, quizId(), () => true, true);
    await exit(retry);
  });

  it("robot 4 reads three lessons and leaves", { timeout: WALK_MS }, async () => {
    const dropout = await open("dropout");
    await readLessons(dropout, 3);
    await exit(dropout);
  });

  it("reads the statements back over HTTP and reports what the robots did", { timeout: 120_000 }, async () => {
    out = path.join(await tempDir("report-e2e"), "report.html");
    const run = await coursepack(["report", CONTENT_DIR, "--lrs", rig.lrs.endpoint, "--json", "-o", out], {
      env: { COURSEPACK_LRS_USERNAME: "coursepack-tests", COURSEPACK_LRS_PASSWORD: "secret" },
    });
    expect(run.stderr).toContain("report.html");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    const lessons = course.pages.filter((p) => p.kind === "lesson");

    expect(report.learners).toBe(4);
    expect(report.source).toMatchObject({ kind: "lrs", ignored: 0 });
    expect(report.funnel.steps.map((s) => s.learners)).toEqual([4, 4, 4, 4, ...lessons.slice(3).map(() => 3), 3, 2]);
    expect(report.funnel.dropOff).toMatchObject({ after: lessons[2]!.id, before: lessons[3]!.id, lost: 1 });
    // Every lesson visit is timed: it ends with the learner's next statement.
    for (const [i, lesson] of report.lessons.entries())
      expect(lesson.minutes?.n, lesson.id).toBe(report.funnel.steps[i + 1]!.learners);

    // ace 100 %, half 50 %, retry 0 % then 100 % (the last score counts).
    expect(report.scores).toMatchObject({ learners: 3, passed: 2, failed: 1 });
    expect(report.scores.summary).toMatchObject({ min: 50, median: 100, max: 100 });
    const quiz = report.quizzes[0]!;
    expect(quiz.attempts).toEqual([
      { attempts: 1, learners: 2 },
      { attempts: 2, learners: 1 },
    ]);

    // Item figures from first attempts: exactly the robots' answers.
    const answered = quiz.items.filter((i) => i.respondents > 0);
    expect(Object.fromEntries(answered.map((i) => [i.id, [i.respondents, i.difficulty]]))).toEqual(
      Object.fromEntries(
        [...firstAnswers].map(([id, rights]) => [
          id,
          [rights.length, round4(rights.filter(Boolean).length / rights.length)],
        ]),
      ),
    );
    for (const item of answered) {
      const q = course.questions[item.id]!;
      expect(item.text).toBe(q.text);
      expect(item.meanSeconds).not.toBeNull();
      if (q.type === "single") {
        const correct = item.options.find((o) => o.correct)!;
        expect(correct.chosen).toBe(firstAnswers.get(item.id)!.filter(Boolean).length);
      }
    }
    const html = await readFile(out, "utf8");
    expect(html).toContain("<svg");
    // Self-contained: nothing to run, nothing to fetch.
    expect(html).not.toMatch(/<script|<link|(src|href)="https?:|url\(|@import/);
  });

  it("the page names its charts for screen readers and prints their data tables", async () => {
    const page = await browser.newPage();
    await page.goto(`file://${out}`);
    const charts = page.locator("figure svg");
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const svg of await charts.all()) {
      expect(await svg.getAttribute("aria-label")).toBeTruthy();
      expect(await svg.getAttribute("aria-description")).toBeTruthy();
    }
    const data = page.locator("figure details.data table").first();
    expect(await data.isVisible()).toBe(false);
    await page.emulateMedia({ media: "print" });
    expect(await data.isVisible()).toBe(true);
    await page.close();
  });
});
