// Type-checks every project (Node, runtime, preview client, tests) with its own settings, two at a time.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

// A project folder without TypeScript yet has nothing to check (tsc would fail with "no inputs").
const hasSources = (dir) => readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(".ts"));
const projects = ["src", "src/runtime", "src/preview/client", "src/tester/client", "test"].filter(
  (p) => existsSync(`${p}/tsconfig.json`) && hasSources(p),
);
const tsc = new URL("../node_modules/typescript/bin/tsc", import.meta.url).pathname;

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, "-p", project, "--pretty"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ project, code, out }));
  });
}

let failed = 0;
const queue = [...projects];
await Promise.all(
  [0, 1].map(async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const { project, code, out } = await check(p);
      if (code !== 0) {
        failed++;
        console.error(`typecheck failed: ${project}\n${out}`);
      }
    }
  }),
);
if (failed) process.exit(1);
console.log(`typecheck: ${projects.length} projects OK`);
