// `coursepack import-gift` on large generated GIFT banks: wall time, CPU time and peak memory of the
// command, per bank size. Banks are written the way Moodle exports a category: untitled questions of
// every type, texts repeated (so ids collide and must be made unique), one category.
// Used by bench/run.mjs; alone: node bench/gift-import.mjs 20000 200000
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const work = path.join(root, "bench", ".work", "gift");

const QUESTIONS = [
  (i) => `// [tag:t${i % 7}]\nWhich answer is right? {\n  =Right answer #Yes.\n  ~Wrong\n  ~Also wrong\n}`,
  () => "This statement is true.{TRUE}",
  () => "Name the capital of France. {=Paris =paris}",
  (i) => `What is ${i % 50} + 1? {#${(i % 50) + 1}:0}`,
  () => "Match them. {\n  =a -> b\n  =c -> d\n  =e -> f\n}",
];

export function generateBank(count) {
  mkdirSync(work, { recursive: true });
  const file = path.join(work, `bank-${count}.gift`);
  const parts = ["$CATEGORY: $course$/top/Default for Bench/Bank\n"];
  for (let i = 0; i < count; i++) parts.push(QUESTIONS[i % QUESTIONS.length](i));
  writeFileSync(file, `${parts.join("\n\n")}\n`);
  return file;
}

/** One import in its own process, measured with GNU time's counterpart: Node's resource usage of the child. */
export function measureGiftImport(count) {
  const bank = generateBank(count);
  const out = path.join(work, `bank-${count}.yml`);
  rmSync(out, { force: true });
  const script = `
    const cpu0 = process.cpuUsage(); const t0 = performance.now();
    const { main } = await import(${JSON.stringify(new URL("../lib/cli.js", import.meta.url).href)});
    const log = console.log; console.log = () => undefined; console.error = () => undefined;
    const code = await main(["import-gift", ${JSON.stringify(bank)}, "--out", ${JSON.stringify(out)}, "--force"]);
    const cpu = process.cpuUsage(cpu0);
    log(JSON.stringify({ code, wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, peakMB: process.resourceUsage().maxRSS / 1024 }));`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  const result = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}");
  if (result.code !== 0) throw new Error(`import-gift of ${count} questions failed\n${child.stderr}`);
  return { questions: count, ...result };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const counts = process.argv.slice(2).map(Number);
  for (const count of counts.length ? counts : [20_000, 200_000]) {
    const r = measureGiftImport(count);
    console.log(
      `${String(count).padStart(7)} questions: ${(r.wallMs / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU, ${r.peakMB.toFixed(0)} MB peak`,
    );
  }
}
