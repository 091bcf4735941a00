/**
 * Every source `coursepack report` reads, on data set A (test/support/report-fixture.ts): xAPI
 * statements as NDJSON, a JSON array and an LRS page; Moodle's interactions report from a SCORM 1.2
 * (tab-separated) and a SCORM 2004 package (CSV); SCORM Cloud registrations; and a paging LRS over
 * HTTP. Each must give the item figures the statements give.
 */
import { createServer, type IncomingMessage } from "node:http";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyse } from "../../src/report/analyse.js";
import { loadReportCourse } from "../../src/report/course.js";
import type { Report } from "../../src/report/figures.js";
import { fileSource, InputError } from "../../src/report/sources/files.js";
import { LrsError, lrsSource } from "../../src/report/sources/lrs.js";
import { ANSWERS_A, COURSE, fixtureCourse, IRI, scriptA, statementsOf } from "../support/report-fixture.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/report");
const course = fixtureCourse();
const statements = ANSWERS_A.flatMap((_, n) => statementsOf(`l${n + 1}`, scriptA(n)));
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "report-sources-"));
});

const fromFile = async (file: string) => analyse(course, await fileSource(course, file));
const items = (r: Report) => r.quizzes[0]!.items.map((i) => [i.id, i.respondents, i.difficulty, i.pointBiserial]);

