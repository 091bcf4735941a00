/**
 * Finds Debian's Chromium for the browser tests, installing it when we can (root with apt-get).
 * Browser tests never skip: without Chromium they fail with the command to run.
 */
import { CHROMIUM, ensureProgram } from "./debian.js";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

export function ensureChromium(): string {
  return ensureProgram(CHROMIUM);
}
