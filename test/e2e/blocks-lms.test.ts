/**
 * Blocks reported to LMSs: in SCORM 1.2 and 2004 (scorm-again in the preview's LMS page) block
 * progress survives a relaunch inside suspend_data, scenario choices arrive as choice interactions
 * with readable descriptions and a finished scenario as an objective; in xAPI the LRS
 * (xapi-statements) accepts the scenario's "answered"/"completed" statements and the video profile's.
 */
import { randomUUID } from "node:crypto";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScormStandard } from "../../src/preview/client/scorm-lms.js";
import { scormIdentifier } from "../../src/runtime/tracking/scorm/identifiers.js";
import { launchBrowser, openCourse } from "../support/browser.js";
import { buildInto, FIXTURES, tempDir } from "../support/build.js";
import { playMedia, runScenario } from "../support/blocks.js";
import { courseDataOf, currentPageId, goTo } from "../support/learner.js";
import { COURSE_IRI, startLrsRig, type LrsRig } from "../support/lrs-setup.js";
import {
  expectCleanSession,
  firstLaunch,
  launchScorm,
  lmsCalls,
  lmsCmi,
  lmsTerminated,
  nextSession,
  serveWithLms,
} from "../support/scorm-lms.js";
import type { StaticServer } from "../support/static-server.js";
import { expectValidStatements } from "../support/xapi-validation.js";

let browser: Browser;
let server: StaticServer;
let rig: LrsRig;

/** The blocks fixture with an activityId, so the LRS identifies it as the rig expects. */
async function fixture(): Promise<string> {
  const dir = path.join(await tempDir("blocks-lms"), "blocks");
  await cp(path.join(FIXTURES, "courses", "blocks"), dir, { recursive: true });
  const file = path.join(dir, "course.yml");
  await writeFile(file, `${await readFile(file, "utf8")}activityId: ${COURSE_IRI}\n`);
  return dir;
}

