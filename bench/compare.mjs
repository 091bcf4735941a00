// Compares the build speed of two Coursepack checkouts on one course, their runs interleaved
// (A, B, A, B…) so that a shared machine's slow minutes fall on both: one bench run now and one
// later differ by a third on the same code. Each build runs in its own process
// (bench/measure-build.mjs of this checkout, loading the other checkout's lib/).
// Usage: node bench/compare.mjs <checkout A> <checkout B> [course folder] [runs per side]
//   e.g. git worktree add /tmp/before HEAD~3 && (cd /tmp/before && npm ci) then
//        node bench/compare.mjs /tmp/before . bench/.work/course-1000 5
// Both checkouts must be compiled (npm run compile). The default course is content/ of B.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const [a, b, course, runsArg] = process.argv.slice(2);
if (!a || !b) {
  console.error("usage: node bench/compare.mjs <checkout A> <checkout B> [course folder] [runs per side]");
  process.exit(2);
}
const sides = [a, b].map((dir) => path.resolve(dir));
for (const dir of sides)
  if (!existsSync(path.join(dir, "lib", "cli.js"))) {
    console.error(`${dir} has no lib/cli.js: run npm run compile there first`);
    process.exit(2);
  }
const courseDir = path.resolve(course ?? path.join(sides[1], "content"));
const runs = Number(runsArg ?? 5);
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** One build of `courseDir` by the Coursepack in `checkout`, in a fresh process. */
function measure(checkout) {
  const out = mkdtempSync(path.join(os.tmpdir(), "coursepack-compare-"));
  try {
    const child = spawnSync(process.execPath, [path.join(here, "measure-build.mjs"), courseDir, out], {
      encoding: "utf8",
      env: { ...process.env, COURSEPACK_BENCH_LIB: path.join(checkout, "lib", "cli.js") },
    });
    const result = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}");
    if (result.code !== 0) throw new Error(`${checkout}: the build failed\n${child.stderr}`);
    return result;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const samples = sides.map(() => []);
for (let i = 0; i < runs; i++) for (const [side, checkout] of sides.entries()) samples[side].push(measure(checkout));

console.log(`${courseDir}, ${runs} builds each, interleaved (median; wall times of every run in order)`);
for (const [side, checkout] of sides.entries()) {
  const s = samples[side];
  console.log(
    `${"AB"[side]} ${checkout}\n  wall ${median(s.map((r) => r.wallMs)).toFixed(0)} ms, CPU ${median(s.map((r) => r.cpuMs)).toFixed(0)} ms, peak ${median(s.map((r) => r.peakMB)).toFixed(0)} MB; walls ${s.map((r) => r.wallMs.toFixed(0)).join(" ")}`,
  );
}
const ratio = median(samples[1].map((r) => r.wallMs)) / median(samples[0].map((r) => r.wallMs));
console.log(`B takes ${ratio.toFixed(2)}× A's wall time`);
