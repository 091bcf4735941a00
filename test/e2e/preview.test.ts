/**
 * `coursepack preview` end to end: the server on a starter course and on third-party packages, its
 * LMS page in headless Chromium. The course runs in SCORM 2004, 1.2, xAPI, cmi5 and web; the debug
 * panel shows the API calls, the data model and the statements; relaunch resumes, reset starts a
 * new learner, the LMS options (mastery score, browse mode, no-credit) change what the course
 * reports; edits to a lesson, a template and course.yml reload the course or show their errors;
 * closing the preview frees its port.
 */
import { spawn } from "node:child_process";
import { mkdir, open, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type Preview } from "../../src/preview/server/index.js";
import { axeViolations, tabTo } from "../support/a11y.js";
import { launchBrowser } from "../support/browser.js";
import { ROOT, FIXTURES, buildInto, tempDir } from "../support/build.js";
import { saveByRename } from "../support/editor-saves.js";
import { currentPageId, goTo, takeQuiz } from "../support/learner.js";
import { courseFrame, field, launched, logLines, openPreview, portOpen, setOptions } from "../support/preview.js";
import { lmsCalls, lmsCmi } from "../support/scorm-lms.js";
import { archiverZip, readFolder } from "../support/zip.js";
import { copyStarter } from "../../src/cli/starter.js";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function newCourse(): Promise<string> {
  const dir = path.join(await tempDir("preview"), "course");
  await copyStarter(dir);
  return dir;
}

/**
 * Rewrites a file of a watched course in place with one write, padded with newlines to its old
 * length so nothing is truncated: one change event, so one rebuild. A plain writeFile truncates and
 * then writes, which a loaded machine can deliver as two bursts (two rebuilds, two reloads).
 */
async function overwrite(file: string, content: string): Promise<void> {
  const handle = await open(file, "r+");
  try {
    const { size } = await handle.stat();
    const text = Buffer.from(content);
    const bytes = text.length < size ? Buffer.concat([text, Buffer.alloc(size - text.length, "\n")]) : text;
    await handle.write(bytes, 0, bytes.length, 0);
  } finally {
    await handle.close();
  }
}

const portOf = (preview: Preview) => Number(new URL(preview.url).port);
/** Statements and State documents reach the LRS through the runtime's queue and debounced saves. */
const LRS_WAIT = { timeout: 5000 };

/** Every SetValue the SCO made of an element, in order. */
async function sets(page: Page, element: string): Promise<string[]> {
  return (await lmsCalls(page))
    .filter((c) => /SetValue$/.test(c.method) && c.element === element && c.result === "true")
    .map((c) => c.value!);
}

