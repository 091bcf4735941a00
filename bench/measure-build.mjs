// One measured build, run in its own process by bench/run.mjs so memory figures are per build.
// Prints JSON: in-process wall time, CPU time and peak memory (max RSS).
// Usage: node bench/measure-build.mjs <courseDir> <outDir> [more build options, e.g. --no-folders]
// COURSEPACK_BENCH_LIB: another checkout's lib/cli.js to measure (bench/compare.mjs sets it).
import { pathToFileURL } from "node:url";

const [dir, out, ...options] = process.argv.slice(2);
const started = performance.now();
const cpu0 = process.cpuUsage();
const cli = process.env.COURSEPACK_BENCH_LIB
  ? pathToFileURL(process.env.COURSEPACK_BENCH_LIB)
  : new URL("../lib/cli.js", import.meta.url);
const { main } = await import(cli.href);
const log = console.log;
console.log = () => undefined; // keep the build's own report out of the JSON
const code = await main(["build", dir, "--out", out, ...options]);
console.log = log;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    code,
    wallMs: performance.now() - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakMB: process.resourceUsage().maxRSS / 1024,
  }),
);
