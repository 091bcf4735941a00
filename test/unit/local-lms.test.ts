/**
 * The local LMS/LRS without an upstream LRS (the preview's mode): it validates statements with
 * Learning Locker's rules and refuses invalid ones, recognises a statement sent again, tells
 * subscribers, and ends a cmi5 session only on that session's own "terminated".
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalLms, type LmsEvent } from "../../src/preview/server/lrs/index.js";

const ACTOR = { name: "Jane Doe", account: { homePage: "https://lms.example.com", name: "jane" } };
const ADL = "http://adlnet.gov/expapi/verbs/";
const SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
const CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";

let lms: LocalLms;
let events: LmsEvent[];

beforeEach(async () => {
  lms = await LocalLms.start();
  events = [];
  lms.subscribe((e) => events.push(e));
});

afterEach(async () => {
  await lms.close();
});

function credentialsOf(launchUrl: string): { endpoint: string; auth: string } {
  const params = new URL(launchUrl).searchParams;
  return { endpoint: params.get("endpoint")!, auth: params.get("auth")! };
}

async function post(auth: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${lms.endpoint}statements`, {
    method: "POST",
    headers: { Authorization: auth, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const statement = (verb: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  actor: { objectType: "Agent", ...ACTOR },
  verb: { id: `${ADL}${verb}` },
  object: { objectType: "Activity", id: "https://example.com/course" },
  timestamp: new Date().toISOString(),
  ...extra,
});

describe("local LRS in memory", () => {
  it("stores valid statements, refuses invalid ones with the validator's findings, and tells subscribers", async () => {
    const { auth } = credentialsOf(
      lms.tinCanLaunch({
        contentUrl: "http://127.0.0.1/index.html",
        actor: ACTOR,
        activityId: "https://example.com/course",
      }),
    );
    const good = statement("experienced");
    expect((await post(auth, good)).status).toBe(200);
    const bad = { ...statement("completed"), actor: { mbox: "jane@example.com" } };
    const refused = await post(auth, [statement("answered"), bad]);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("statements.1.actor.mbox");
    expect(lms.accepted().map((s) => s.id)).toEqual([good.id]);
    expect(lms.statements.map((l) => [l.stored, l.warnings.length > 0])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
    expect(
      events.filter((e) => e.kind === "statements").map((e) => (e as { logged: unknown[] }).logged.length),
    ).toEqual([1, 2]);
  });

  it("recognises a statement sent again unchanged, and refuses one that reuses an id for other content", async () => {
    const { auth } = credentialsOf(
      lms.tinCanLaunch({
        contentUrl: "http://127.0.0.1/index.html",
        actor: ACTOR,
        activityId: "https://example.com/course",
      }),
    );
    const s = statement("experienced");
    expect((await post(auth, s)).status).toBe(200);
    expect((await post(auth, s)).status).toBe(200);
    expect(lms.statements.map((l) => l.again)).toEqual([false, true]);
    expect(lms.accepted()).toHaveLength(1);
    expect((await post(auth, { ...s, verb: { id: `${ADL}completed` } })).status).toBe(409);
  });

  it("cmi5: a session ends on its own terminated; the next session's replay of it changes nothing", async () => {
    const registration = randomUUID();
    const options = {
      auUrl: "http://127.0.0.1/index.html",
      actor: ACTOR,
      registration,
      activityId: "https://example.com/course/au/lms/1",
      publisherAuId: "https://example.com/course/au",
      publisherCourseId: "https://example.com/course",
      moveOn: "Completed" as const,
    };
    const first = await lms.cmi5Launch(options);
    const token = async (url: string) => {
      const fetchUrl = new URL(url).searchParams.get("fetch")!;
      return `Basic ${((await (await fetch(fetchUrl, { method: "POST" })).json()) as { "auth-token": string })["auth-token"]}`;
    };
    const firstAuth = await token(first.url);
    const defined = (verb: string, sessionId: string) =>
      statement(verb, {
        object: { objectType: "Activity", id: options.activityId },
        context: {
          registration,
          contextActivities: { category: [{ id: CMI5 }] },
          extensions: { [SESSION_ID]: sessionId },
        },
      });
    const terminated = defined("terminated", first.session.id);
    expect((await post(firstAuth, [defined("initialized", first.session.id), terminated])).status).toBe(200);
    expect((await post(firstAuth, defined("experienced", first.session.id))).status).toBe(403);

    const second = await lms.cmi5Launch(options);
    const secondAuth = await token(second.url);
    // The AU's queue resends the first session's last statements with the new session's token.
    expect((await post(secondAuth, terminated)).status).toBe(200);
    expect((await post(secondAuth, defined("initialized", second.session.id))).status).toBe(200);
    expect(lms.statements.at(-2)).toMatchObject({ again: true, stored: true });
  });
});
