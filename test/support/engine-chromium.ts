/** Chromium behind the engine interface (engines.ts): playwright-core driving Debian's chromium. */
import type { Frame, Page } from "playwright-core";
import { launchBrowser } from "./browser.js";
import { DEFAULT_VIEWPORT, type Engine, isFrameAt, pollFor, type Scope, type Tab, WAIT_MS } from "./engines.js";

function scopeOf(frame: Frame): Scope {
  return {
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, timeoutMs = WAIT_MS) {
      await frame.waitForFunction(fn as never, arg, { timeout: timeoutMs });
    },
    click: (selector) => frame.locator(selector).locator("visible=true").first().click({ timeout: WAIT_MS }),
  };
}

function tabOf(page: Page): Tab {
  return {
    ...scopeOf(page.mainFrame()),
    goto: async (url) => void (await page.goto(url)),
    async frame(pathEnd) {
      const frame = await pollFor(
        () => page.frames().find((f) => !f.isDetached() && isFrameAt(f.url(), pathEnd)),
        `a frame at …${pathEnd}`,
      );
      await frame.waitForLoadState("load");
      return scopeOf(frame);
    },
    // Our key names are the library's.
    press: (key) => page.keyboard.press(key),
    close: () => page.close(),
  };
}

export async function launchChromiumEngine(): Promise<Engine> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: DEFAULT_VIEWPORT });
  return {
    name: "chromium",
    version: browser.version(),
    async newTab(viewport = DEFAULT_VIEWPORT) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      return tabOf(page);
    },
    close: () => browser.close(),
  };
}