describe("a course in SCORM", () => {
  let dir: string;
  let preview: Preview;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    dir = await newCourse();
    preview = await startPreview({ source: dir, format: "scorm2004-4th" });
    ({ page, errors } = await openPreview(browser, preview.url));
  });

  afterAll(async () => {
    await preview?.close();
  });

  it("runs the course in SCORM 2004 and shows its API calls and data model", async () => {
    const sco = await launched(page, 1);
    await expect
      .poll(() => logLines(page))
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Initialize\(""\) → "true"$/)]));
    await expect.poll(() => field(page, "completion").textContent()).toBe("incomplete");
    await expect(field(page, "entry").textContent()).resolves.toBe("ab-initio");
    await expect(page.locator("#build-status").textContent()).resolves.toMatch(
      /^Built SCORM 2004 4th Edition in \d+ ms/,
    );
    await sco.locator('[data-nav="next"]').click();
    await expect.poll(() => field(page, "location").textContent()).toBe("writing-lessons");
    await expect(field(page, "suspend-data").textContent()).resolves.toMatch(/^\d+ of 64,000 characters/);
    // Each line of the log is a real call, with its value and what the LMS answered.
    const lines = await logLines(page);
    expect(lines).toContain('SetValue("cmi.location", "writing-lessons") → "true"');
    expect(lines).toContain('GetValue("cmi.mode") → "normal"');
    expect(lines.some((l) => /^SetValue\("cmi\.suspend_data", ".+"\) → "true"$/.test(l))).toBe(true);
    expect(errors).toEqual([]);
  });

  it("relaunches where the learner left off (from the keyboard); the learner passes", async () => {
    // The panel is a tool page, but keyboard operable and labelled.
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, page.getByRole("button", { name: "Relaunch (resume)" }));
    await page.keyboard.press("Enter");
    const sco = await launched(page, 2);
    expect(await currentPageId(sco)).toBe("writing-lessons");
    await expect.poll(() => field(page, "entry").textContent()).toBe("resume");
    // The first session ended when its frame went, as when a learner closes the course window.
    const lines = await logLines(page);
    expect(lines[lines.findIndex((l) => l.startsWith("Launch 2")) - 1]).toBe('Terminate("") → "true"');

    await goTo(sco, "check-your-understanding");
    await takeQuiz(sco, "check-your-understanding", 1);
    await expect.poll(() => field(page, "success").textContent()).toBe("passed");
    await expect.poll(() => field(page, "score").textContent()).toBe("100 (min 0, max 100), scaled 1");
    await expect.poll(() => page.locator("#interactions tbody tr").count()).toBe(3);
    expect(await logLines(page)).toContain('SetValue("cmi.success_status", "passed") → "true"');
  });

  it("resets to a new learner", async () => {
    await page.getByRole("button", { name: "Reset learner" }).click();
    const fresh = await launched(page, 3);
    expect(await currentPageId(fresh)).toBe("welcome");
    expect((await logLines(page))[0]).toMatch(/^Launch 3: new learner/);
    await expect.poll(() => field(page, "entry").textContent()).toBe("ab-initio");
    await expect.poll(() => field(page, "success").textContent()).toBe("unknown");
  });

  it("applies the LMS's mastery score over the course's pass mark", async () => {
    await setOptions(page, { mastery: "50" });
    const sco = await launched(page, 4);
    await expect.poll(() => field(page, "mastery").textContent()).toBe("0.5");
    await goTo(sco, "check-your-understanding");
    await takeQuiz(sco, "check-your-understanding", 2 / 3);
    // 67 % fails the course's 80 % but passes the LMS's 50 % (checklist #24).
    await expect.poll(() => field(page, "success").textContent()).toBe("passed");
    expect(await sets(page, "cmi.score.scaled")).toEqual(["0.6667"]);
    expect(await logLines(page)).toContain('GetValue("cmi.scaled_passing_score") → "0.5"');
  });

  it("opens the course in a popup whose opener holds the API", async () => {
    const [popup] = await Promise.all([page.context().waitForEvent("page"), setOptions(page, { window: "popup" })]);
    await popup.locator("html.cp-ready").waitFor();
    await page.waitForFunction(() => document.body.dataset.launches === "5");
    const sinceLaunch5 = async () => {
      const lines = await logLines(page);
      return lines.slice(lines.findIndex((l) => l.startsWith("Launch 5")));
    };
    await expect.poll(sinceLaunch5).toContain('Initialize("") → "true"');
    await setOptions(page, { window: "frame" });
    await launched(page, 6);
    expect(popup.isClosed()).toBe(true);
  });

  it("in browse mode and without credit, records neither status nor score", async () => {
    await setOptions(page, { mastery: "", mode: "browse", credit: false });
    await page.getByRole("button", { name: "Reset learner" }).click();
    const sco = await launched(page, 8);
    await expect.poll(() => field(page, "mode").textContent()).toBe("browse");
    await expect(field(page, "credit").textContent()).resolves.toBe("no-credit");
    await goTo(sco, "check-your-understanding");
    await takeQuiz(sco, "check-your-understanding", 1);
    await goTo(sco, "summary");
    // Ending the session flushes whatever the course would report; only then is "nothing" final.
    await sco.locator('[data-action="exit"]').click();
    await sco.locator('[data-notice="finished"]').waitFor();
    expect(await logLines(page)).toContain('Terminate("") → "true"');
    for (const element of ["cmi.completion_status", "cmi.success_status", "cmi.score.raw", "cmi.score.scaled"])
      expect(await sets(page, element), element).toEqual([]);
    await expect(field(page, "success").textContent()).resolves.toBe("unknown");
    await setOptions(page, { mode: "normal", credit: true });
    await launched(page, 9);
  });

  it("switches to SCORM 1.2: a new learner in the other standard", async () => {
    await page.getByLabel("Standard").selectOption("scorm12");
    const sco = await launched(page, 10);
    await expect.poll(() => page.evaluate(() => document.body.dataset.standard)).toBe("scorm12");
    await expect.poll(() => logLines(page)).toEqual(expect.arrayContaining(['LMSInitialize("") → "true"']));
    await expect.poll(() => field(page, "status").textContent()).toBe("incomplete");
    await expect(field(page, "suspend-data").textContent()).resolves.toMatch(/ of 4,096 characters/);
    await sco.locator('[data-nav="next"]').click();
    await expect.poll(async () => (await lmsCmi(page)).core.lesson_location).toBe("writing-lessons");
  });

  it("reloads the course after a lesson edit, rebuilding that lesson only", async () => {
    const next = preview.nextBuild();
    const file = path.join(dir, "lessons", "02-writing-lessons.md");
    await saveByRename(
      file,
      (await readFile(file, "utf8")).replace(
        "Write lessons in plain Markdown",
        "Write lessons in live-reloaded Markdown",
      ),
    );
    const build = await next;
    expect(build).toMatchObject({
      ok: true,
      changed: ["lessons/02-writing-lessons.md"],
      rebuilt: { files: ["lessons/02-writing-lessons.md"], pages: ["writing-lessons"] },
    });
    const sco = await launched(page, 11);
    // Resumed on the page being edited, with the new text.
    expect(await currentPageId(sco)).toBe("writing-lessons");
    await expect(sco.locator('section[data-page="writing-lessons"]').textContent()).resolves.toContain(
      "Write lessons in live-reloaded Markdown",
    );
    await expect(page.locator("#build-status").textContent()).resolves.toContain(
      "after lessons/02-writing-lessons.md changed",
    );
  });

  it("reloads the course after a template edit", async () => {
    const lesson = await readFile(path.join(ROOT, "templates", "lesson.hbs"), "utf8");
    // Made outside the course and moved in at once: one change, so one rebuild and one reload
    // (a mkdir and a write apart could reach the watcher as two bursts on a loaded machine).
    const staged = path.join(await tempDir("preview-templates"), "templates");
    await mkdir(staged);
    await writeFile(
      path.join(staged, "lesson.hbs"),
      lesson.replace('<div class="prose">', '<p class="edited-template">Edited template</p><div class="prose">'),
    );
    const next = preview.nextBuild();
    await rename(staged, path.join(dir, "templates"));
    const build = await next;
    expect(build.ok).toBe(true);
    expect(build.changed).toContain("templates");
    const sco = await launched(page, 12);
    await expect(sco.locator('section[data-page="writing-lessons"] .edited-template').textContent()).resolves.toBe(
      "Edited template",
    );
  });

  it("shows a broken course.yml's errors with file:line, keeps the last good course, and recovers", async () => {
    const file = path.join(dir, "course.yml");
    const good = await readFile(file, "utf8");
    let next = preview.nextBuild();
    await overwrite(file, good.replace("passingScore: 80", "passingScore: eighty"));
    const failed = await next;
    expect(failed.ok).toBe(false);
    const overlay = page.getByRole("alert");
    await expect.poll(() => overlay.isVisible()).toBe(true);
    await expect(overlay.locator("h2").textContent()).resolves.toBe("Build failed: 1 error");
    await expect(overlay.locator("pre").textContent()).resolves.toMatch(/course\.yml:\d+:\d+: error: .*passingScore/);
    // The last good build is still served and running.
    expect((await fetch(new URL("course/index.html", preview.url))).status).toBe(200);
    expect(await page.evaluate(() => document.body.dataset.launches)).toBe("12");

    next = preview.nextBuild();
    await overwrite(file, good);
    expect((await next).ok).toBe(true);
    await launched(page, 13);
    await expect.poll(() => overlay.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe("a course in xAPI, cmi5 and web", () => {
  let dir: string;
  let preview: Preview;
  let page: Page;
  let errors: string[];
  let launches = 0;

  beforeAll(async () => {
    dir = await newCourse();
    preview = await startPreview({ source: dir, format: "xapi" });
    ({ page, errors } = await openPreview(browser, preview.url));
  });

  afterAll(async () => {
    await preview?.close();
  });

  const verbs = async () =>
    page.locator("#log > li[data-verb]").evaluateAll((items) => items.map((i) => i.getAttribute("data-verb")));

  it("xAPI: shows every statement as sent and what the LRS holds for the registration; relaunch resumes", async () => {
    let sco = await launched(page, ++launches);
    await expect.poll(verbs).toEqual(expect.arrayContaining(["initialized"]));
    await expect.poll(() => field(page, "registration").textContent()).toBe(preview.state().learner.registration);
    await sco.locator('[data-nav="next"]').click();
    // The runtime saves its bookmark a second after the last change.
    await expect.poll(() => field(page, "state-coursepack.bookmark").count(), LRS_WAIT).toBe(1);

    await page.getByRole("button", { name: "Relaunch (resume)" }).click();
    sco = await launched(page, ++launches);
    expect(await currentPageId(sco)).toBe("writing-lessons");
    await goTo(sco, "check-your-understanding");
    await takeQuiz(sco, "check-your-understanding", 1);
    await goTo(sco, "summary");
    await expect.poll(() => field(page, "success").textContent(), LRS_WAIT).toBe("passed");
    await expect.poll(() => field(page, "completion").textContent(), LRS_WAIT).toBe("yes");
    await expect(field(page, "score").textContent()).resolves.toBe("1");
    expect(await verbs()).toEqual(expect.arrayContaining(["answered", "passed", "completed"]));
    // Nothing the course sent was refused or flagged.
    expect(await page.locator('#log > li[data-valid="false"]').count()).toBe(0);
    await expect(field(page, "statements").textContent()).resolves.toMatch(/^\d+ stored, 0 refused$/);
  });

  it("xAPI: flags a statement the validator refuses", async () => {
    const sco = await courseFrame(page);
    const params = new URL(sco.url()).searchParams;
    const status = await sco.evaluate(
      async ({ endpoint, auth }) =>
        (
          await fetch(`${endpoint}statements`, {
            method: "POST",
            headers: { Authorization: auth, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
            body: JSON.stringify({
              actor: { mbox: "jane@example.com" },
              verb: { id: "completed" },
              object: { id: "course" },
            }),
          })
        ).status,
      { endpoint: params.get("endpoint")!, auth: params.get("auth")! },
    );
    expect(status).toBe(400);
    const flagged = page.locator('#log > li[data-valid="false"]');
    await expect.poll(() => flagged.count()).toBe(1);
    await expect(flagged.locator("summary").textContent()).resolves.toMatch(/refused \(400\), \d+ validation problems/);
    await expect(flagged.locator("ul").textContent()).resolves.toContain("actor.mbox");
  });

  it("cmi5: launches with LMS.LaunchData, applies browse mode and the mastery score, and judges moveOn", async () => {
    await page.getByLabel("Standard").selectOption("cmi5");
    let sco = await launched(page, ++launches);
    // The LMS records "launched" (cmi5 §8.2), then the AU sends "initialized" first (§9.3.2).
    await expect.poll(async () => (await verbs()).slice(0, 2)).toEqual(["launched", "initialized"]);
    await expect.poll(() => field(page, "moveon").textContent(), LRS_WAIT).toBe("CompletedAndPassed: not yet");

    await setOptions(page, { mode: "browse" });
    sco = await launched(page, ++launches);
    await goTo(sco, "check-your-understanding");
    await takeQuiz(sco, "check-your-understanding", 1);
    // Browse: the AU reports no result (cmi5 §10.2.2, checklist #69). Nothing may follow
    // "terminated", so once the session's terminated statement is in, "no passed" is final.
    const terminated = async () => (await verbs()).filter((v) => v === "terminated").length;
    const terminatedBefore = await terminated();
    await goTo(sco, "summary");
    await sco.locator('[data-action="exit"]').click();
    await expect.poll(terminated, LRS_WAIT).toBe(terminatedBefore + 1);
    expect(await verbs()).not.toContain("passed");
    await expect(field(page, "moveon").textContent()).resolves.toBe("CompletedAndPassed: not yet");

    await setOptions(page, { mode: "normal", mastery: "50" });
    sco = await launched(page, ++launches);
    await goTo(sco, "writing-lessons");
    await goTo(sco, "check-your-understanding");
    if (await sco.locator('[data-quiz-action="retry"]').isVisible())
      await sco.locator('[data-quiz-action="retry"]').click();
    await takeQuiz(sco, "check-your-understanding", 2 / 3);
    await goTo(sco, "summary");
    // 67 % passes against the LMS's masteryScore of 0.5.
    await expect.poll(() => field(page, "success").textContent(), LRS_WAIT).toBe("passed");
    await expect.poll(() => field(page, "moveon").textContent(), LRS_WAIT).toBe("CompletedAndPassed: satisfied");
    const passed = page.locator('#log > li[data-verb="passed"] pre');
    expect(JSON.parse((await passed.textContent())!).context.extensions).toMatchObject({
      "https://w3id.org/xapi/cmi5/context/extensions/masteryscore": 0.5,
    });
    await setOptions(page, { mastery: "" });
    await launched(page, ++launches);
  });

  it("web: shows the runtime's saved state; reset clears it", async () => {
    await page.getByLabel("Standard").selectOption("web");
    const sco = await launched(page, ++launches);
    await sco.locator('[data-nav="next"]').click();
    await expect.poll(() => field(page, "location").textContent()).toBe("writing-lessons");
    await expect(field(page, "storage").textContent()).resolves.toMatch(/^coursepack:course: \d+ characters$/);
    await page.getByRole("button", { name: "Reset learner" }).click();
    const fresh = await launched(page, ++launches);
    expect(await currentPageId(fresh)).toBe("welcome");
    expect(errors).toEqual([]);
  });

  it("stops cleanly: the port no longer accepts connections", async () => {
    const port = portOf(preview);
    expect(await portOpen(port)).toBe(true);
    await preview.close();
    expect(await portOpen(port)).toBe(false);
  });
});

describe("packages from other tools", () => {
  async function golfZip(folder: string): Promise<string> {
    const file = path.join(await tempDir("golf"), `${path.basename(folder)}.zip`);
    await writeFile(file, await archiverZip(await readFolder(path.join(FIXTURES, "conformance-samples", folder))));
    return file;
  }

  it.each([
    [
      "scorm12/ContentPackagingSingleSCO_SCORM12",
      "SCORM 1.2",
      "API",
      ["LMSInitialize", "LMSSetValue", "LMSCommit", "LMSFinish"],
    ],
    [
      "scorm2004/ContentPackagingSingleSCO_SCORM20043rdEdition",
      "SCORM 2004 3rd Edition",
      "API_1484_11",
      ["Initialize", "SetValue", "Commit", "Terminate"],
    ],
  ] as const)(
    "%s: detects the standard, serves the zip and logs the SCO's API calls",
    async (folder, detected, api, [init, set, commit, finish]) => {
      const zip = await golfZip(folder);
      await expect(startPreview({ source: zip, format: "scorm12" })).rejects.toThrow(
        /--format is for Coursepack courses/,
      );
      const preview = await startPreview({ source: zip });
      try {
        const { page, errors } = await openPreview(browser, preview.url);
        await page.waitForFunction(() => document.body.dataset.launches === "1");
        await expect(page.locator("#detected").textContent()).resolves.toBe(
          `Detected: ${detected}, launching shared/launchpage.html`,
        );
        const sco = await courseFrame(page, "/course/shared/launchpage.html");
        await expect(sco.locator("h1").textContent()).resolves.toBe("Not implemented yet");
        // These golf samples ship a stub launch page: make a SCO's calls from inside the package's frame.
        const element = api === "API" ? "cmi.core.lesson_status" : "cmi.completion_status";
        await sco.evaluate(
          ({ api, calls }) => {
            const lms = (window.parent as unknown as Record<string, Record<string, (...a: string[]) => string>>)[api]!;
            lms[calls.init]!("");
            lms[calls.set]!(calls.element, "completed");
            lms[calls.set]!(calls.element, "finished");
            lms[calls.commit]!("");
            lms[calls.finish]!("");
          },
          { api, calls: { init, set, commit, finish, element } },
        );
        const lines = await logLines(page);
        expect(lines).toContain(`${set}("${element}", "completed") → "true"`);
        expect(lines.find((l) => l.startsWith(`${set}("${element}", "finished")`))).toMatch(/→ "false" error 40[56]: /);
        await expect.poll(() => field(page, api === "API" ? "status" : "completion").textContent()).toBe("completed");
        await expect(field(page, "terminated").textContent()).resolves.toBe("yes");
        // Another file of the package, straight from the zip.
        expect((await fetch(new URL("course/Etiquette/Course.html", preview.url))).status).toBe(200);
        expect(errors).toEqual([]);
        await page.context().close();
      } finally {
        await preview.close();
      }
      expect(await portOpen(portOf(preview))).toBe(false);
    },
  );
});

describe("a cmi5 package zip", () => {
  it("is launched by the local LMS: a cmi5 session, its statements and moveOn", async () => {
    const dir = await newCourse();
    const result = await buildInto(dir, { formats: ["cmi5"], folders: false });
    const preview = await startPreview({ source: path.join(result.outDir, result.outputs[0]!.zipName) });
    try {
      const { page, errors } = await openPreview(browser, preview.url);
      await launched(page, 1);
      await expect(page.locator("#detected").textContent()).resolves.toBe("Detected: cmi5, launching index.html");
      const verbs = () =>
        page.locator("#log > li[data-verb]").evaluateAll((items) => items.map((i) => i.getAttribute("data-verb")));
      await expect.poll(async () => (await verbs()).slice(0, 2)).toEqual(["launched", "initialized"]);
      await expect.poll(() => field(page, "moveon").textContent()).toBe("CompletedAndPassed: not yet");
      expect(errors).toEqual([]);
    } finally {
      await preview.close();
    }
  });
});

describe("the preview command", () => {
  it("prints the URL, serves until SIGINT, then exits 0 with its port closed", async () => {
    const dir = await newCourse();
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "bin", "coursepack.js"), "preview", dir, "--format", "web"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // The first build's line (printed after the URL) is the event to wait for; exiting first fails
    // at once with what the command printed.
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("built web in")) resolve();
      });
      void exited.then((code) => reject(new Error(`preview exited (${code}) before serving:\n${out}${err}`)));
    });
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)![0];
    // formatMs: "812 ms", or "1.84 s" on a loaded machine.
    expect(out).toMatch(/✓ built web in (\d+ ms|\d+\.\d\d s)/);
    const state = (await (await fetch(`${url}__coursepack/state`)).json()) as { format: string };
    expect(state.format).toBe("web");
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(out).toContain("Preview stopped.");
    expect(await portOpen(Number(new URL(url).port))).toBe(false);
  });
});
