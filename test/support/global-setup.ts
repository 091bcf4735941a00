/** Runs once before the browser tests: makes sure Chromium is there (installing it when it can). */
import { ensureChromium } from "./chromium.js";

export default function setup(): void {
  process.env.CHROMIUM_PATH = ensureChromium();
}
