/**
 * WebKit behind the engine interface (engines.ts): WebKitGTK's MiniBrowser driven by Debian's
 * WebKitWebDriver over classic WebDriver (selenium-webdriver), in an Xvfb display started here,
 * since MiniBrowser always opens a real window. WebDriver has one current window and frame per
 * session: every call switches to its tab and frame first (cheap when already there).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { Builder, By, Key as SeleniumKey, type WebDriver } from "selenium-webdriver";
import { ensureProgram, WEBKIT_WEBDRIVER, XVFB } from "./debian.js";
import { freePort } from "./reference-lrs.js";
import { DEFAULT_VIEWPORT, type Engine, type Key, pollFor, type Scope, type Tab, WAIT_MS } from "./engines.js";

const KEYS: Record<Key, string> = {
  Enter: SeleniumKey.ENTER,
  Tab: SeleniumKey.TAB,
  Space: SeleniumKey.SPACE,
  ArrowDown: SeleniumKey.ARROW_DOWN,
};

/** Starts Xvfb on a display it picks itself (-displayfd), so parallel test files never collide. */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const child = spawn(ensureProgram(XVFB), ["-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1600x1200x24"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr!.on("data", (d) => (log += d));
  const display = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (d) => resolve(`:${String(d).trim()}`));
    child.once("exit", (code) => reject(new Error(`Xvfb exited (${code}): ${log}`)));
  });
  return { display, process: child };
}

async function startDriver(display: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(ensureProgram(WEBKIT_WEBDRIVER), [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await pollFor(
    async () => ((await fetch(`${url}/status`).catch(() => undefined))?.ok ? true : undefined),
    "WebKitWebDriver",
  );
  return { url, process: child };
}

/** The window.frames index path from the top document to the frame whose path ends with `pathEnd`. */
function framePath(pathEnd: string): number[] | null {
  const search = (win: Window, path: number[]): number[] | null => {
    for (let i = 0; i < win.frames.length; i++) {
      const child = win.frames[i]!;
      try {
        if (child.location.pathname.endsWith(pathEnd) && child.document.readyState === "complete") return [...path, i];
      } catch {
        continue; // another origin: not ours to look into
      }
      const deeper = search(child, [...path, i]);
      if (deeper) return deeper;
    }
    return null;
  };
  return search(window, []);
}

export async function launchWebKitEngine(): Promise<Engine> {
  const xvfb = await startXvfb();
  const server = await startDriver(xvfb.display).catch((error) => {
    xvfb.process.kill();
    throw error;
  });
  const driver: WebDriver = await new Builder()
    .usingServer(server.url)
    .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { args: ["--automation"] } })
    .build();
  // The first window stays open and empty: closing a session's last window would end the session.
  const home = await driver.getWindowHandle();
  let where = "";
  const enter = async (handle: string, frames: number[]) => {
    const key = `${handle}|${frames.join(",")}`;
    if (key === where) return;
    await driver.switchTo().window(handle);
    await driver.switchTo().defaultContent();
    for (const index of frames) await driver.switchTo().frame(index);
    where = key;
  };

  const scopeOf = (handle: string, frames: number[]): Scope => {
    const evaluate = async <A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>> => {
      await enter(handle, frames);
      return (await driver.executeScript(`return (${fn.toString()})(arguments[0]);`, arg)) as Awaited<R>;
    };
    return {
      evaluate,
      async waitFor(fn, arg, timeoutMs = WAIT_MS) {
        await pollFor(
          async () => ((await evaluate(fn, arg)) ? true : undefined),
          `${fn.toString()} in WebKit`,
          timeoutMs,
        );
      },
      async click(selector) {
        await enter(handle, frames);
        // Like Playwright's auto-waiting: retry while the element is missing, hidden or not yet
        // interactable (WebKitWebDriver refuses a click during a page change).
        await pollFor(async () => {
          for (const e of await driver.findElements(By.css(selector))) {
            if (!(await e.isDisplayed())) continue;
            // A refused click is retried with the element centred first: WebKitWebDriver does not
            // always scroll an element inside a frame into view by itself.
            return e.click().then(
              () => true,
              () => driver.executeScript("arguments[0].scrollIntoView({ block: 'center' });", e).then(() => undefined),
            );
          }
          return undefined;
        }, `a click on ${selector}`);
      },
    };
  };

  return {
    name: "webkit",
    version: String((await driver.getCapabilities()).get("browserVersion")),
    async newTab(viewport = DEFAULT_VIEWPORT) {
      await driver.switchTo().newWindow("tab");
      const handle = await driver.getWindowHandle();
      where = `${handle}|`;
      // The window includes MiniBrowser's own chrome: size it so that the page gets the viewport.
      await driver.manage().window().setRect({ width: viewport.width, height: viewport.height });
      const inner = (await driver.executeScript("return [innerWidth, innerHeight];")) as [number, number];
      await driver
        .manage()
        .window()
        .setRect({ width: 2 * viewport.width - inner[0], height: 2 * viewport.height - inner[1] });
      const tab: Tab = {
        ...scopeOf(handle, []),
        async goto(url) {
          await enter(handle, []);
          await driver.get(url);
        },
        async frame(pathEnd) {
          await enter(handle, []);
          const path = await pollFor(
            async () =>
              ((await driver.executeScript(`return (${framePath.toString()})(arguments[0]);`, pathEnd)) as
                | number[]
                | null) ?? undefined,
            `a frame at …${pathEnd}`,
          );
          return scopeOf(handle, path);
        },
        async press(key) {
          await enter(handle, []);
          await driver.actions().keyDown(KEYS[key]).keyUp(KEYS[key]).perform();
        },
        async close() {
          await enter(handle, []);
          await driver.close();
          await enter(home, []);
        },
      };
      return tab;
    },
    async close() {
      await driver.quit().catch(() => undefined);
      server.process.kill();
      xvfb.process.kill();
    },
  };
}
