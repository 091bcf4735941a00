#!/usr/bin/env node
// Entry point of the `coursepack` command; the code lives in lib/ (compiled from src/ by `npm run compile`).
import { existsSync } from "node:fs";

const cli = new URL("../lib/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error(
    "coursepack: not compiled yet; run `npm install` (or `npm run compile`) in the Coursepack folder first.",
  );
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