beforeAll(async () => {
  const dir = await fixture();
  const result = await buildInto(dir, { formats: ["scorm12", "scorm2004"] });
  [server, rig, browser] = await Promise.all([serveWithLms(result.outDir), startLrsRig("xapi", dir), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rig?.close();
});

const site = () => ({
  browser,
  hostUrl: `${server.url}/lms/scorm-host.html`,
  packageUrl: (standard: ScormStandard) => `../blocks-${standard}/index.html`,
});

const shownNode = (sco: Frame) =>
  sco.locator('[data-block="luis"] [data-node]:not([hidden])').getAttribute("data-node");

describe.each(["scorm12", "scorm2004"] as const)("%s", (standard) => {
  const is12 = standard === "scorm12";

  // Two launches through every block of the fixture.
  it("resumes block progress after a relaunch and reports the scenario as interactions and an objective", {
    timeout: 120_000,
  }, async () => {
    const first = await launchScorm(site(), standard, { cmi: firstLaunch(standard) });
    const { sco } = first;
    const course = await courseDataOf(sco);
    await goTo(sco, "interactive");
    await sco.locator('[data-block="drivers"] [role="tab"]').nth(1).click();
    await sco.locator('[data-block="cards"] .flipcard-front [data-flip]').first().click();
    await sco.locator('[data-block="review"] [data-step="1"]').click();
    await sco.locator('[data-block="questions"] [data-item="1"]').click();
    await sco.locator('[data-block="answer"] button').click();
    await sco.locator('[data-block="funnel"] .hotspot').nth(2).click();
    await goTo(sco, "scenario");
    const luis = course.blocks.luis!;
    if (luis.kind !== "scenario") throw new Error("luis is a scenario");
    // A first run to the weak ending, then a second run that stops half-way.
    await runScenario(sco, luis, [1]);
    await sco.locator('[data-block="luis"] [data-scenario-restart]').click();
    await runScenario(sco, luis, [0]);
    // The LMS closes the content frame: the session ends with exit=suspend.
    await first.page.evaluate(() => document.querySelector<HTMLIFrameElement>("#stage iframe")!.remove());
    await expect.poll(() => lmsTerminated(first.page)).toBe(true);
    expectCleanSession(standard, await lmsCalls(first.page));
    const cmi = await lmsCmi(first.page);
    const interactions = Object.values(cmi.interactions) as Record<string, any>[];
    expect(interactions).toHaveLength(2);
    const [weak, second] = interactions;
    if (is12) {
      expect(weak).toMatchObject({ id: "luis-opening", type: "choice", student_response: "b", result: "neutral" });
      expect(second).toMatchObject({ id: "luis-opening-attempt-2", student_response: "a" });
    } else {
      // Letters and digits only, as for questions (identifiers.ts): luis-opening → luisOpening.
      expect(weak).toMatchObject({
        id: scormIdentifier("luis-opening"),
        type: "choice",
        description: "Luis: I know I missed again. I made all my calls.",
        learner_response: scormIdentifier("then-make-more-calls"),
        result: "neutral",
      });
      expect(second).toMatchObject({ id: `${scormIdentifier("luis-opening")}ZA2` });
    }
    const objectives = Object.values(cmi.objectives) as Record<string, any>[];
    const scenario = objectives.find((o) => String(o.id).endsWith("luis"))!;
    if (is12) expect(scenario).toMatchObject({ status: "completed", score: { raw: "20" } });
    else expect(scenario).toMatchObject({ completion_status: "completed", score: { raw: "20", scaled: "0.2" } });
    // Started but not done: the lesson's objective is incomplete.
    const lesson = objectives.find((o) => String(o.id).endsWith("interactive"))!;
    expect(is12 ? lesson.status : lesson.completion_status).toBe("incomplete");
    expect(first.errors).toEqual([]);
    const saved = await nextSession(first.page);
    await first.page.close();

    const again = await launchScorm(site(), standard, { cmi: saved });
    expect(await currentPageId(again.sco)).toBe("scenario");
    expect(await shownNode(again.sco)).toBe("1");
    await goTo(again.sco, "interactive");
    const tabs = again.sco.locator('[data-block="drivers"] [role="tab"]');
    expect(await tabs.allTextContents()).toEqual(["Money (Viewed)", "Recognition (Viewed)", "Advancement"]);
    expect(await again.sco.locator('[data-block="cards"] .flipcard').first().getAttribute("class")).toContain(
      "is-seen",
    );
    expect(await again.sco.locator('[data-block="review"] [data-steps-count]').textContent()).toBe("Step 2 of 3");
    const opened = (selector: string) =>
      again.sco.locator(selector).evaluateAll((els) => els.map((el) => el.classList.contains("is-seen")));
    expect(await opened('[data-block="questions"] [data-item]')).toEqual([false, true]);
    expect(await opened('[data-block="answer"] [data-item]')).toEqual([true]);
    expect(await opened('[data-block="funnel"] .hotspot')).toEqual([false, false, true]);
    expect(again.errors).toEqual([]);
    await again.page.close();
  });
});

describe("xAPI", () => {
  const ADL = "http://adlnet.gov/expapi/verbs/";
  const VIDEO = "https://w3id.org/xapi/video/";

  it("the LRS accepts the scenario's answered and completed statements and the video profile's", async () => {
    const registration = randomUUID();
    const actor = { objectType: "Agent", name: "Jane Doe", mbox: "mailto:jane@example.com" };
    const url = rig.lms.tinCanLaunch({ contentUrl: rig.indexUrl, actor, registration, activityId: COURSE_IRI });
    const { page, errors } = await openCourse(browser, url);
    const course = await courseDataOf(page);
    const luis = course.blocks.luis!;
    if (luis.kind !== "scenario") throw new Error("luis is a scenario");
    await goTo(page, "scenario");
    await runScenario(page, luis, [0, 0]);
    await goTo(page, "media");
    await playMedia(page, "clip");
    await page.locator('.menu a[data-page="summary"]').click();
    await page.locator('[data-action="exit"]').click();
    await page.locator('[data-notice="finished"]').waitFor();
    const stored = await rig.lrs.statements(registration);
    expectValidStatements(rig.lms.accepted(registration));
    const of = (verb: string) => stored.filter((s) => (s.verb as { id: string }).id === verb) as Record<string, any>[];

    const answered = of(`${ADL}answered`);
    expect(answered).toHaveLength(2);
    expect(answered[0]!.object).toMatchObject({
      id: `${COURSE_IRI}/questions/luis-opening`,
      definition: {
        type: "http://adlnet.gov/expapi/activities/cmi.interaction",
        interactionType: "choice",
        description: { en: "Luis: I know I missed again. I made all my calls." },
        choices: [
          { id: "walk-me-through-your", description: { en: "Walk me through your first meetings." } },
          { id: "then-make-more-calls", description: { en: "Then make more calls." } },
        ],
      },
    });
    expect(answered[0]!.result).toMatchObject({ response: "walk-me-through-your" });
    expect(answered[0]!.result.success).toBeUndefined();
    expect(answered[0]!.context.contextActivities.parent).toEqual([
      expect.objectContaining({ id: `${COURSE_IRI}/scenarios/luis` }),
    ]);

    const ended = of(`${ADL}completed`).find((s) => s.object.id === `${COURSE_IRI}/scenarios/luis`)!;
    expect(ended.object.definition.type).toBe("http://adlnet.gov/expapi/activities/simulation");
    expect(ended.result).toMatchObject({ completion: true, response: "good", score: { scaled: 1, raw: 100 } });
    expect(ended.context.contextActivities.parent).toEqual([
      expect.objectContaining({ id: `${COURSE_IRI}/lessons/scenario` }),
    ]);

    const video = stored.filter((s) => (s.object as { id: string }).id === `${COURSE_IRI}/media/clip`) as any[];
    const verbs = video.map((s) => s.verb.id);
    expect(verbs.slice(0, 2)).toEqual([`${ADL}initialized`, `${VIDEO}verbs/played`]);
    expect(verbs).toContain(`${ADL}completed`);
    for (const s of video) {
      expect(s.object.definition.type).toBe(`${VIDEO}activity-type/video`);
      expect(s.context.contextActivities.category).toEqual([
        expect.objectContaining({ id: "https://w3id.org/xapi/video" }),
      ]);
      expect(s.context.extensions[`${VIDEO}extensions/session-id`]).toEqual(expect.any(String));
    }
    const completed = video.find((s) => s.verb.id === `${ADL}completed`);
    expect(completed.result.completion).toBe(true);
    expect(completed.result.extensions[`${VIDEO}extensions/progress`]).toBeGreaterThanOrEqual(0.5);
    expect(completed.result.extensions[`${VIDEO}extensions/played-segments`]).toMatch(/^\d+(\.\d+)?\[\.\]\d+(\.\d+)?/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
