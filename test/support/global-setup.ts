/**
 * Runs once before the browser tests: makes sure Chromium, Firefox ESR, WebKitGTK's WebDriver and
 * Xvfb are there (installing the Debian packages when it can, else failing with the command).
 */
import { ensureChromium } from "./chromium.js";
import { ensureProgram, FIREFOX, WEBKIT_WEBDRIVER, XVFB } from "./debian.js";

export default function setup(): void {
  process.env.CHROMIUM_PATH = ensureChromium();
  process.env.FIREFOX_PATH = ensureProgram(FIREFOX);
  process.env.WEBKIT_WEBDRIVER_PATH = ensureProgram(WEBKIT_WEBDRIVER);
  process.env.XVFB_PATH = ensureProgram(XVFB);
}
