/**
 * @xapi/cmi5 1.4 as the reference AU. Run in Chromium against the same local LMS, it checks two
 * things: that our LMS side (fetch URL, LMS.LaunchData, preferences, statement forwarding) works
 * with an AU we did not write, and that our AU's cmi5 defined statements have the same shape as the
 * reference's (verb, object, categories, context extensions, result fields).
 */
import { copyFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cmi5LaunchOptions } from "../../src/preview/server/lrs/index.js";
import { launchBrowser, openPage } from "../support/browser.js";
import { ROOT, tempDir } from "../support/build.js";
import { courseDataOf, takeQuiz } from "../support/learner.js";
import { COURSE_IRI, startLrsRig, type LrsRig } from "../support/lrs-setup.js";
import { serveDirectory, type StaticServer } from "../support/static-server.js";
import { expectValidStatements } from "../support/xapi-validation.js";

const ACTOR = { name: "Jane Doe", account: { homePage: "https://lms.example.com", name: "jane-42" } };
type Statement = Record<string, any>;

let rig: LrsRig;
let reference: StaticServer;
let browser: Browser;

/** A page that runs the reference AU: initialize, complete, pass with a full score (checklist #60), terminate. */
const REFERENCE_AU = `<!doctype html><meta charset="utf-8"><script src="Cmi5.umd.js"></script><script>
(async () => {
  const cmi5 = Cmi5.instance;
  await cmi5.initialize();
  await cmi5.complete();
  await cmi5.pass({ scaled: 0.9, raw: 90, min: 0, max: 100 });
  await cmi5.terminate();
  document.title = "done";
})().catch((e) => { document.title = "error: " + e.message; });
</script>`;

beforeAll(async () => {
  const dir = await tempDir("cmi5-reference");
  await copyFile(path.join(ROOT, "node_modules/@xapi/cmi5/dist/Cmi5.umd.js"), path.join(dir, "Cmi5.umd.js"));
  await writeFile(path.join(dir, "index.html"), REFERENCE_AU);
  [rig, reference, browser] = await Promise.all([startLrsRig("cmi5"), serveDirectory(dir), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await reference?.close();
  await rig?.close();
});

const launchOptions = (auUrl: string): Cmi5LaunchOptions => ({
  auUrl,
  actor: ACTOR,
  publisherCourseId: COURSE_IRI,
  publisherAuId: `${COURSE_IRI}/au`,
  moveOn: "CompletedAndPassed",
  masteryScore: 0.8,
});

/** What must match between two AUs' cmi5 defined statements; values that differ by nature (ids, times) are left out. */
function shape(s: Statement) {
  return {
    verb: s.verb.id,
    categories: (s.context.contextActivities?.category ?? []).map((c: { id: string }) => c.id).sort(),
    grouping: (s.context.contextActivities?.grouping ?? []).map((c: { id: string }) => c.id),
    extensions: Object.keys(s.context.extensions ?? {}).sort(),
    result: Object.keys(s.result ?? {}).sort(),
    score: s.result?.score ? Object.keys(s.result.score).sort() : undefined,
  };
}

const verbName = (s: Statement) => String(s.verb.id).split("/").pop();

describe("cmi5 compared with @xapi/cmi5", () => {
  it("the reference AU runs against the local LMS, and our AU's defined statements have the same shape", async () => {
    const ref = await rig.lms.cmi5Launch(launchOptions(`${reference.url}/index.html`));
    const refPage = (await openPage(browser)).page;
    await refPage.goto(ref.url);
    await expect.poll(() => refPage.title(), { timeout: 15_000 }).toBe("done");
    const refStatements = ((await rig.lrs.statements(ref.session.registration)) as Statement[]).filter(
      (s) => verbName(s) !== "launched",
    );
    expect(refStatements.map(verbName)).toEqual(["initialized", "completed", "passed", "terminated"]);
    for (const s of refStatements) expect(s.object.id).toBe(ref.session.activityId);

    const ours = await rig.lms.cmi5Launch(launchOptions(rig.indexUrl));
    const { page, errors } = await openPage(browser);
    await page.goto(ours.url);
    await page.locator("html.cp-ready").waitFor();
    const course = await courseDataOf(page);
    for (const p of course.pages) {
      if (p.kind === "quiz") await takeQuiz(page, p.id, 1);
      await page.locator('[data-nav="next"]').click();
    }
    await page.locator('[data-action="exit"]').click();
    await page.locator('[data-notice="finished"]').waitFor();
    const ourStatements = ((await rig.lrs.statements(ours.session.registration)) as Statement[]).filter(
      (s) => verbName(s) !== "launched",
    );
    const defined = ourStatements.filter((s) =>
      s.context.contextActivities?.category?.some((c: { id: string }) => c.id.endsWith("/categories/cmi5")),
    );
    for (const s of defined) expect(s.object.id).toBe(ours.session.activityId);

    const byVerb = (list: Statement[]) => Object.fromEntries(list.map((s) => [verbName(s), shape(s)]));
    expect(byVerb(defined)).toEqual(byVerb(refStatements));
    expectValidStatements([...refStatements, ...ourStatements]);
    expect(errors).toEqual([]);
  });
});
