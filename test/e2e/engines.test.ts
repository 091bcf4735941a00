/**
 * Firefox ESR and WebKitGTK (Safari's engine family) run every package format the way Chromium does:
 * a learner passes, and a learner who leaves mid-course resumes, for web, SCORM 1.2, SCORM 2004 3rd
 * and 4th edition (in the tests' strict LMS page), xAPI and cmi5 (the local LMS in front of a real
 * LRS). The starter course keeps it small; the drivers are behind test/support/engines.ts.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FormatId } from "../../src/shared/course-data.js";
import type { ScormStandard } from "../../src/preview/client/scorm-lms.js";
import { LocalLms } from "../../src/preview/server/lrs/index.js";
import path from "node:path";
import { build } from "../../src/compiler/pipeline.js";
import { buildInto, FIXTURES, tempDir } from "../support/build.js";
import { expectNoSidewaysScroll } from "../support/narrow.js";
import { type Engine, type EngineName, launchEngine, type Scope, type Tab } from "../support/engines.js";
import { exitFromSummary, openPageFromMenu, passCourse, ready, shownPage } from "../support/engine-learner.js";
import { COURSE_IRI, starterCourse } from "../support/lrs-setup.js";
import { startReferenceLrs, type ReferenceLrs } from "../support/reference-lrs.js";
import { firstLaunch, serveWithLms } from "../support/scorm-lms.js";
import { serveDirectory, type StaticServer } from "../support/static-server.js";

const ADL = "http://adlnet.gov/expapi/verbs/";
const ACTOR = { name: "Jane Doe", account: { homePage: "https://lms.example.com", name: "jane-42" } };
const SCORM: { format: FormatId; standard: ScormStandard }[] = [
  { format: "scorm12", standard: "scorm12" },
  { format: "scorm2004-4th", standard: "scorm2004" },
  { format: "scorm2004-3rd", standard: "scorm2004" },
];

let server: StaticServer;
let lrs: ReferenceLrs;
let lms: LocalLms;
const folders = new Map<FormatId, string>();
/** Web packages of two fixtures: every question type, and a matching question to answer by keyboard. */
let fixtures: StaticServer;

beforeAll(async () => {
  const fixtureOut = await tempDir("engine-fixtures");
  const [result, reference] = await Promise.all([
    starterCourse().then((dir) =>
      buildInto(dir, { formats: ["web", "scorm12", "scorm2004-4th", "scorm2004-3rd", "xapi", "cmi5"] }),
    ),
    startReferenceLrs(),
    ...["all-types", "keyboard-quiz"].map((name) =>
      build({ dir: path.join(FIXTURES, "courses", name), outDir: fixtureOut }),
    ),
  ]);
  fixtures = await serveDirectory(fixtureOut);
  lrs = reference;
  for (const output of result.outputs) folders.set(output.format, output.folderName);
  server = await serveWithLms(result.outDir);
  lms = await LocalLms.start({ upstream: { endpoint: lrs.endpoint, auth: lrs.auth } });
});

afterAll(async () => {
  await Promise.all([lms?.close(), server?.close(), lrs?.close(), fixtures?.close()]);
});

const packageUrl = (format: FormatId) => `${server.url}/${folders.get(format)}/index.html`;
const verbs = (statements: Record<string, unknown>[]) =>
  statements.map((s) => (s.verb as { id: string }).id.replace(ADL, ""));
/** What the LRS stored for a registration, polled until `done` holds. */
async function storedUntil(registration: string, done: (verbs: string[]) => boolean): Promise<string[]> {
  await expect.poll(async () => done(verbs(await lrs.statements(registration))), { timeout: 15_000 }).toBe(true);
  return verbs(await lrs.statements(registration));
}

async function resumedAt(doc: Scope, pageId: string): Promise<void> {
  await ready(doc);
  await doc.waitFor(() => document.querySelector('[data-notice="resumed"]') !== null, undefined);
  expect(await shownPage(doc)).toBe(pageId);
}

