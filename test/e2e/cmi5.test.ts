/**
 * cmi5 packages in headless Chromium: the local LMS creates launch sessions (fetch URL,
 * LMS.LaunchData, learner preferences, "launched"), forwards statements to a real LRS
 * (xapi-statements) and enforces "nothing after terminated". Checks the AU flow and the
 * statement rules of the cmi5 spec (§8–§11) for every moveOn value and each launch mode.
 */
import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cmi5LaunchOptions, MoveOn } from "../../src/preview/server/lrs/index.js";
import { launchBrowser, openCourse } from "../support/browser.js";
import { currentPageId, goTo, takeCourse } from "../support/learner.js";
import { COURSE_IRI, startLrsRig, type LrsRig } from "../support/lrs-setup.js";
import { expectValidStatements } from "../support/xapi-validation.js";

const ADL = "http://adlnet.gov/expapi/verbs/";
const CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
const MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
const SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
const MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
const ACTOR = { name: "Jane Doe", account: { homePage: "https://lms.example.com", name: "jane-42" } };

type Statement = Record<string, any>;
let rig: LrsRig;
let browser: Browser;

beforeAll(async () => {
  [rig, browser] = await Promise.all([startLrsRig("cmi5"), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

function cmi5Launch(options: Partial<Cmi5LaunchOptions>) {
  return rig.lms.cmi5Launch({
    auUrl: rig.indexUrl,
    actor: ACTOR,
    publisherCourseId: COURSE_IRI,
    publisherAuId: `${COURSE_IRI}/au`,
    moveOn: "CompletedAndPassed",
    masteryScore: 0.8,
    ...options,
  });
}

const open = (url: string) => openCourse(browser, url);

const verbOf = (s: Statement) => String(s.verb.id).replace(ADL, "");
const sessionOf = (s: Statement) => s.context?.extensions?.["https://w3id.org/xapi/cmi5/context/extensions/sessionid"];
const categories = (s: Statement) => (s.context?.contextActivities?.category ?? []).map((c: { id: string }) => c.id);

/** The AU's statements (the LMS's "launched" left out), as the LRS stored them. */
async function auStatements(registration: string): Promise<Statement[]> {
  return (await rig.lrs.statements(registration)).filter((s) => verbOf(s) !== "launched");
}

/** Rules every AU session must keep (cmi5 §9.3, §9.5, §9.6, §10). */
function expectCmi5Rules(statements: Statement[], sessionId: string, activityId: string, registration: string): void {
  expect(verbOf(statements[0]!)).toBe("initialized");
  expect(verbOf(statements.at(-1)!)).toBe("terminated");
  const defined = statements.filter((s) => categories(s).includes(CMI5_CATEGORY));
  for (const s of statements) {
    expect(s.context.registration).toBe(registration);
    expect(s.context.extensions[SESSION_ID]).toBe(sessionId);
    // The contextTemplate's publisher-id grouping is kept.
    expect(s.context.contextActivities.grouping).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: `${COURSE_IRI}/au` })]),
    );
    expect(s.actor.account).toEqual(ACTOR.account);
  }
  for (const s of defined) {
    expect(s.object.id).toBe(activityId);
    const judged = s.result?.success !== undefined || s.result?.completion !== undefined;
    expect(categories(s).includes(MOVEON_CATEGORY)).toBe(judged);
    if (["completed", "passed", "failed", "terminated"].includes(verbOf(s))) expect(s.result.duration).toMatch(/^PT/);
    if (s.result?.score) expect(["passed", "failed"]).toContain(verbOf(s));
  }
  const definedVerbs = defined.map(verbOf);
  expect(new Set(definedVerbs).size).toBe(definedVerbs.length);
  expect(definedVerbs.filter((v) => v === "passed" || v === "failed").length).toBeLessThanOrEqual(1);
  // Allowed statements never carry the cmi5 category.
  for (const s of statements.filter((x) => !categories(x).includes(CMI5_CATEGORY)))
    expect(["experienced", "answered"]).toContain(verbOf(s));
}

