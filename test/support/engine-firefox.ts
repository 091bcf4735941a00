/**
 * Firefox behind the engine interface (engines.ts): Debian's firefox-esr driven over WebDriver BiDi
 * by puppeteer-core (no geckodriver needed: Firefox speaks BiDi itself).
 */
import puppeteer, { type Frame, type Page } from "puppeteer-core";
import { ensureProgram, FIREFOX } from "./debian.js";
import { DEFAULT_VIEWPORT, type Engine, isFrameAt, pollFor, type Scope, type Tab, WAIT_MS } from "./engines.js";

function scopeOf(frame: Frame): Scope {
  return {
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, timeoutMs = WAIT_MS) {
      await frame.waitForFunction(fn as never, { timeout: timeoutMs, polling: 100 }, arg);
    },
    async click(selector) {
      const element = await frame.waitForSelector(selector, { visible: true, timeout: WAIT_MS });
      await element!.click();
    },
  };
}

function tabOf(page: Page): Tab {
  return {
    ...scopeOf(page.mainFrame()),
    goto: async (url) => void (await page.goto(url)),
    async frame(pathEnd) {
      const frame = await pollFor(
        () => page.frames().find((f) => !f.detached && isFrameAt(f.url(), pathEnd)),
        `a frame at …${pathEnd}`,
      );
      const scope = scopeOf(frame);
      await scope.waitFor(() => document.readyState === "complete", undefined);
      return scope;
    },
    // Our key names are the library's.
    press: (key) => page.keyboard.press(key),
    close: () => page.close({ runBeforeUnload: false }),
  };
}

export async function launchFirefoxEngine(): Promise<Engine> {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: ensureProgram(FIREFOX),
    headless: true,
    defaultViewport: DEFAULT_VIEWPORT,
  });
  return {
    name: "firefox",
    version: await browser.version(),
    async newTab(viewport = DEFAULT_VIEWPORT) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      return tabOf(page);
    },
    close: () => browser.close(),
  };
}
