/**
 * The default course in Chromium inside the tests' LMS behaving like Moodle 4.5, Forma LMS 4.0 and
 * Open edX (src/preview/client/lms-quirks.ts: what those LMSs refuse, where they throw, what they
 * hand back, when their API appears).
 * Issue 12 took the packages through both: SCORM 2004 answers and objectives were refused, refused
 * values were sent again on every commit, Exit after a passed course ended in an error, and SCORM
 * 1.2 restarted at lesson 1 in Forma. Here every answer and objective must reach the LMS's data.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedLms } from "../../src/preview/client/lms-quirks.js";
import type { ApiCall, ScormStandard } from "../../src/preview/client/scorm-lms.js";
import { bestScenarioPath } from "../../src/shared/scenario-path.js";
import { launchBrowser } from "../support/browser.js";
import { buildInto, CONTENT_DIR } from "../support/build.js";
import { courseDataOf, currentPageId, goTo, takeCourse } from "../support/learner.js";
import {
  exitCourse,
  firstLaunch,
  launchScorm,
  lmsCalls,
  lmsCmi,
  lmsTerminated,
  nextSession,
  type ScormSite,
  serveWithLms,
} from "../support/scorm-lms.js";
import type { StaticServer } from "../support/static-server.js";

let browser: Browser;
let server: StaticServer;
let site: ScormSite;

beforeAll(async () => {
  const result = await buildInto(CONTENT_DIR, { formats: ["scorm12", "scorm2004"] });
  const id = result.model.config.id;
  server = await serveWithLms(result.outDir);
  browser = await launchBrowser();
  site = { browser, hostUrl: `${server.url}/lms/scorm-host.html`, packageUrl: (s) => `../${id}-${s}/index.html` };
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Node = Record<string, any>;
const items = (collection: unknown): Node[] =>
  Object.entries((collection ?? {}) as Node)
    .filter(([k]) => /^\d+$/.test(k))
    .map(([, v]) => v as Node);

/** Refused SetValues, each with how often the same value of the same element was sent. */
function refusedRepeats(calls: ApiCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of calls.filter((c) => /SetValue$/.test(c.method) && c.result === "false")) {
    const key = `${c.element}=${c.value}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe.each(["moodle", "forma"] as const)("in %s", (lms: SimulatedLms) => {
  it.each(["scorm2004", "scorm12"] as const)(
    "%s: every answer and every objective stored, no refused value sent twice, a clean exit",
    async (standard: ScormStandard) => {
      const session = await launchScorm(site, standard, { cmi: firstLaunch(standard), lms });
      const course = await takeCourse(session.sco, 1);
      await exitCourse(session);
      const calls = await lmsCalls(session.page);
      const cmi = await lmsCmi(session.page);
      const response = standard === "scorm12" ? "student_response" : "learner_response";
      const answers = items(cmi.interactions).filter((i) => i.id && i[response] && i.result);
      const quiz = course.quizzes[course.pages.find((p) => p.kind === "quiz")!.id]!;
      const drawn = quiz.banks.reduce((n, b) => n + b.draw, 0);
      // takeCourse runs every scenario to its best ending: one interaction per choice, one objective per scenario.
      const scenarios = Object.values(course.blocks).filter((b) => b.kind === "scenario");
      const choices = scenarios.reduce((n, b) => n + bestScenarioPath(b).length, 0);
      expect(answers).toHaveLength(drawn + choices);
      expect(items(cmi.objectives).filter((o) => o.id)).toHaveLength(course.pages.length + scenarios.length);
      for (const [value, count] of refusedRepeats(calls)) expect(count, value).toBe(1);
      expect(calls.some((c) => c.element === "adl.nav.request")).toBe(false);
      expect(calls.filter((c) => /^(LMSFinish|Terminate)$/.test(c.method)).map((c) => c.result)).toEqual(["true"]);
      if (standard === "scorm2004") expect(cmi.completion_status).toBe("completed");
      else expect(cmi.core.lesson_status).toBe("passed");
      expect(session.errors).toEqual([]);
      await session.page.close();
    },
  );
});

describe("resume in Forma LMS (SCORM 1.2)", () => {
  it.each(["frame", "popup"] as const)(
    "a learner who leaves mid-course (%s closed) comes back where they were, and the saved state is kept",
    async (launch) => {
      const first = await launchScorm(site, "scorm12", { cmi: firstLaunch("scorm12"), lms: "forma", launch });
      const course = await courseDataOf(first.sco);
      const lesson = course.pages.filter((p) => p.kind === "lesson")[3]!;
      for (const p of course.pages.slice(1, 4)) await goTo(first.sco, p.id);
      // The LMS closes the content's frame or window: the runtime finishes the session on pagehide.
      await first.page.evaluate(() =>
        window.coursepackLms.popup
          ? window.coursepackLms.popup.close()
          : document.querySelector<HTMLIFrameElement>("#stage iframe")!.remove(),
      );
      await expect.poll(() => lmsTerminated(first.page)).toBe(true);
      const saved = await nextSession(first.page);
      const core = (saved.cmi as Node).core;
      expect(core).toMatchObject({ lesson_location: lesson.id, entry: "resume" });
      await first.page.close();

      const second = await launchScorm(site, "scorm12", { cmi: saved, lms: "forma" });
      expect(await currentPageId(second.sco)).toBe(lesson.id);
      await second.sco.locator('[data-notice="resumed"]').waitFor();
      await expect.poll(async () => (await lmsCalls(second.page)).some((c) => c.method === "LMSCommit")).toBe(true);
      expect((await lmsCmi(second.page)).core.lesson_location).toBe(lesson.id);
      await second.page.close();
    },
  );

  it("resumes from the saved data Forma hands back with entry=ab-initio", async () => {
    const first = await launchScorm(site, "scorm12", { cmi: firstLaunch("scorm12"), lms: "forma" });
    const course = await courseDataOf(first.sco);
    const lesson = course.pages[2]!;
    await goTo(first.sco, lesson.id);
    await first.page.evaluate(() => document.querySelector<HTMLIFrameElement>("#stage iframe")!.remove());
    await expect.poll(() => lmsTerminated(first.page)).toBe(true);
    const saved = await nextSession(first.page);
    await first.page.close();
    (saved.cmi as Node).core.entry = "ab-initio";

    const second = await launchScorm(site, "scorm12", { cmi: saved, lms: "forma" });
    expect(await currentPageId(second.sco)).toBe(lesson.id);
    await second.sco.locator('[data-notice="resumed"]').waitFor();
    await second.page.close();
  });
});

describe("an LMS that creates its API late (Open edX)", () => {
  it.each(["scorm12", "scorm2004"] as const)(
    "%s: the course waits for the API and reports to it, not to this browser",
    async (standard: ScormStandard) => {
      const session = await launchScorm(site, standard, { cmi: firstLaunch(standard), lms: "open-edx" });
      const course = await courseDataOf(session.sco);
      await expect
        .poll(async () => (await lmsCalls(session.page)).some((c) => /Initialize$/.test(c.method)), { timeout: 6000 })
        .toBe(true);
      await goTo(session.sco, course.pages[2]!.id);
      await exitCourse(session);
      const cmi = await lmsCmi(session.page);
      // The pages seen reached the LMS's data: the bookmark (exit is on the summary) and the state.
      expect(standard === "scorm12" ? cmi.core.lesson_location : cmi.location).toBe("summary");
      expect(cmi.suspend_data).not.toBe("");
      expect(await session.sco.locator('[data-notice="no-lms"]').count()).toBe(0);
      expect(session.errors).toEqual([]);
      await session.page.close();
    },
  );
});
