/**
 * `coursepack report` from the packed and installed package: the chart library (Observable Plot
 * drawing into linkedom), the CSV parser and the streaming JSON parser must all work from the
 * bundle. Reads data set A (test/support/report-fixture.ts) from a paging LRS over HTTP, as a JSON
 * array (stream-json) and as Moodle's CSV export (csv-parse); each must give the same figures.
 */
import { createServer } from "node:http";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/report/figures.js";
import { ANSWERS_A, IRI, scriptA, statementsOf } from "../support/report-fixture.js";
import { installed, scratch } from "./installed.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/report");
const COURSE = path.join(FIXTURES, "geo");
const statements = ANSWERS_A.flatMap((_, n) => statementsOf(`l${n + 1}`, scriptA(n)));
/** Item figures of data set A, worked out by hand in test/unit/report-sources.test.ts. */
const ITEMS = [
  ["longest", 5, 0.6, 0],
  ["rhine", 5, 0.6, 0.6455],
  ["capital", 5, 0.4, 0.3273],
];
const items = (r: Report) => r.quizzes[0]!.items.map((i) => [i.id, i.respondents, i.difficulty, i.pointBiserial]);
const BASIC = `Basic ${Buffer.from("reader:s3cret").toString("base64")}`;

let endpoint = "";
let pages = 0;
const server = createServer((req, res) => {
  if (req.headers.authorization !== BASIC || req.headers["x-experience-api-version"] !== "1.0.3") {
    res.writeHead(401).end();
    return;
  }
  // Pages of five, linked by `more` (relative to the server root), for the course IRI only.
  const url = new URL(req.url!, "http://127.0.0.1");
  const ours = url.searchParams.get("activity") === IRI;
  const from = Number(url.searchParams.get("from") ?? 0);
  const more = ours && from + 5 < statements.length ? `/xAPI/statements?from=${from + 5}&activity=${IRI}` : "";
  pages++;
  res
    .writeHead(200, { "Content-Type": "application/json" })
    .end(JSON.stringify({ statements: ours ? statements.slice(from, from + 5) : [], more }));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}/xAPI/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the installed coursepack report", () => {
  it("reads a paging LRS with credentials from the environment and writes a self-contained page", async () => {
    const out = path.join(await scratch("report"), "report.html");
    const run = await installed("report", COURSE, "--lrs", endpoint, "--json", "-o", out, {
      env: { COURSEPACK_LRS_USERNAME: "reader", COURSEPACK_LRS_PASSWORD: "s3cret" },
    });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.source).toMatchObject({ kind: "lrs", read: statements.length, ignored: 0 });
    expect(report.learners).toBe(5);
    expect(items(report)).toEqual(ITEMS);
    expect(pages).toBeGreaterThan(statements.length / 5);
    const html = await readFile(out, "utf8");
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain("Which river is the longest?");
    expect(html).not.toMatch(/<script|<link|(src|href)="https?:|url\(|@import/);
    expect(`${html}${run.stdout}${run.stderr}`).not.toContain("s3cret");
  });

  it("reads exports: xAPI statements as a JSON array and Moodle's interactions report as CSV", async () => {
    const dir = await scratch("report-input");
    const array = path.join(dir, "statements.json");
    await writeFile(array, JSON.stringify(statements, null, 2));
    const json = await installed("report", COURSE, "--input", array, "--json", { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    expect(items(JSON.parse(json.stdout) as Report)).toEqual(ITEMS);

    const moodle = await installed("report", COURSE, "-i", path.join(FIXTURES, "moodle-interactions-scorm2004.csv"), {
      cwd: dir,
    });
    expect(moodle.code, moodle.stderr).toBe(0);
    expect(moodle.stdout).toMatch(/✓ report\.html: 5 learners from 6 records/);
    expect(await readFile(path.join(dir, "report.html"), "utf8")).toContain("<svg");
  });

  it("explains a file it cannot read and a missing source, with exit code 1", async () => {
    const unknown = await installed("report", COURSE, "--input", path.join(COURSE, "course.yml"));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("not a format coursepack report reads");
    const none = await installed("report", COURSE);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("--lrs <endpoint> or --input <file>");
  });
});