/** Opens the package's origin and forgets its localStorage, so that only the LMS/LRS can resume. */
async function forgetLocalCopy(tab: Tab): Promise<void> {
  await tab.goto(`${server.url}/`);
  await tab.evaluate(() => localStorage.clear(), undefined);
}

/** Presses Tab until the element matching `selector` has the focus (at most 8 times). */
async function tabUntilFocused(tab: Tab, selector: string): Promise<void> {
  for (let i = 0; i < 8; i++) {
    if (await tab.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
    await tab.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

function engineSuite(name: EngineName) {
  describe(name, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await launchEngine(name);
    }, 180_000);
    afterAll(async () => {
      await engine?.close();
    });

    it("keyboard only: Enter on the focused button checks a matching answer, then moves on (issue 12)", async () => {
      const tab = await engine.newTab();
      await tab.goto(`${fixtures.url}/keyboard-quiz-web/index.html`);
      await ready(tab);
      await openPageFromMenu(tab, "quiz");
      await tab.click('[data-quiz-action="start"]');
      const shown = (id: string) =>
        tab.waitFor((q) => !document.querySelector<HTMLElement>(`[data-question="${q}"]`)!.hidden, id);
      await shown("q-matching");
      // From the first list on, only keys: a choice in each list, then Tab to the button and Enter.
      await tab.evaluate(
        () => document.querySelector<HTMLElement>('[data-question="q-matching"] select')!.focus(),
        undefined,
      );
      await tab.press("ArrowDown");
      await tab.press("Tab");
      await tab.press("ArrowDown");
      const forward = '[data-quiz-action="forward"]';
      await tabUntilFocused(tab, forward);
      await tab.press("Enter");
      await tab.waitFor(
        () => document.querySelector('[data-question="q-matching"] [data-feedback-verdict]')?.textContent,
        undefined,
      );
      await tabUntilFocused(tab, forward);
      expect(await tab.evaluate((s) => document.querySelector(s)!.textContent, forward)).toBe("Next question");
      await tab.press("Enter");
      await shown("q-after");
      await tab.close();
    });

    // MiniBrowser's window cannot be narrower than its toolbar (about 450 px): WebKit is left out here.
    // MiniBrowser's window cannot be narrower than about 450 px (docs/browsers.md): Firefox only.
    if (name !== "webkit")
      it("at 320 px wide no question scrolls sideways", async () => {
        const tab = await engine.newTab({ width: 320, height: 640 });
        await tab.goto(`${fixtures.url}/all-types-web/index.html`);
        await expectNoSidewaysScroll(tab, 320);
        await tab.close();
      });

    it("web: resumes from the browser's own storage, then passes", async () => {
      const first = await engine.newTab();
      await forgetLocalCopy(first);
      await first.goto(packageUrl("web"));
      await ready(first);
      await openPageFromMenu(first, "writing-lessons");
      await first.close();
      const second = await engine.newTab();
      await second.goto(packageUrl("web"));
      await resumedAt(second, "writing-lessons");
      await passCourse(second);
      expect(
        await second.evaluate(() => document.querySelector('[data-summary="result"]')!.textContent, undefined),
      ).toMatch(/passed/i);
      await second.close();
    });

    for (const { format, standard } of SCORM) {
      const launch = async (cmi: unknown) => {
        const tab = await engine.newTab();
        await tab.goto(`${server.url}/lms/scorm-host.html`);
        const src = `../${folders.get(format)}/index.html`;
        await tab.evaluate((o) => void window.coursepackLms.launch(o as never), { standard, src, cmi });
        const sco = await tab.frame(`/${folders.get(format)}/index.html`);
        await ready(sco);
        return { tab, sco };
      };
      const lmsSide = <R>(tab: Tab, read: () => R) => tab.evaluate(read, undefined);

      it(`${format}: passes in the strict LMS, then a learner who leaves resumes`, async () => {
        const { tab, sco } = await launch(firstLaunch(standard));
        await passCourse(sco);
        await exitFromSummary(sco);
        const cmi = (await lmsSide(tab, () => window.coursepackLms.lms!.cmi().cmi)) as Record<string, any>;
        if (standard === "scorm12") expect(cmi.core.lesson_status).toBe("passed");
        else expect([cmi.success_status, cmi.completion_status]).toEqual(["passed", "completed"]);
        expect(
          await lmsSide(tab, () =>
            window.coursepackLms.lms!.calls.filter((c) => c.error !== "0" && !/GetValue$/.test(c.method)),
          ),
        ).toEqual([]);
        await tab.close();

        const leaving = await launch(firstLaunch(standard));
        await openPageFromMenu(leaving.sco, "writing-lessons");
        // The LMS closes the content frame: pagehide finishes the session with exit=suspend.
        await leaving.tab.evaluate(() => document.querySelector("#stage iframe")!.remove(), undefined);
        await leaving.tab.waitFor(() => window.coursepackLms.lms!.terminated, undefined);
        const saved = await lmsSide(leaving.tab, () => window.coursepackLms.lms!.nextSession());
        await leaving.tab.close();
        const back = await launch(saved);
        await resumedAt(back.sco, "writing-lessons");
        await back.tab.close();
      });
    }

    it("xapi: passes against the LRS, then resumes from the State API alone", async () => {
      const launchUrl = (registration: string) =>
        lms.tinCanLaunch({ contentUrl: packageUrl("xapi"), actor: ACTOR, registration, activityId: COURSE_IRI });
      const passing = randomUUID();
      const tab = await engine.newTab();
      await tab.goto(launchUrl(passing));
      await ready(tab);
      await passCourse(tab);
      await exitFromSummary(tab);
      expect(await storedUntil(passing, (v) => v.includes("terminated"))).toEqual(
        expect.arrayContaining(["initialized", "passed", "completed", "terminated"]),
      );
      await tab.close();

      const registration = randomUUID();
      const leaving = await engine.newTab();
      await leaving.goto(launchUrl(registration));
      await ready(leaving);
      await openPageFromMenu(leaving, "writing-lessons");
      // Leaving the page (pagehide) ends the session; closing the tab is measured in docs/browsers.md.
      await leaving.goto("about:blank");
      expect((await storedUntil(registration, (v) => v.at(-1) === "terminated")).at(-1)).toBe("terminated");
      await leaving.close();
      const back = await engine.newTab();
      await forgetLocalCopy(back);
      await back.goto(launchUrl(registration));
      await resumedAt(back, "writing-lessons");
      await back.close();
    });

    it("cmi5: passes and satisfies moveOn, then a learner who leaves sends terminated and the next session resumes", async () => {
      const cmi5Launch = (registration: string, activityId?: string) =>
        lms.cmi5Launch({
          ...(activityId ? { activityId } : {}),
          auUrl: packageUrl("cmi5"),
          actor: ACTOR,
          registration,
          publisherCourseId: COURSE_IRI,
          publisherAuId: `${COURSE_IRI}/au`,
          moveOn: "CompletedAndPassed",
          masteryScore: 0.8,
        });
      const passing = await cmi5Launch(randomUUID());
      const tab = await engine.newTab();
      await tab.goto(passing.url);
      await ready(tab);
      await passCourse(tab);
      await exitFromSummary(tab);
      await storedUntil(passing.session.registration, (v) => v.includes("terminated"));
      expect(lms.moveOnSatisfied(passing.session)).toBe(true);
      await tab.close();

      const registration = randomUUID();
      const first = await cmi5Launch(registration);
      const leaving = await engine.newTab();
      await leaving.goto(first.url);
      await ready(leaving);
      await openPageFromMenu(leaving, "writing-lessons");
      // Leaving the page (pagehide) ends the session; closing the tab is measured in docs/browsers.md.
      await leaving.goto("about:blank");
      expect((await storedUntil(registration, (v) => v.at(-1) === "terminated")).at(-1)).toBe("terminated");
      await leaving.close();
      const second = await cmi5Launch(registration, first.session.activityId);
      const back = await engine.newTab();
      await forgetLocalCopy(back);
      await back.goto(second.url);
      await resumedAt(back, "writing-lessons");
      await back.close();
    });
  });
}

engineSuite("firefox");
engineSuite("webkit");
