#!/usr/bin/env node
// Entry point of the `coursepack` command; the code lives in lib/ (compiled from src/ by `npm run compile`).
// CommonJS (bin/package.json says so): Node starts a CommonJS entry about 4 ms sooner than an ES
// module, which `coursepack --version` (and `npx coursepack`, which scripts call often) is made of.
"use strict";
const { existsSync, readFileSync } = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

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
  console.log(JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")).version);
  process.exit(0);
}
const cli = path.join(__dirname, "..", "lib", "cli.js");
if (!existsSync(cli)) {
  console.error(
    "coursepack: not compiled yet; run `npm install` (or `npm run compile`) in the Coursepack folder first.",
  );
  process.exit(1);
}
// Node 22.1 and later keep V8's compiled code between commands; most of a short command's time is
// code running for the first time (docs/development.md, "Performance"). Node 20 has no such cache.
require("node:module").enableCompileCache?.();
// Not caught: a crash rejects, and Node prints it and exits with 1, as after a top-level await.
void import(pathToFileURL(cli).href).then(async ({ main }) => {
  process.exitCode = await main(args);
});
