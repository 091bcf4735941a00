/**
 * One way to drive a package in each standard for the update tests: launch version 1 fresh or
 * resume saved data in another version, end the session the way a learner does (closing the
 * window), and read back what the LMS or LRS then holds — the saved learner state, decoded, and
 * the results. SCORM runs in the preview's LMS page (scorm-again); xAPI and cmi5 against the local
 * LMS with its in-memory LRS, each resume in a fresh registration holding a copy of the saved
 * bookmark document, so one saved state can be resumed in many versions.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import type { ScormStandard } from "../../src/preview/client/scorm-lms.js";
import { LocalLms } from "../../src/preview/server/lrs/index.js";
import type { LearnerState } from "../../src/shared/learner.js";
import { decodeState } from "../../src/shared/state-codec.js";
import { launchBrowser, openCourse } from "./browser.js";
import { tempDir, writePackages } from "./build.js";
import { firstLaunch, launchScorm, lmsCmi, lmsTerminated, nextSession, serveWithLms } from "./scorm-lms.js";
import type { CmiJson } from "../../src/preview/client/scorm-lms.js";

export type UpdateStandard = ScormStandard | "xapi" | "cmi5";
export const UPDATE_STANDARDS: UpdateStandard[] = ["scorm12", "scorm2004", "xapi", "cmi5"];

export const COURSE_ID = "update-drill";
export const COURSE_IRI = "https://learning.example.com/courses/update-drill";
/** The AU's activity id as the LMS generated it (the same in every registration of the tests). */
export const AU_ACTIVITY = `${COURSE_IRI}/au/lms-1`;
export const BOOKMARK = "coursepack.bookmark";
export const XAPI_ACTOR = { objectType: "Agent", name: "Jane Doe", mbox: "mailto:jane@example.com" };
export const CMI5_ACTOR = { name: "Jane Doe", account: { homePage: "https://lms.example.com", name: "jane-42" } };

/** What the LMS holds after a session, and what the next session resumes from. */
export interface Held {
  standard: UpdateStandard;
  /** The saved text (suspend_data, or the bookmark document's state). */
  raw: string;
  state: LearnerState | undefined;
  /** SCORM: the record for the next launch and the data model as it ended. */
  cmi?: CmiJson;
  model?: Record<string, any>;
  /** xAPI/cmi5: the registration and its bookmark document. */
  registration?: string;
  doc?: { state: string; reported: Record<string, unknown>; savedAt: string };
}

export interface Session {
  /** The course's document: the package frame (SCORM) or the page (xAPI, cmi5). */
  course: Page | Frame;
  page: Page;
  errors: string[];
  /** Closes the course as a learner does and returns what the LMS then holds. */
  end(): Promise<Held>;
}

export interface UpdateRig {
  browser: Browser;
  lms: LocalLms;
  /** Base URL of the served builds: `${base}/<version>/update-drill-<format>/index.html`. */
  base: string;
  close(): Promise<void>;
}

/**
 * Serves every format of each course folder under its version name, with the SCORM LMS page beside
 * them, and starts Chromium and the local LMS (statements validated and kept in memory).
 */
export async function startUpdateRig(versions: Record<string, string>): Promise<UpdateRig> {
  const root = await mkdtemp(path.join(await tempDir("updates"), "site-"));
  for (const [version, dir] of Object.entries(versions)) await writePackages(dir, path.join(root, version));
  const server = await serveWithLms(root);
  const [browser, lms] = await Promise.all([launchBrowser(), LocalLms.start()]);
  return {
    browser,
    lms,
    base: server.url,
    async close() {
      await browser.close();
      await lms.close();
      await server.close();
    },
  };
}

export interface LaunchOptions {
  /** Review mode (SCORM cmi.mode, cmi5 launchMode); xAPI has none. */
  review?: boolean;
}

