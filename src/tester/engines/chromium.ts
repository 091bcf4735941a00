/**
 * Chromium, Chrome or Edge, driven by playwright-core over the DevTools protocol. playwright-core is
 * a runtime dependency of Coursepack (the one browser driver the CLI ships) and only drives the
 * installed browser found by browsers.ts; it never downloads one. It is imported when `test` runs,
 * so the other commands start as fast as before.
 */
import { CHROMIUM_ARGS } from "../browsers.js";
import { type BrowserSession, type Engine, jsonResult, type Tab, unwrap } from "./engine.js";

type Playwright = typeof import("playwright-core");
type Page = import("playwright-core").Page;

function tab(page: Page): Tab {
  return {
    evaluate: async <T>(expression: string) => unwrap<T>(await page.evaluate(jsonResult(expression))),
    click: (selector) => page.click(selector),
    screenshot: () => page.screenshot(),
    close: () => page.close({ runBeforeUnload: true }),
  };
}

export async function chromiumEngine(executablePath: string): Promise<Engine> {
  const { chromium } = (await import("playwright-core")) as Playwright;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return {
    name: "chromium",
    version: `Chromium ${browser.version()}`,
    async newSession(): Promise<BrowserSession> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      const watch = (page: Page) => page.on("pageerror", (e) => errors.push(e.message));
      context.on("page", watch);
      return {
        async open(url) {
          const page = await context.newPage();
          await page.goto(url);
          return tab(page);
        },
        async nextPopup() {
          const page = await context.waitForEvent("page", { timeout: 10_000 });
          await page.waitForLoadState("domcontentloaded");
          return tab(page);
        },
        errors: () => [...errors],
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
