#!/usr/bin/env node
// `npm create coursepack@latest [dir]`: runs `coursepack new` of the Coursepack version published
// with this package, so there is one starter course, in the coursepack package. Without a folder
// name it asks for one (or uses my-course when nobody can answer).
import { createInterface } from "node:readline/promises";
import { main } from "coursepack/lib/cli.js";

const DEFAULT_DIR = "my-course";

async function askForFolder() {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return DEFAULT_DIR;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(`Folder for your course (${DEFAULT_DIR}): `)).trim() || DEFAULT_DIR;
  } finally {
    rl.close();
  }
}

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(`Usage: npm create coursepack@latest [dir] [-- --title "Course title"]

Creates a Coursepack course in dir (asks for it, default ${DEFAULT_DIR}): Markdown lessons, a YAML
quiz, course.yml, and editor settings that check them as you type. Then:
  cd dir && npm install && npm run dev`);
  process.exit(0);
}
const dir = args[0] && !args[0].startsWith("-") ? args[0] : await askForFolder();
const rest = args[0] === dir ? args.slice(1) : args;
process.exitCode = await main(["new", dir, ...rest]);
