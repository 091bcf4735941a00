// Coursepack benchmark: build speed, memory, package sizes and time to first interaction.
// Prints a table and writes bench/results.json. Figures, not pass/fail: the targets are listed
// beside them. Run with `npm run bench` (the machine should otherwise be idle).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { measureDiff } from "./diff.mjs";
import { FIRST_INTERACTION_BROWSER, measureEmptyPage, measureFirstInteraction } from "./first-interaction.mjs";
import { measureGiftImport } from "./gift-import.mjs";
import { measureInstall } from "./install.mjs";
import { measurePreviewRebuild } from "./preview-rebuild.mjs";
import { measurePreviewUpload } from "./preview-upload.mjs";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const work = path.join(root, "bench", ".work");
const runs = Number(process.env.BENCH_RUNS ?? 3);
mkdirSync(work, { recursive: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function generate(lessons, questions) {
  const dir = path.join(work, `course-${lessons}`);
  execFileSync(
    process.execPath,
    [path.join(root, "bench", "generate-course.mjs"), dir, String(lessons), String(questions)],
    { stdio: "ignore" },
  );
  return dir;
}

function measureBuilds(name, dir, options = []) {
  const samples = [];
  const out = path.join(work, `out-${name}`);
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    const t0 = performance.now();
    const child = spawnSync(process.execPath, [path.join(root, "bench", "measure-build.mjs"), dir, out, ...options], {
      encoding: "utf8",
    });
    const processMs = performance.now() - t0;
    const result = JSON.parse(child.stdout.trim().split("\n").pop());
    if (result.code !== 0) throw new Error(`${name}: build failed\n${child.stderr}`);
    samples.push({ ...result, processMs });
  }
  const packages = {};
  for (const file of readdirSync(out)
    .filter((f) => f.endsWith(".zip"))
    .sort()) {
    const format = file
      .replace(/\.zip$/, "")
      .replace(/^.*?-(web|scorm12|scorm2004-3rd|scorm2004-4th|scorm2004|xapi|cmi5)$/, "$1");
    const folder = path.join(out, file.replace(/\.zip$/, ""));
    if (!existsSync(folder)) continue; // --no-folders
    const runtime = ["coursepack.js", "coursepack.css"].reduce(
      (n, f) => n + gzipSync(readFileSync(path.join(folder, f)), { level: 9 }).length,
      0,
    );
    packages[format] = { zipBytes: statSync(path.join(out, file)).size, runtimeGzipBytes: runtime };
  }
  return {
    name,
    runs,
    buildMs: median(samples.map((s) => s.wallMs)),
    processMs: median(samples.map((s) => s.processMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    peakMB: Math.max(...samples.map((s) => s.peakMB)),
    packages,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(2)} s`);

console.log(
  `Coursepack benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${runs} runs each (median)\n`,
);
execFileSync(process.execPath, [path.join(root, "scripts", "compile.mjs")], { stdio: "ignore" });

const courses = [
  ["default course", path.join(root, "content")],
  ["250 lessons / 1,000 questions", generate(250, 1000)],
  ["500 lessons / 2,000 questions", generate(500, 2000)],
  ["1,000 lessons / 4,000 questions", generate(1000, 4000)],
];
const builds = courses.map(([name, dir]) => measureBuilds(name, dir));
// The six unzipped folders of 1,000 lessons are 6,000 files: how much of the build waits for them.
const zipsOnly = measureBuilds("1,000 lessons, --no-folders", courses[3][1], ["--no-folders"]);

console.log("Build, all formats (web, SCORM 1.2, SCORM 2004 4th + 3rd, xAPI, cmi5):");
console.log("course                           build     process   CPU       peak memory");
for (const b of builds) {
  console.log(
    `${b.name.padEnd(32)} ${ms(b.buildMs).padEnd(9)} ${ms(b.processMs).padEnd(9)} ${ms(b.cpuMs).padEnd(9)} ${b.peakMB.toFixed(0)} MB`,
  );
}
console.log(
  `${zipsOnly.name.padEnd(32)} ${ms(zipsOnly.buildMs).padEnd(9)} ${ms(zipsOnly.processMs).padEnd(9)} ${ms(zipsOnly.cpuMs).padEnd(9)} ${zipsOnly.peakMB.toFixed(0)} MB`,
);
const ratio = builds[2].buildMs / builds[1].buildMs;
console.log(`500 vs 250 lessons: ${ratio.toFixed(2)}× the time (target ≤ 2×)`);
console.log(
  `Targets: default course ≤ 300 ms; 1,000 lessons ≤ 2 s and ≤ 250 MB (measured: ${ms(builds[0].processMs)}; ${ms(builds[3].processMs)}, ${builds[3].peakMB.toFixed(0)} MB)\n`,
);

const install = measureInstall(root, runs + 2);
const mb = (n) => `${(n / 2 ** 20).toFixed(1)} MB`;
console.log("The published package (npm pack, installed from the npm cache into a clean prefix):");
console.log(
  `tarball ${mb(install.tarballBytes)}, installed ${mb(install.installedBytes)} (target < 10 MB), npm install ${ms(install.installMs)}`,
);
console.log(
  `npx coursepack --version ${ms(install.npxVersionMs)} (target < 300 ms; npx alone, \`npx -c true\`: ${ms(install.npxFloorMs)}); coursepack --version ${ms(install.versionMs)}; coursepack --help ${ms(install.helpMs)}; node -e 0 ${ms(install.nodeMs)}\n`,
);

console.log("Packages of the default course:");
console.log("format          zip        runtime JS+CSS (gzip)");
for (const [format, p] of Object.entries(builds[0].packages)) {
  console.log(`${format.padEnd(15)} ${kb(p.zipBytes).padEnd(10)} ${kb(p.runtimeGzipBytes)}`);
}

const defaultWeb = path.join(work, "out-default course", "sales-manager-training-web", "index.html");
const firstInteraction = existsSync(defaultWeb) ? await measureFirstInteraction(defaultWeb, runs + 2) : undefined;
const emptyPage = firstInteraction === undefined ? undefined : await measureEmptyPage(runs + 2);
if (firstInteraction)
  console.log(
    `\nFirst lesson interactive (${path.basename(FIRST_INTERACTION_BROWSER)}, file://): ${ms(firstInteraction)} median (target < 300 ms; an empty page with one script: ${ms(emptyPage)})`,
  );
const previewRebuild = await measurePreviewRebuild(path.join(root, "content"), runs + 2);
if (previewRebuild !== undefined)
  console.log(`Preview rebuild after editing one lesson: ${ms(previewRebuild)} median (target < 150 ms)`);
const previewUpload = measurePreviewUpload(400);
console.log(
  `Preview under a 400 MB POST to its LRS: HTTP ${previewUpload.status}, peak memory ${previewUpload.peakMB.toFixed(0)} MB (${previewUpload.beforeMB.toFixed(0)} MB before)`,
);

// One run each: the 200,000-question bank takes about a minute.
const giftImports = [20_000, 200_000].map((count) => measureGiftImport(count));
console.log("\nimport-gift, one category of untitled questions of every type (whole command):");
for (const g of giftImports)
  console.log(
    `${g.questions.toLocaleString("en").padStart(8)} questions  ${ms(g.wallMs).padEnd(9)} CPU ${ms(g.cpuMs).padEnd(9)} ${g.peakMB.toFixed(0)} MB peak`,
  );
const giftRatio = giftImports[1].cpuMs / giftImports[0].cpuMs;
console.log(`200,000 vs 20,000 questions: ${giftRatio.toFixed(1)}× the CPU time (linear: 10×)`);

const diffs = {
  default: await measureDiff(path.join(root, "content"), runs),
  large: await measureDiff(courses[2][1], runs),
};
console.log(
  `coursepack diff, one lesson edited (two course folders built in memory / two SCORM 1.2 zips): ` +
    `default course ${ms(diffs.default.folders)} / ${ms(diffs.default.zips)}, ` +
    `500 lessons ${ms(diffs.large.folders)} / ${ms(diffs.large.zips)}`,
);

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  targets: {
    defaultAllFormatsMs: 300,
    thousandLessonsMs: 2000,
    thousandLessonsPeakMB: 250,
    installedMB: 10,
    npxVersionMs: 300,
    doublingRatio: 2,
    firstInteractionMs: 300,
    previewRebuildMs: 150,
  },
  builds,
  zipsOnly,
  install,
  doublingRatio: ratio,
  firstInteractionMs: firstInteraction,
  emptyPageMs: emptyPage,
  firstInteractionBrowser: FIRST_INTERACTION_BROWSER,
  previewRebuildMs: previewRebuild,
  diffMs: diffs,
  previewUpload,
  giftImports,
};
writeFileSync(path.join(root, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log("\nWrote bench/results.json");
