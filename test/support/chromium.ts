/**
 * Finds Chromium for the browser tests the way `coursepack test` does (src/tester/browsers.ts),
 * installing Debian's when we can (root with apt-get). Browser tests never skip: without Chromium
 * they fail with the command to run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { CHROMIUM_ARGS, findBrowser, INSTALL_HINTS } from "../../src/tester/browsers.js";

export { CHROMIUM_ARGS };

export function findChromium(): string | undefined {
  return findBrowser("chromium");
}

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("Chromium is missing: installing Debian's chromium with apt-get (one time)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(`The browser tests need Chromium.\n${INSTALL_HINTS.chromium}`);
}
