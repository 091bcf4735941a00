/** Runs once before the tests: compiles Coursepack (lib/) and makes sure Chromium is there. */
import { execFileSync } from "node:child_process";
import { ensureChromium } from "./chromium.js";

export default function setup(): void {
  execFileSync(process.execPath, ["scripts/compile.mjs"], { stdio: "inherit" });
  process.env.CHROMIUM_PATH = ensureChromium();
}
