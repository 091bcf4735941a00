/**
 * xAPI (Tin Can launch) packages in headless Chromium against a real LRS: the local LMS launches
 * them with endpoint/auth/actor/registration/activity_id, serves the State API and forwards every
 * statement to xapi-statements, which validates and stores it.
 */
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openCourse, openPage, pauseClock, runClockUntil } from "../support/browser.js";
import { courseDataOf, currentPageId, goTo, takeCourse, takeQuiz } from "../support/learner.js";
import { COURSE_IRI, startLrsRig, type LrsRig } from "../support/lrs-setup.js";
import { expectValidStatements } from "../support/xapi-validation.js";

const ADL = "http://adlnet.gov/expapi/verbs/";
const ACTOR = { objectType: "Agent", name: "Jane Doe", mbox: "mailto:jane@example.com" };

let rig: LrsRig;
let browser: Browser;

beforeAll(async () => {
  [rig, browser] = await Promise.all([startLrsRig("xapi"), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

function launch(registration: string, actor: object = ACTOR): string {
  return rig.lms.tinCanLaunch({ contentUrl: rig.indexUrl, actor, registration, activityId: COURSE_IRI });
}

const open = (url: string) => openCourse(browser, url);

async function exitCourse(page: Page): Promise<void> {
  await page.locator('[data-action="exit"]').click();
  await page.locator('[data-notice="finished"]').waitFor();
}

const verbs = (statements: Record<string, unknown>[]) =>
  statements.map((s) => (s.verb as { id: string }).id.replace(ADL, ""));

const bookmarkIn = (registration: string) =>
  rig.lms.state(COURSE_IRI, ACTOR, registration, "coursepack.bookmark") as Record<string, unknown> | undefined;

/** Answers GETs of the bookmark with 503 while `fail()` says so; everything else reaches the LRS. */
async function failBookmarkReads(page: Page, fail: () => boolean): Promise<void> {
  await page.route(
    (url) => url.pathname.endsWith("/activities/state") && url.searchParams.get("stateId") === "coursepack.bookmark",
    (route) =>
      route.request().method() === "GET" && fail()
        ? route.fulfill({ status: 503, body: "unavailable", headers: { "access-control-allow-origin": "*" } })
        : route.continue(),
  );
}

describe("xAPI package", () => {
  it("reports a passed course: initialized, experienced, answered, passed, completed, terminated", async () => {
    const registration = randomUUID();
    const { page, errors } = await open(launch(registration));
    await takeCourse(page, 1);
    await exitCourse(page);
    const stored = await rig.lrs.statements(registration);
    expect(verbs(stored)).toEqual([
      "initialized",
      "experienced",
      "experienced",
      "answered",
      "answered",
      "answered",
      "passed",
      "completed",
      "terminated",
    ]);
    expectValidStatements(rig.lms.accepted(registration));
    for (const s of stored) {
      expect(s.actor).toMatchObject({ mbox: ACTOR.mbox });
      expect((s.context as { registration: string }).registration).toBe(registration);
    }
    const byVerb = (v: string) => stored.find((s) => (s.verb as { id: string }).id === ADL + v)!;
    expect(byVerb("initialized").object).toMatchObject({
      id: COURSE_IRI,
      definition: { type: "http://adlnet.gov/expapi/activities/course" },
    });
    expect(byVerb("experienced").object).toMatchObject({ id: `${COURSE_IRI}/lessons/welcome` });
    expect((byVerb("experienced").context as any).contextActivities.parent).toEqual([
      expect.objectContaining({ id: COURSE_IRI }),
    ]);
    const answered = byVerb("answered");
    expect(answered.object).toMatchObject({
      id: expect.stringMatching(`^${COURSE_IRI}/questions/`),
      definition: { type: "http://adlnet.gov/expapi/activities/cmi.interaction", interactionType: "choice" },
    });
    expect(answered.result).toMatchObject({
      success: true,
      response: expect.any(String),
      duration: expect.stringMatching(/^PT/),
    });
    expect((answered.context as any).contextActivities).toMatchObject({
      parent: [expect.objectContaining({ id: `${COURSE_IRI}/quizzes/check-your-understanding` })],
      grouping: [expect.objectContaining({ id: COURSE_IRI })],
    });
    expect(byVerb("passed").result).toMatchObject({
      success: true,
      completion: true,
      score: { scaled: 1, raw: 100, min: 0, max: 100 },
    });
    expect(byVerb("completed").result).toMatchObject({ completion: true });
    expect(byVerb("terminated").result).toMatchObject({ duration: expect.stringMatching(/^PT/) });
    expect(errors).toEqual([]);
  });

  it("reports a failed attempt with its score and completion stated truthfully", async () => {
    const registration = randomUUID();
    const { page, errors } = await open(launch(registration));
    await takeCourse(page, 0);
    await exitCourse(page);
    const stored = await rig.lrs.statements(registration);
    expect(verbs(stored)).toEqual([
      "initialized",
      "experienced",
      "experienced",
      "answered",
      "answered",
      "answered",
      "failed",
      "terminated",
    ]);
    const failed = stored.find((s) => (s.verb as { id: string }).id === `${ADL}failed`)!;
    expect(failed.result).toMatchObject({
      success: false,
      completion: false,
      score: { scaled: 0, raw: 0, min: 0, max: 100 },
    });
    expectValidStatements(rig.lms.accepted(registration));
    expect(errors).toEqual([]);
  });

  it("resumes from the State API bookmark in a fresh browser, scoped to the registration", async () => {
    const registration = randomUUID();
    const first = await open(launch(registration));
    await goTo(first.page, "writing-lessons");
    // Closing the page finishes the session: terminated and the bookmark go out with keepalive on pagehide.
    await first.page.close();
    await expect.poll(() => verbs(rig.lms.accepted(registration)).at(-1), { timeout: 10_000 }).toBe("terminated");
    await expect
      .poll(() => (rig.lms.state(COURSE_IRI, ACTOR, registration, "coursepack.bookmark") as any)?.state, {
        timeout: 10_000,
      })
      .toBeTruthy();

    // A new browser context has no localStorage: only the LRS can resume it.
    const second = await open(launch(registration));
    expect(await currentPageId(second.page)).toBe("writing-lessons");
    await second.page.locator('[data-notice="resumed"]').waitFor();

    // Another registration is another attempt: it starts at the beginning.
    const other = await open(launch(randomUUID()));
    expect(await currentPageId(other.page)).toBe("welcome");
    expect([...first.errors, ...second.errors, ...other.errors]).toEqual([]);
  });

  it("retries a failed read of the bookmark at launch, and resumes (issue 12)", async () => {
    const registration = randomUUID();
    const first = await open(launch(registration));
    await goTo(first.page, "writing-lessons");
    await first.page.close();
    await expect.poll(() => bookmarkIn(registration), { timeout: 10_000 }).toBeTruthy();

    // Another device (no local copy); the LRS answers the first read with 503.
    const { page, errors } = await openPage(browser);
    let failures = 1;
    await failBookmarkReads(page, () => failures-- > 0);
    await page.goto(launch(registration));
    await page.locator("html.cp-ready").waitFor({ timeout: 30_000 });
    expect(await currentPageId(page)).toBe("writing-lessons");
    await page.locator('[data-notice="resumed"]').waitFor();
    expect([...first.errors, ...errors]).toEqual([]);
  });

  it("never writes over the LRS's bookmark while it cannot be read, and tells the learner (issue 12)", async () => {
    const registration = randomUUID();
    const first = await open(launch(registration));
    await takeCourse(first.page, 1);
    await exitCourse(first.page);
    await expect.poll(() => bookmarkIn(registration), { timeout: 10_000 }).toBeTruthy();
    const saved = structuredClone(bookmarkIn(registration));

    const { page, errors } = await openPage(browser);
    await failBookmarkReads(page, () => true);
    await page.goto(launch(registration));
    await page.locator("html.cp-ready").waitFor({ timeout: 30_000 });
    await page.locator('[data-notice="state-unavailable"]').waitFor();
    expect(await currentPageId(page)).toBe("welcome");
    await goTo(page, "writing-lessons");
    await goTo(page, "summary");
    await exitCourse(page);
    // Exit is done (terminated stored, bookmark flushed): the LRS still holds the passed course.
    expect(verbs(rig.lms.accepted(registration)).at(-1)).toBe("terminated");
    expect(bookmarkIn(registration)).toEqual(saved);
    expect([...first.errors, ...errors]).toEqual([]);
  });

  it("loses nothing while the LRS is down for the first half of the session: each statement arrives once, in order", async () => {
    const registration = randomUUID();
    rig.lms.outage("unreachable");
    const { page, errors } = await open(launch(registration));
    await goTo(page, "writing-lessons");
    rig.lms.outage("lost-response");
    await page.locator('[data-notice="lms-error"]').waitFor({ timeout: 15_000 });
    const course = await courseDataOf(page);
    await goTo(page, course.pages.at(-1)!.id);
    await takeQuiz(page, course.pages.at(-1)!.id, 1);
    rig.lms.outage(undefined);
    await page.locator('[data-notice="lms-recovered"]').waitFor({ timeout: 40_000 });
    await page.locator('[data-nav="next"]').click();
    await exitCourse(page);

    const stored = await rig.lrs.statements(registration);
    expect(verbs(stored)).toEqual([
      "initialized",
      "experienced",
      "experienced",
      "answered",
      "answered",
      "answered",
      "passed",
      "completed",
      "terminated",
    ]);
    const ids = stored.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Stored in the order they were made.
    const times = stored.map((s) => String(s.timestamp));
    expect([...times].sort()).toEqual(times);
    // Some were stored while the LRS "lost" its answers, then sent again with the same ids.
    const arrivals = rig.lms.statements.filter((l) => (l.statement.context as any)?.registration === registration);
    expect(arrivals.length).toBeGreaterThan(ids.length);
    expectValidStatements(rig.lms.accepted(registration));
    expect(errors).toEqual([]);
  });

  it("sends what is left in one keepalive batch when the window closes", async () => {
    const registration = randomUUID();
    rig.lms.outage("unavailable");
    // On a paused clock the queue's backoff never ends by itself: nothing is retried between the
    // outage's end and the close, so everything is still left for the close to send.
    const { page, errors } = await openPage(browser);
    await pauseClock(page);
    await page.goto(launch(registration));
    await runClockUntil(page, () => page.locator("html.cp-ready").isVisible());
    await goTo(page, "writing-lessons");
    await runClockUntil(page, () => page.locator('[data-notice="lms-error"]').isVisible());
    rig.lms.outage(undefined);
    await page.close();
    await expect
      .poll(() => verbs(rig.lms.accepted(registration)), { timeout: 10_000 })
      .toEqual(["initialized", "experienced", "experienced", "terminated"]);
    // Only the pagehide flush sends several statements in one request.
    const log = rig.lms.statements.filter(
      (l) => (l.statement.context as any)?.registration === registration && l.stored,
    );
    const batch = log.filter((l) => log.filter((m) => m.request === l.request).length > 1);
    expect(batch.map((l) => (l.statement.verb as { id: string }).id.replace(ADL, ""))).toEqual([
      "initialized",
      "experienced",
      "experienced",
      "terminated",
    ]);
    expect(errors).toEqual([]);
  });

  it("keeps statements it could not deliver and sends them first at the next launch", async () => {
    const registration = randomUUID();
    rig.lms.outage("unavailable");
    const first = await open(launch(registration));
    await goTo(first.page, "writing-lessons");
    const statementRequests = () => rig.lms.requests.filter((r) => r.path.endsWith("/statements")).length;
    const beforeClose = statementRequests();
    await first.page.close();
    // The page's last flush (on pagehide) reaches the LRS and is refused: only then is "nothing
    // stored" final, and only then may the outage end.
    await expect.poll(statementRequests).toBeGreaterThan(beforeClose);
    expect(rig.lms.accepted(registration)).toEqual([]);
    rig.lms.outage(undefined);

    // Same browser profile (localStorage), next launch of the same registration.
    const second = await first.page.context().newPage();
    await second.goto(launch(registration));
    await second.locator("html.cp-ready").waitFor();
    await expect
      .poll(() => verbs(rig.lms.accepted(registration)), { timeout: 15_000 })
      .toEqual(["initialized", "experienced", "experienced", "terminated", "initialized"]);
    expect(first.errors).toEqual([]);
  });

  it("runs without an LMS: no launch parameters means localStorage and a notice", async () => {
    const { page, errors } = await open(rig.indexUrl);
    await page.locator('[data-notice="no-lms"]').waitFor();
    expect(errors).toEqual([]);
  });
});
