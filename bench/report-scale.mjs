// `coursepack report` at scale: the default course, a local LRS stub (lrs-stub.mjs) serving a
// deterministic stream of synthetic statements in pages of 500 linked by `more`, and the command
// as a user runs it (process start included), timed with its peak resident memory
// (/usr/bin/time). Figures for 100,000 and 1,000,000 statements (BENCH_REPORT_SIZES to change),
// written to bench/report-results.json. Figures, not pass/fail; run after `npm run compile`:
//   node bench/report-scale.mjs
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { builtCourseData } from "./statement-stream.mjs";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const cli = path.join(root, "bin", "coursepack.js");
const work = path.join(root, "bench", ".work", "report");
const sizes = (process.env.BENCH_REPORT_SIZES ?? "100000,1000000").split(",").map(Number);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// The course data the runtime gets, from the built xAPI package.
const built = spawnSync(
  process.execPath,
  [cli, "build", path.join(root, "content"), "--format", "xapi", "--out", work],
  {
    encoding: "utf8",
  },
);
if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
// The course's own language: its folder has the shortest name (translations add -<lang>).
const folder = readdirSync(work)
  .filter((f) => f.endsWith("-xapi") && statSync(path.join(work, f)).isDirectory())
  .sort((a, b) => a.length - b.length)[0];
const courseFile = path.join(work, "course-data.json");
writeFileSync(courseFile, JSON.stringify(builtCourseData(path.join(work, folder))));

function startStub(count) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "bench", "lrs-stub.mjs"), courseFile, String(count)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.once("error", reject);
    child.stdout.once("data", (d) => resolve({ child, endpoint: String(d).trim() }));
  });
}

function runReport(endpoint, out) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "/usr/bin/time",
      [
        "-f",
        "%e %U %S %M",
        process.execPath,
        cli,
        "report",
        path.join(root, "content"),
        "--lrs",
        endpoint,
        "--json",
        "-o",
        out,
      ],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`report failed (${code}):\n${stderr}`));
      const [seconds, user, system, kb] = stderr.trim().split("\n").pop().split(" ").map(Number);
      resolve({
        seconds,
        cpuSeconds: Math.round((user + system) * 10) / 10,
        peakRssMb: Math.round(kb / 1024),
        report: JSON.parse(stdout),
      });
    });
  });
}

const results = [];
for (const count of sizes) {
  const stub = await startStub(count);
  try {
    const out = path.join(work, `report-${count}.html`);
    const { seconds, cpuSeconds, peakRssMb, report } = await runReport(stub.endpoint, out);
    if (report.source.read !== count) throw new Error(`read ${report.source.read} statements, expected ${count}`);
    results.push({
      statements: count,
      learners: report.learners,
      seconds,
      cpuSeconds,
      statementsPerSecond: Math.round(count / seconds),
      statementsPerCpuSecond: Math.round(count / cpuSeconds),
      peakRssMb,
      htmlKb: Math.round(statSync(out).size / 1024),
    });
  } finally {
    stub.child.kill();
  }
}

console.log("coursepack report against a paging LRS stub (default course, process start included)");
// CPU time is the report process's own (user + system), which a busy machine does not inflate.
console.log("statements   learners   wall      CPU      statements/CPU s   peak RSS   HTML");
for (const r of results)
  console.log(
    `${String(r.statements).padStart(10)} ${String(r.learners).padStart(10)} ${`${r.seconds.toFixed(1)} s`.padStart(8)} ${`${r.cpuSeconds.toFixed(1)} s`.padStart(8)} ${String(r.statementsPerCpuSecond).padStart(18)} ${`${r.peakRssMb} MB`.padStart(10)} ${`${r.htmlKb} KB`.padStart(7)}`,
  );
writeFileSync(
  path.join(root, "bench", "report-results.json"),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
