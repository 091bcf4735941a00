// Translation round trip of the default course: `translate export` (XLIFF 2.0), `translate import`
// of a full translation, and `build` of every format in both languages, each as the command a user
// runs (process start included). Median of BENCH_RUNS runs; figures, not pass/fail.
// Run after `npm run compile`: node bench/translate.mjs
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const cli = path.join(root, "bin", "coursepack.js");
const work = path.join(root, "bench", ".work", "translate");
const runs = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(args) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const elapsed = performance.now() - t0;
  if (child.status !== 0) throw new Error(`coursepack ${args.join(" ")} failed:\n${child.stderr}`);
  return { elapsed, stdout: child.stdout };
}

const figures = { export: [], import: [], build: [] };
let size = "";
for (let i = 0; i < runs; i++) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const course = path.join(work, "course");
  cpSync(path.join(root, "content"), course, { recursive: true });
  rmSync(path.join(course, "i18n"), { recursive: true, force: true });
  const xlf = path.join(work, "de.xlf");
  const exported = timed(["translate", "export", course, "--to", "de", "-o", xlf]);
  figures.export.push(exported.elapsed);
  size = /German: (.*)/.exec(exported.stdout)?.[1] ?? "";
  // Stands in for the agency's file: every target a copy of its source (same codes, same size).
  const translated = readFileSync(xlf, "utf8").replace(
    /<source>(.*?)<\/source>/gs,
    "<source>$1</source><target>$1</target>",
  );
  writeFileSync(xlf, translated);
  figures.import.push(timed(["translate", "import", xlf, "--course", course]).elapsed);
  figures.build.push(timed(["build", course, "-o", path.join(work, "dist"), "--no-folders"]).elapsed);
}

const ms = (xs) => `${Math.round(median(xs))} ms`;
console.log(`Default course (${size}), median of ${runs} runs:`);
console.log(`  translate export --to de (XLIFF 2.0)     ${ms(figures.export)}`);
console.log(`  translate import                         ${ms(figures.import)}`);
console.log(`  build: 6 formats x 2 languages, zips     ${ms(figures.build)}`);
