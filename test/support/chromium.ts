/**
 * Finds Debian's Chromium for the browser tests, installing it when we can (root with apt-get).
 * Browser tests never skip: without Chromium they fail with the command to run. The launch flags are
 * the ones `coursepack test` and `coursepack handout` use (src/shared/node/chromium.ts).
 */
import { CHROMIUM_ARGS } from "../../src/shared/node/chromium.js";
import { CHROMIUM, ensureProgram } from "./debian.js";

export { CHROMIUM_ARGS };

export function ensureChromium(): string {
  return ensureProgram(CHROMIUM);
}
