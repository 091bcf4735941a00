// `coursepack test` on the default course, per LMS profile: build for the profile, then every
// scenario in every format and launch mode it takes, as the command a user runs (process start and
// build included). Figures, not pass/fail: the issue's target is under 60 s per profile on two cores.
// Run after `npm run compile`: node bench/tester.mjs [profile … | all] (default: generic moodle);
// `all` runs every profile in profiles/ and is the proof that the default course passes under each.
// Writes bench/tester-results.json: per profile, seconds, the summary line and the exit code.
// Options by environment: BENCH_LANGUAGE=en builds only that language of the course (the default
// course has two, so every package is tested twice); CHROMIUM_PATH as for the command.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const cli = path.join(root, "bin", "coursepack.js");
const asked = process.argv.slice(2);
const profiles =
  asked.length === 1 && asked[0] === "all"
    ? readdirSync(path.join(root, "profiles"))
        .filter((f) => f.endsWith(".yml"))
        .map((f) => f.replace(/\.yml$/, ""))
        .sort()
    : asked.length
      ? asked
      : ["generic", "moodle"];
const language = process.env.BENCH_LANGUAGE;

const work = mkdtempSync(path.join(os.tmpdir(), "coursepack-bench-test-"));
const course = path.join(work, "course");
cpSync(path.join(root, "content"), course, { recursive: true });
if (language) {
  // One language only: course.yml's `languages` narrowed to it.
  const yml = path.join(course, "course.yml");
  writeFileSync(yml, readFileSync(yml, "utf8").replace(/^languages:.*$/m, `languages: [${language}]`));
}

const results = [];
console.log(
  `coursepack test, default course${language ? ` (${language} only)` : " (every language)"}, ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)}:`,
);
for (const lms of profiles) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [cli, "test", course, "--lms", lms, "--no-report"], {
    encoding: "utf8",
    cwd: work,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const seconds = (performance.now() - t0) / 1000;
  const summary =
    child.stdout
      .trim()
      .split("\n")
      .findLast((l) => / scenarios? on /.test(l)) ?? child.stderr.trim();
  console.log(`  ${lms.padEnd(16)} ${seconds.toFixed(1).padStart(6)} s  exit ${child.status}  ${summary}`);
  // A failure's own lines (✗ and what follows), so a failed profile can be read from the results.
  const failures = child.status === 0 ? [] : child.stdout.split("\n").filter((l) => /^\s*(✗|\S.*: expected)/.test(l));
  for (const line of failures.slice(0, 10)) console.log(`      ${line.trim()}`);
  results.push({ lms, seconds: Number(seconds.toFixed(1)), exit: child.status, summary, failures });
}
writeFileSync(
  path.join(root, "bench", "tester-results.json"),
  `${JSON.stringify({ date: new Date().toISOString(), cores: os.availableParallelism(), language: language ?? "all", results }, null, 2)}\n`,
);
const failed = results.filter((r) => r.exit !== 0).map((r) => r.lms);
if (failed.length) console.log(`failed: ${failed.join(", ")}`);
rmSync(work, { recursive: true, force: true });
