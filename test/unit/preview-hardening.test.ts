/**
 * The preview server against requests a page of another site, or a broken client, can send: other
 * Host names (DNS rebinding), oversized bodies, malformed JSON and statements that are not objects.
 * Each gets a short 4xx answer; no answer carries a stack trace or a path of the machine.
 */
import { cp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type Preview, type PreviewState } from "../../src/preview/server/index.js";
import { MAX_BODY_BYTES } from "../../src/preview/server/lrs/local-lms.js";
import { FIXTURES, tempDir } from "../support/build.js";
import { type Answer, type RawRequest, send as sendRaw } from "../support/raw-request.js";

const GOLF = path.join(FIXTURES, "conformance-samples", "scorm12", "ContentPackagingSingleSCO_SCORM12");

let preview: Preview;
let packageDir = "";
let port = 0;

beforeAll(async () => {
  packageDir = path.join(await tempDir("preview-hardening"), "golf");
  await cp(GOLF, packageDir, { recursive: true });
  preview = await startPreview({ source: packageDir });
  port = Number(new URL(preview.url).port);
});

afterAll(async () => {
  await preview?.close();
});

/** A raw request to this preview. */
const send = (method: string, pathname: string, options?: RawRequest): Promise<Answer> =>
  sendRaw(port, method, pathname, options);

/** Credentials of a Tin Can launch, as the LMS hands them to content. */
function credentials(): Record<string, string> {
  const launch = new URL(
    preview.lms.tinCanLaunch({
      contentUrl: `http://127.0.0.1:${port}/course/index.html`,
      actor: { objectType: "Agent", name: "Learner", account: { homePage: "https://lms.example.com", name: "l" } },
      activityId: "https://example.com/course",
    }),
  );
  return {
    Authorization: launch.searchParams.get("auth")!,
    "X-Experience-API-Version": "1.0.3",
    "Content-Type": "application/json",
  };
}

describe("the preview server", () => {
  it("counts its changes of state, so its page can tell a late event from a newer answer", async () => {
    const revision = async () => (JSON.parse((await send("GET", "/__coursepack/state")).body) as PreviewState).revision;
    const before = await revision();
    const json = { headers: { "Content-Type": "application/json" } };
    const options = await send("POST", "/__coursepack/options", { ...json, body: JSON.stringify({ mode: "browse" }) });
    const reset = await send("POST", "/__coursepack/reset", { ...json, body: "{}" });
    const answered = [options, reset].map((a) => (JSON.parse(a.body) as PreviewState).revision);
    expect(answered).toEqual([before + 1, before + 2]);
    expect(await revision()).toBe(before + 2);
    await send("POST", "/__coursepack/options", { ...json, body: JSON.stringify({ mode: "normal" }) });
  });

  it("answers only to the loopback names it listens on (no DNS rebinding)", async () => {
    expect((await send("GET", "/__coursepack/state")).status).toBe(200);
    expect((await send("GET", "/__coursepack/state", { host: `localhost:${port}` })).status).toBe(200);
    for (const route of ["/__coursepack/state", "/__coursepack/statements", "/course/imsmanifest.xml", "/xapi/about"]) {
      const answer = await send("GET", route, { host: `rebound.example.com:${port}` });
      expect(answer).toEqual({
        status: 403,
        body: `the preview answers only to http://127.0.0.1:${port}, not to the host "rebound.example.com:${port}"`,
      });
    }
    expect((await send("GET", "/", { host: `127.0.0.1:${port + 1}` })).status).toBe(403);
  });

  it("refuses bodies over the limit with 413, whether announced or streamed, and lets the client finish", async () => {
    const command = await send("POST", "/__coursepack/options", { body: `{"x":"${"a".repeat(70_000)}"}` });
    expect(command).toEqual({ status: 413, body: "the request body is larger than 65,536 bytes" });
    const streamed = await send("POST", "/xapi/statements", {
      headers: credentials(),
      body: Buffer.alloc(MAX_BODY_BYTES + 32 * 1024 * 1024, 0x20),
      chunked: true,
    });
    // No `cut`: the server reads the refused rest and drops it, so the client sends it all and
    // hears the answer. Closing at once made the client's write fail, and now and then the answer
    // was lost with the connection (a 400 MB upload: one in eight).
    expect(streamed).toEqual({ status: 413, body: "the request body is larger than 8,388,608 bytes" });
    // The server is still there.
    expect((await send("GET", "/__coursepack/state")).status).toBe(200);
  });

  it("answers malformed JSON and statements that are not objects with 400 and a short reason", async () => {
    const options = await send("POST", "/__coursepack/options", { body: "{masteryScore: 80" });
    expect(options.status).toBe(400);
    expect(options.body).toMatch(/^the request body is not JSON: /);
    expect(await send("POST", "/__coursepack/options", { body: "[1, 2]" })).toEqual({
      status: 400,
      body: "the request body must be a JSON object",
    });
    const headers = credentials();
    const cases: [string, string | RegExp][] = [
      ["null", "statement 0 is null, not a statement object"],
      ['[{"id": "x"}, null]', "statement 1 is null, not a statement object"],
      ["[]", "no statements: send a statement object or a non-empty array of them"],
      ['"text"', "statement 0 is a string, not a statement object"],
      ["{", /^the statement is not JSON: /],
    ];
    for (const [body, reason] of cases) {
      const answer = await send("POST", "/xapi/statements", { headers, body });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(reason);
    }
  });

  it("never puts a path or an error message of the machine in a 500", async () => {
    // A file of the package disappears while it is previewed: reading it fails inside the server.
    await rm(path.join(packageDir, "shared", "launchpage.html"));
    const answer = await send("GET", "/course/shared/launchpage.html");
    expect(answer).toEqual({
      status: 500,
      body: "The preview failed on this request (GET /course/shared/launchpage.html); the terminal running coursepack preview says why.",
    });
    expect(answer.body).not.toContain(packageDir);
  });
});

describe("the preview of a course", () => {
  it("does not serve a file of the last good build that became a link out of the course", async () => {
    const dir = path.join(await tempDir("preview-link"), "course");
    await mkdir(path.join(dir, "lessons"), { recursive: true });
    await mkdir(path.join(dir, "images"));
    await writeFile(
      path.join(dir, "course.yml"),
      "id: linked\ntitle: Linked\ndescription: A course whose image becomes a link.\nformats: [web]\noutline:\n  - lessons/a.md\n",
    );
    await writeFile(path.join(dir, "lessons", "a.md"), "---\ntitle: A\n---\n\n![Chart](../images/chart.svg)\n");
    await writeFile(path.join(dir, "images", "chart.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    const course = await startPreview({ source: dir, format: "web", debounceMs: 5 });
    try {
      const image = new URL("course/assets/images/chart.svg", course.url);
      expect((await fetch(image)).status).toBe(200);
      const rebuilt = course.nextBuild();
      await rm(path.join(dir, "images", "chart.svg"));
      await symlink("/etc/passwd", path.join(dir, "images", "chart.svg"));
      const status = await rebuilt;
      expect(status.ok).toBe(false);
      expect(status.serving).not.toBeNull();
      const answer = await fetch(image);
      expect(answer.status).toBe(404);
      expect(await answer.text()).not.toContain("root:");
    } finally {
      await course.close();
    }
  });
});
