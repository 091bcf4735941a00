#!/usr/bin/env node
// Entry point of the `coursepack` command; the code lives in lib/ (compiled from src/ by `npm run compile`).
import { existsSync, readFileSync } from "node:fs";
import module from "node:module";

const args = process.argv.slice(2);
// `coursepack build | head` closes the pipe before everything is printed: stop quietly, as Unix
// tools do, instead of crashing with an EPIPE stack trace (what is printed comes after the work).
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}
// `coursepack --version` answers without loading the compiler: scripts and `npx` ask it often.
if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
  console.log(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version);
  process.exit(0);
}
const cli = new URL("../lib/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error(
    "coursepack: not compiled yet; run `npm install` (or `npm run compile`) in the Coursepack folder first.",
  );
  process.exit(1);
}
// Node 22.1 and later keep V8's compiled code between commands; most of a short command's time is
// code running for the first time (docs/development.md, "Performance"). Node 20 has no such cache.
module.enableCompileCache?.();
const { main } = await import(cli.href);
process.exitCode = await main(args);
