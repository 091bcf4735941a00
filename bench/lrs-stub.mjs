// A minimal LRS for the report benchmark: serves GET <endpoint>/statements as StatementResult
// pages of synthetic statements (statement-stream.mjs), made as they are asked for and linked by
// `more`, so it holds one page at a time however long the stream. Checks the version header.
// Usage: node bench/lrs-stub.mjs <course-data.json> <statements> [page size]; prints its endpoint.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { syntheticStatements } from "./statement-stream.mjs";

const [courseFile, total, pageSize = "500"] = process.argv.slice(2);
const course = JSON.parse(readFileSync(courseFile, "utf8"));
const limit = Number(total);
const stream = syntheticStatements(course, { learners: Number.MAX_SAFE_INTEGER });
let served = 0;
let nextPage = 0;

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  if (url.pathname !== "/xAPI/statements" || req.headers["x-experience-api-version"] !== "1.0.3") {
    res.writeHead(400).end("bad request");
    return;
  }
  const activity = url.searchParams.get("activity");
  if (activity !== null && activity !== course.activityId) {
    // Another activity (a translation's IRI): this LRS holds none of its statements.
    res.writeHead(200, { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" });
    res.end(JSON.stringify({ statements: [], more: "" }));
    return;
  }
  const page = Number(url.searchParams.get("page") ?? "0");
  if (page !== nextPage) {
    res.writeHead(400).end(`expected page ${nextPage}, got ${page}`);
    return;
  }
  const size = Math.min(Number(url.searchParams.get("limit") ?? pageSize), Number(pageSize));
  const statements = [];
  while (statements.length < size && served < limit) {
    statements.push(stream.next().value);
    served++;
  }
  nextPage++;
  const more = served < limit ? `/xAPI/statements?page=${nextPage}&limit=${size}` : "";
  res.writeHead(200, { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" });
  res.end(JSON.stringify({ statements, more }));
});
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}/xAPI/`));