/** Polls until `ready` holds (expect.poll is not allowed in hooks, where sessions also run). */
async function until(ready: () => boolean | Promise<boolean>, what: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const indexUrl = (rig: UpdateRig, version: string, standard: UpdateStandard) =>
  `${rig.base}/${version}/${COURSE_ID}-${standard}/index.html`;

function withMode(standard: ScormStandard, cmi: CmiJson, review: boolean): CmiJson {
  const copy = structuredClone(cmi) as { cmi: Record<string, any> };
  const mode = review ? "review" : "normal";
  if (standard === "scorm12") copy.cmi.core = { ...copy.cmi.core, lesson_mode: mode };
  else copy.cmi.mode = mode;
  return copy as CmiJson;
}

async function scormSession(rig: UpdateRig, version: string, standard: ScormStandard, cmi: CmiJson): Promise<Session> {
  const site = {
    browser: rig.browser,
    hostUrl: `${rig.base}/lms/scorm-host.html`,
    packageUrl: () => `../${version}/${COURSE_ID}-${standard}/index.html`,
  };
  const { page, errors, sco } = await launchScorm(site, standard, { cmi });
  return {
    course: sco,
    page,
    errors,
    async end() {
      // The LMS closes the content frame: pagehide must end the session.
      await page.evaluate(() => document.querySelector<HTMLIFrameElement>("#stage iframe")!.remove());
      await until(() => lmsTerminated(page), "the LMS saw Terminate");
      const [next, model] = [await nextSession(page), await lmsCmi(page)];
      await page.context().close();
      const raw = String(model.suspend_data ?? "");
      return { standard, raw, state: decodeState(raw), cmi: next, model };
    },
  };
}

/** A State API document written the way an LMS would hold it for a registration. */
export async function putBookmark(
  lms: LocalLms,
  activityId: string,
  actor: object,
  registration: string,
  body: unknown,
): Promise<void> {
  const auth = new URL(lms.tinCanLaunch({ contentUrl: "http://127.0.0.1/", actor, activityId })).searchParams.get(
    "auth",
  )!;
  const query = new URLSearchParams({ activityId, agent: JSON.stringify(actor), registration, stateId: BOOKMARK });
  const response = await fetch(`${lms.endpoint}activities/state?${query}`, {
    method: "PUT",
    headers: { Authorization: auth, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT state: ${response.status} ${await response.text()}`);
}

async function lrsSession(
  rig: UpdateRig,
  version: string,
  standard: "xapi" | "cmi5",
  registration: string,
  review: boolean,
): Promise<Session> {
  const url =
    standard === "xapi"
      ? rig.lms.tinCanLaunch({
          contentUrl: indexUrl(rig, version, standard),
          actor: XAPI_ACTOR,
          registration,
          activityId: COURSE_IRI,
        })
      : (
          await rig.lms.cmi5Launch({
            auUrl: indexUrl(rig, version, standard),
            actor: CMI5_ACTOR,
            registration,
            activityId: AU_ACTIVITY,
            publisherCourseId: COURSE_IRI,
            publisherAuId: `${COURSE_IRI}/au`,
            moveOn: "CompletedAndPassed",
            ...(review ? { launchMode: "Review" as const } : {}),
          })
        ).url;
  const [activity, actor] = standard === "xapi" ? [COURSE_IRI, XAPI_ACTOR] : [AU_ACTIVITY, CMI5_ACTOR];
  const docNow = () => rig.lms.state(activity, actor, registration, BOOKMARK) as Held["doc"];
  const before = docNow()?.savedAt;
  const { page, errors } = await openCourse(rig.browser, url);
  return {
    course: page,
    page,
    errors,
    async end() {
      // A normal session saves at once (the first page shown); wait for it to reach the LRS.
      if (!review) await until(() => docNow()?.savedAt !== before, "the bookmark reached the LRS");
      await page.close();
      const verbs = () =>
        rig.lms.accepted(registration).map((s) =>
          String((s.verb as { id: string }).id)
            .split("/")
            .pop(),
        );
      await until(() => verbs().at(-1) === "terminated", "terminated reached the LRS");
      await page.context().close();
      const doc = docNow();
      return {
        standard,
        raw: doc?.state ?? "",
        state: doc ? decodeState(doc.state) : undefined,
        registration,
        ...(doc ? { doc } : {}),
      };
    },
  };
}

/** A first launch of `version`: a new learner. */
export function launchFresh(rig: UpdateRig, version: string, standard: UpdateStandard): Promise<Session> {
  if (standard === "xapi" || standard === "cmi5") return lrsSession(rig, version, standard, randomUUID(), false);
  return scormSession(rig, version, standard, firstLaunch(standard));
}

/** A later launch of `version` that resumes what the LMS holds (a copy of it, so it can be resumed again). */
export async function launchResumed(
  rig: UpdateRig,
  version: string,
  held: Held,
  options: LaunchOptions = {},
): Promise<Session> {
  const { standard } = held;
  if (standard === "xapi" || standard === "cmi5") {
    const registration = randomUUID();
    const [activity, actor] = standard === "xapi" ? [COURSE_IRI, XAPI_ACTOR] : [AU_ACTIVITY, CMI5_ACTOR];
    if (held.doc) await putBookmark(rig.lms, activity, actor, registration, held.doc);
    return lrsSession(rig, version, standard, registration, options.review ?? false);
  }
  return scormSession(rig, version, standard, withMode(standard, held.cmi!, options.review ?? false));
}
