/**
 * `coursepack report` on the command line: where LRS credentials come from, the mistakes it
 * explains (with exit code 1), and its output modes (HTML, --json, --quiet).
 */
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { lrsAuthorization } from "../../src/cli/commands/report.js";
import { UsageError } from "../../src/cli/usage.js";
import { coursepack } from "../support/cli.js";
import { ANSWERS_A, scriptA, statementsOf } from "../support/report-fixture.js";

const COURSE = path.resolve(import.meta.dirname, "../fixtures/report/geo");
const basic = (s: string) => `Basic ${Buffer.from(s).toString("base64")}`;

describe("LRS credentials", () => {
  it("Basic from the username and password variables, Bearer from the token, --auth first", () => {
    expect(lrsAuthorization(undefined, { COURSEPACK_LRS_USERNAME: "key", COURSEPACK_LRS_PASSWORD: "s:e" })).toBe(
      basic("key:s:e"),
    );
    expect(lrsAuthorization(undefined, { COURSEPACK_LRS_TOKEN: "t0k" })).toBe("Bearer t0k");
    expect(lrsAuthorization("a:b", { COURSEPACK_LRS_TOKEN: "t0k" })).toBe(basic("a:b"));
    expect(lrsAuthorization(undefined, {})).toBeUndefined();
  });

  it("explains half-set credentials", () => {
    expect(() => lrsAuthorization(undefined, { COURSEPACK_LRS_USERNAME: "key" })).toThrow(UsageError);
    expect(() => lrsAuthorization(undefined, { COURSEPACK_LRS_PASSWORD: "x" })).toThrow(/USERNAME/);
    expect(() => lrsAuthorization("no-colon", {})).toThrow(/<username>:<password>/);
  });
});

describe("coursepack report", () => {
  let dir = "";
  let input = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "report-cli-"));
    input = path.join(dir, "a.ndjson");
    const statements = ANSWERS_A.flatMap((_, n) => statementsOf(`l${n + 1}`, scriptA(n)));
    await writeFile(input, statements.map((s) => JSON.stringify(s)).join("\n"));
  });

  it.each([
    [["--lrs", "http://lrs.example.com/xAPI/", "--input", "a.ndjson"], "either --lrs or --input"],
    [["--lrs", "lrs.example.com"], "--lrs takes the LRS endpoint URL"],
    [["--lrs", "http://lrs.example.com/xAPI/", "--since", "last week"], "--since takes an ISO 8601 date"],
    [["--input", "a.ndjson", "--since", "2026-01-01"], "--since applies to --lrs"],
    [["--input", "a.ndjson", "--activity", "https://x.example.com"], "--activity applies to --lrs"],
    [[], "report needs a source"],
    [["--input", "missing.ndjson"], "cannot read missing.ndjson: no such file"],
  ])("explains %j", async (args, message) => {
    const result = await coursepack(["report", COURSE, ...args], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });

  it("writes report.html by default, JSON with --json, and nothing but the file with --quiet", async () => {
    const html = await coursepack(["report", COURSE, "-i", input], { cwd: dir });
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/^✓ report\.html: 5 learners from \d+ records/);
    expect(await readFile(path.join(dir, "report.html"), "utf8")).toContain("<h1>Geography</h1>");

    const json = await coursepack(["report", COURSE, "-i", input, "--json"], { cwd: dir });
    expect(JSON.parse(json.stdout)).toMatchObject({ schema: 1, learners: 5, course: { id: "geo" } });
    expect(json.stderr).toBe("");

    const out = path.join(dir, "quiet.html");
    const quiet = await coursepack(["report", COURSE, "-i", input, "-o", out, "--quiet"], { cwd: dir });
    expect(quiet).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect((await stat(out)).size).toBeGreaterThan(10_000);
  });
});
