// Writes the profile sections of docs/lms-profiles.md from the profile files (profiles/*.yml), as
// `coursepack lms --markdown` prints them; test/unit/lms-profiles.test.ts fails when they differ.
// Run after editing a profile: node scripts/lms-profiles-doc.mjs (needs npm run compile first).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const doc = path.join(root, "docs", "lms-profiles.md");
const markdown = execFileSync(process.execPath, [path.join(root, "bin", "coursepack.js"), "lms", "--markdown"], {
  encoding: "utf8",
  env: { ...process.env, NO_COLOR: "1" },
});
const text = readFileSync(doc, "utf8");
const start = "<!-- profiles:start -->";
const end = "<!-- profiles:end -->";
const before = text.slice(0, text.indexOf(start) + start.length);
const after = text.slice(text.indexOf(end));
writeFileSync(doc, `${before}\n\n${markdown.trim()}\n\n${after}`);
console.log(`docs/lms-profiles.md: ${markdown.match(/^## /gm)?.length ?? 0} profiles written`);