describe("cmi5 AU", () => {
  const MOVE_ON: MoveOn[] = ["Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"];
  for (const moveOn of MOVE_ON) {
    it(`passes and completes, satisfying moveOn ${moveOn}, then returns to the LMS`, async () => {
      const returnURL = `${rig.content.url}/returned-from-au`;
      const { url, session } = await cmi5Launch({ moveOn, returnURL });
      const { page, errors } = await open(url);
      await takeCourse(page, 1);
      await page.locator('[data-action="exit"]').click();
      await page.waitForURL(returnURL);
      const statements = await auStatements(session.registration);
      expect(statements.map(verbOf)).toEqual([
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
      expectCmi5Rules(statements, session.id, session.activityId, session.registration);
      const passed = statements.find((s) => verbOf(s) === "passed")!;
      expect(passed.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
      expect(passed.context.extensions[MASTERY]).toBe(0.8);
      expect(rig.lms.moveOnSatisfied(session)).toBe(true);
      expectValidStatements(rig.lms.accepted(session.registration));
      expect(errors).toEqual([]);
    });
  }

  it("fails below the masteryScore, sends failed once at the end of the session, and leaves CompletedOrPassed unsatisfied", async () => {
    const { url, session } = await cmi5Launch({ moveOn: "CompletedOrPassed" });
    const { page, errors } = await open(url);
    await takeCourse(page, 0);
    await page.locator('[data-action="exit"]').click();
    await page.locator('[data-notice="finished"]').waitFor();
    const statements = await auStatements(session.registration);
    expect(statements.map(verbOf)).toEqual([
      "initialized",
      "experienced",
      "experienced",
      "answered",
      "answered",
      "answered",
      "failed",
      "terminated",
    ]);
    expectCmi5Rules(statements, session.id, session.activityId, session.registration);
    expect(statements.find((s) => verbOf(s) === "failed")!.result).toMatchObject({
      success: false,
      score: { scaled: 0 },
    });
    // Not completed (one attempt of three used), not passed.
    expect(rig.lms.moveOnSatisfied(session)).toBe(false);
    expectValidStatements(rig.lms.accepted(session.registration));
    expect(errors).toEqual([]);
  });

  it("judges against the LMS's masteryScore, which wins over the course's pass mark", async () => {
    // The course needs 80 %; this LMS asks for 60 %, so 2 of 3 right (67 %) passes.
    const { url, session } = await cmi5Launch({ masteryScore: 0.6 });
    const { page, errors } = await open(url);
    await takeCourse(page, 2 / 3);
    await page.locator('[data-action="exit"]').click();
    await page.locator('[data-notice="finished"]').waitFor();
    const passed = (await auStatements(session.registration)).find((s) => verbOf(s) === "passed");
    expect(passed?.result.score.scaled).toBeGreaterThanOrEqual(0.6);
    expect(passed?.context.extensions[MASTERY]).toBe(0.6);
    expect(errors).toEqual([]);
  });

  it("ignores a masteryScore outside 0..1 in LMS.LaunchData and judges by the course's pass mark (issue 12)", async () => {
    // 2 would make the pass mark 200 %: a learner with every answer right must still pass.
    const high = await cmi5Launch({ masteryScore: 2, moveOn: "Passed" });
    const first = await open(high.url);
    await takeCourse(first.page, 1);
    await first.page.locator('[data-action="exit"]').click();
    await first.page.locator('[data-notice="finished"]').waitFor();
    const passed = (await auStatements(high.session.registration)).filter((s) =>
      ["passed", "failed"].includes(verbOf(s)),
    );
    expect(passed.map(verbOf)).toEqual(["passed"]);
    expect(passed[0]!.context.extensions[MASTERY]).toBeUndefined();
    // -1 would pass a learner with 0 %.
    const low = await cmi5Launch({ masteryScore: -1 });
    const second = await open(low.url);
    await takeCourse(second.page, 0);
    await second.page.locator('[data-action="exit"]').click();
    await second.page.locator('[data-notice="finished"]').waitFor();
    const judged = (await auStatements(low.session.registration)).filter((s) =>
      ["passed", "failed"].includes(verbOf(s)),
    );
    expect(judged.map(verbOf)).toEqual(["failed"]);
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it("follows only an http(s) returnURL: a javascript: one never runs (issue 12)", async () => {
    const { url, session } = await cmi5Launch({ returnURL: "javascript:document.title='pwned';void 0" });
    const { page, errors } = await open(url);
    await goTo(page, "summary");
    await page.locator('[data-action="exit"]').click();
    await page.locator('[data-notice="finished"]').waitFor();
    expect((await auStatements(session.registration)).map(verbOf).at(-1)).toBe("terminated");
    expect(await page.title()).not.toBe("pwned");
    expect(errors).toEqual([]);
  });

  for (const launchMode of ["Browse", "Review"] as const) {
    it(`sends only initialized and terminated in ${launchMode} mode`, async () => {
      const { url, session } = await cmi5Launch({ launchMode });
      const { page, errors } = await open(url);
      await page.locator('[data-notice="review"]').waitFor();
      await takeCourse(page, 1);
      await page.locator('[data-action="exit"]').click();
      await page.locator('[data-notice="finished"]').waitFor();
      const statements = await auStatements(session.registration);
      expect(statements.map(verbOf)).toEqual(["initialized", "terminated"]);
      expectCmi5Rules(statements, session.id, session.activityId, session.registration);
      expectValidStatements(rig.lms.accepted(session.registration));
      expect(errors).toEqual([]);
    });
  }

  it("survives a reload: the fetch URL is used once and initialized is not sent again; a new session resumes the bookmark", async () => {
    const registration = randomUUID();
    const first = await cmi5Launch({ registration });
    const { page, errors } = await open(first.url);
    await goTo(page, "writing-lessons");
    await page.reload();
    await page.locator("html.cp-ready").waitFor();
    expect(await currentPageId(page)).toBe("writing-lessons");
    await expect.poll(() => rig.lms.accepted(registration).length).toBeGreaterThan(2);
    const fetches = rig.lms.requests.filter((r) => r.path === `/cmi5/fetch/${first.session.fetchKey}`);
    expect(fetches).toHaveLength(1);
    await page.locator('[data-nav="next"]').click();
    // Closing the window ends the session with terminated, sent on pagehide.
    await page.close();
    await expect
      .poll(async () => (await auStatements(registration)).map(verbOf).at(-1), { timeout: 10_000 })
      .toBe("terminated");
    const firstSession = await auStatements(registration);
    expect(firstSession.filter((s) => verbOf(s) === "initialized")).toHaveLength(1);
    expectCmi5Rules(firstSession, first.session.id, first.session.activityId, registration);

    // A second launch in the same registration (a new session) resumes where the learner was.
    const second = await cmi5Launch({ registration, activityId: first.session.activityId });
    const again = await open(second.url);
    expect(await currentPageId(again.page)).not.toBe("welcome");
    await again.page.locator('[data-notice="resumed"]').waitFor();
    await expect
      .poll(async () =>
        (await auStatements(registration)).filter((s) => sessionOf(s) === second.session.id).map(verbOf),
      )
      .toContain("initialized");
    expect([...errors, ...again.errors]).toEqual([]);
  });

  it("never sends an earlier session's leftover statements under a new session's token", async () => {
    const registration = randomUUID();
    const first = await cmi5Launch({ registration });
    const { page, errors } = await open(first.url);
    const context = page.context();
    await goTo(page, "writing-lessons");
    // The LRS stores what it gets but its answers are lost: the page cannot know the last
    // statements arrived, so they stay queued in this browser when the page closes.
    rig.lms.outage("lost-response");
    await page.close();
    await expect
      .poll(async () => (await auStatements(registration)).map(verbOf).at(-1), { timeout: 10_000 })
      .toBe("terminated");
    rig.lms.outage(undefined);

    const second = await cmi5Launch({ registration, activityId: first.session.activityId });
    const again = await context.newPage();
    again.on("pageerror", (e) => errors.push(e.message));
    await again.goto(second.url);
    await again.locator("html.cp-ready").waitFor();
    await expect
      .poll(async () =>
        (await auStatements(registration)).filter((s) => sessionOf(s) === second.session.id).map(verbOf),
      )
      .toContain("initialized");
    // Leftovers would go out first, in queue order: by this session's terminated, all were sent.
    await goTo(again, "summary");
    await again.locator('[data-action="exit"]').click();
    await expect
      .poll(() =>
        rig.lms.statements.some(
          (l) => l.session === second.session.id && verbOf(l.statement as Statement) === "terminated",
        ),
      )
      .toBe(true);
    const underSecondToken = rig.lms.statements
      .filter((l) => l.session === second.session.id)
      .map((l) => l.statement as Statement);
    expect(underSecondToken.map(sessionOf)).not.toContain(first.session.id);
    expect(errors).toEqual([]);
  });

  it("reads LMS.LaunchData again when the LRS fails at launch, and reports once it is back", async () => {
    const { url, session } = await cmi5Launch({});
    const before = rig.lms.requests.length;
    const launchDataReads = () =>
      rig.lms.requests.slice(before).filter((r) => r.method === "GET" && r.path === "/xapi/activities/state");
    rig.lms.outage("unavailable");
    const opening = open(url);
    // The outage lasts until the AU has been refused its first read, however slow the machine.
    await expect.poll(() => launchDataReads().some((r) => r.status === 503), { timeout: 20_000 }).toBe(true);
    rig.lms.outage(undefined);
    const { page, errors } = await opening;
    await expect.poll(async () => (await auStatements(session.registration)).map(verbOf)).toContain("initialized");
    expect(launchDataReads().map((r) => r.status)).toEqual(expect.arrayContaining([503, 200]));
    expect(await page.locator('[data-notice="lms-error"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("reads the learner preferences and LMS.LaunchData without ever writing LMS.LaunchData", async () => {
    const { url, session } = await cmi5Launch({ preferences: { audioPreference: "off", languagePreference: "en-US" } });
    const { page, errors } = await open(url);
    await goTo(page, "writing-lessons");
    const launchData = rig.lms.state(session.activityId, ACTOR, session.registration, "LMS.LaunchData");
    expect(launchData).toEqual(session.launchData);
    expect(
      rig.lms.requests.some((r) => r.path === "/xapi/agents/profile" && r.method === "GET" && r.status === 200),
    ).toBe(true);
    expect(errors).toEqual([]);
  });
});