describe("files", () => {
  let expected: Report;
  beforeAll(async () => {
    const file = path.join(dir, "a.ndjson");
    await writeFile(file, `${statements.map((s) => JSON.stringify(s)).join("\n")}\n`);
    expected = await fromFile(file);
  });

  it("the fixture course compiles to the data the tests use", async () => {
    const compiled = await loadReportCourse(path.join(FIXTURES, "geo"));
    expect(compiled.data.pages).toEqual(COURSE.pages);
    expect(compiled.data.quizzes).toEqual(COURSE.quizzes);
    expect(compiled.data.questions).toEqual(COURSE.questions);
  });

  it("xAPI statements: NDJSON, a JSON array and an LRS StatementResult page agree", async () => {
    expect(expected.source).toMatchObject({ kind: "xapi-file", read: statements.length, ignored: 0 });
    expect(items(expected)).toEqual([
      ["longest", 5, 0.6, 0],
      ["rhine", 5, 0.6, 0.6455],
      ["capital", 5, 0.4, 0.3273],
    ]);
    const array = path.join(dir, "a.json");
    await writeFile(array, JSON.stringify(statements, null, 2));
    const page = path.join(dir, "page.json");
    await writeFile(page, JSON.stringify({ statements, more: "" }));
    for (const file of [array, page]) {
      const report = await fromFile(file);
      expect({ ...report, source: undefined, generatedAt: undefined }).toEqual({
        ...expected,
        source: undefined,
        generatedAt: undefined,
      });
    }
  });

  it("Moodle interactions report, SCORM 1.2 package, tab-separated", async () => {
    const report = await fromFile(path.join(FIXTURES, "moodle-interactions-scorm12.txt"));
    expect(report.source).toMatchObject({ kind: "moodle", read: 6, ignored: 0 });
    expect(report.learners).toBe(5); // Learner Six never launched it
    expect(items(report)).toEqual(items(expected));
    expect(report.quizzes[0]!.items[0]!.options.map((o) => o.chosen)).toEqual([3, 2, 0, 0]);
    expect(report.quizzes[0]!.reliability).toEqual(expected.quizzes[0]!.reliability);
    expect(report.scores).toMatchObject({ passed: 3, failed: 2, learners: 5 });
    expect(report.funnel.steps.map((s) => s.id)).toEqual(["start", "quiz"]);
    expect(report.notes.join(" ")).toContain("no lesson visits");
  });

  it("Moodle interactions report, SCORM 2004 package, CSV, a learner's second SCORM attempt", async () => {
    const report = await fromFile(path.join(FIXTURES, "moodle-interactions-scorm2004.csv"));
    expect(items(report)).toEqual(items(expected));
    expect(report.quizzes[0]!.attempts).toEqual([
      { attempts: 1, learners: 4 },
      { attempts: 2, learners: 1 },
    ]);
    // Learner Five's retry (100 %) is the last score: four learners at or over 60 %.
    expect(report.scores).toMatchObject({ passed: 4, failed: 1 });
  });

  it("SCORM Cloud registrations: interactions, page objectives as lessons, results", async () => {
    const report = await fromFile(path.join(FIXTURES, "scorm-cloud-registrations.json"));
    expect(report.source).toMatchObject({ kind: "scorm-cloud", read: 5, ignored: 0 });
    expect(items(report)).toEqual(items(expected));
    expect(report.funnel.steps.map((s) => s.learners)).toEqual(expected.funnel.steps.map((s) => s.learners));
    expect(report.quizzes[0]!.items.map((i) => i.meanSeconds)).toEqual([10, 20, 30]);
    expect(report.scores).toMatchObject({ passed: 3, failed: 2, passRate: 0.6 });
  });

  it("says which formats it reads when a file is none of them", async () => {
    const file = path.join(dir, "notes.txt");
    await writeFile(file, "just some notes\n");
    await expect(fileSource(course, file)).rejects.toThrow(InputError);
    await expect(fileSource(course, file)).rejects.toThrow(/Moodle's SCORM interactions report/);
    await expect(fileSource(course, path.join(dir, "missing.ndjson"))).rejects.toThrow(/no such file/);
    const broken = path.join(dir, "broken.ndjson");
    await writeFile(broken, `${JSON.stringify(statements[0])}\n{"verb": \n`);
    await expect(fromFile(broken)).rejects.toThrow(/broken\.ndjson:2:1/);
  });
});

describe("an LRS over HTTP", () => {
  const requests: IncomingMessage[] = [];
  let endpoint = "";
  const server = createServer((req, res) => {
    requests.push(req);
    const url = new URL(req.url!, "http://127.0.0.1");
    if (req.headers.authorization !== `Basic ${Buffer.from("reader:secret").toString("base64")}`) {
      res.writeHead(401).end();
      return;
    }
    // Pages of four, linked by `more` relative to the server root, for the course IRI only.
    const ours = url.searchParams.get("activity") === IRI;
    const from = Number(url.searchParams.get("from") ?? 0);
    const page = ours ? statements.slice(from, from + 4) : [];
    const more = ours && from + 4 < statements.length ? `/lrs/xAPI/statements?from=${from + 4}&activity=${IRI}` : "";
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ statements: page, more }));
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}/lrs/xAPI/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("follows `more` page by page with the version header and the credentials", async () => {
    const authorization = `Basic ${Buffer.from("reader:secret").toString("base64")}`;
    const pages: number[] = [];
    const source = lrsSource(course, {
      endpoint,
      activities: [IRI, `${IRI}/de`],
      since: "2026-01-01T00:00:00.000Z",
      authorization,
      onPage: (read) => pages.push(read),
    });
    const report = await analyse(course, source);
    expect(items(report)).toEqual([
      ["longest", 5, 0.6, 0],
      ["rhine", 5, 0.6, 0.6455],
      ["capital", 5, 0.4, 0.3273],
    ]);
    expect(report.source).toMatchObject({ kind: "lrs", description: endpoint, read: statements.length });
    expect(pages.length).toBe(Math.ceil(statements.length / 4) + 1);
    const first = new URL(requests[0]!.url!, "http://x");
    expect(first.pathname).toBe("/lrs/xAPI/statements");
    expect(Object.fromEntries(first.searchParams)).toMatchObject({
      activity: IRI,
      related_activities: "true",
      ascending: "true",
      since: "2026-01-01T00:00:00.000Z",
    });
    expect(requests.every((r) => r.headers["x-experience-api-version"] === "1.0.3")).toBe(true);
    expect(new URL(requests.at(-1)!.url!, "http://x").searchParams.get("activity")).toBe(`${IRI}/de`);
  });

  it("explains refused credentials and unreachable servers", async () => {
    const refused = lrsSource(course, { endpoint, activities: [IRI], authorization: "Basic bm8=" });
    await expect(analyse(course, refused)).rejects.toThrow(LrsError);
    await expect(analyse(course, refused)).rejects.toThrow(/COURSEPACK_LRS_USERNAME/);
    const nowhere = lrsSource(course, { endpoint: "http://127.0.0.1:9/xAPI/", activities: [IRI] });
    await expect(analyse(course, nowhere)).rejects.toThrow(/could not reach the LRS/);
  });
});

describe("a busy LRS", () => {
  const failures = ["503", "drop"];
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const failure = failures.shift();
    seen.push(failure ?? "ok");
    if (failure === "drop") {
      req.socket.destroy();
      return;
    }
    if (failure === "503") {
      res.writeHead(503, { "Retry-After": "1" }).end("busy");
      return;
    }
    const ours = new URL(req.url!, "http://127.0.0.1").searchParams.get("activity") === IRI;
    res
      .writeHead(200, { "Content-Type": "application/json" })
      .end(JSON.stringify({ statements: ours ? statements : [] }));
  });
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is asked again after a 503 and a dropped connection", async () => {
    const endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}/xAPI/`;
    const report = await analyse(course, lrsSource(course, { endpoint, activities: [IRI] }));
    expect(seen).toEqual(["503", "drop", "ok"]);
    expect(report.source).toMatchObject({ read: statements.length, ignored: 0 });
    expect(report.learners).toBe(5);
  });
});
