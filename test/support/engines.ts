/**
 * One small interface over the browser engines the end-to-end tests run in: Chromium
 * (playwright-core), Firefox ESR over WebDriver BiDi (puppeteer-core) and WebKitGTK over WebDriver
 * (selenium-webdriver and WebKitWebDriver, under an Xvfb of our own). A test says which engine;
 * the drivers in engine-*.ts know how. Every engine is Debian's, installed by the setup when missing
 * (debian.ts): none is ever skipped.
 */
import { launchChromiumEngine } from "./engine-chromium.js";
import { launchFirefoxEngine } from "./engine-firefox.js";
import { launchWebKitEngine } from "./engine-webkit.js";

export type EngineName = "chromium" | "firefox" | "webkit";

/** The keys the tests press (real keyboard input, not synthetic events). */
export type Key = "Enter" | "Tab" | "Space" | "ArrowDown";

export interface Viewport {
  width: number;
  height: number;
}

/** A document (a tab's, or a frame's inside it) the test reads and acts on. */
export interface Scope {
  /** Runs `fn(arg)` in the document; the result comes back as JSON. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  /** Resolves once `fn(arg)` is truthy in the document; fails after `timeoutMs`. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  /** A real pointer click on the first visible element matching `selector`, once there is one. */
  click(selector: string): Promise<void>;
}

export interface Tab extends Scope {
  goto(url: string): Promise<void>;
  /** The document of the frame (at any depth) whose URL path ends with `pathEnd`, once it has loaded. */
  frame(pathEnd: string): Promise<Scope>;
  /** Presses a key where the focus is. */
  press(key: Key): Promise<void>;
  /** Closes the tab as a learner does (page lifecycle events run; no beforeunload prompt). */
  close(): Promise<void>;
}

export interface Engine {
  name: EngineName;
  /** The browser's own version string, for reports. */
  version: string;
  /** A new tab; tabs of one engine share storage (localStorage), like a learner's browser. */
  newTab(viewport?: Viewport): Promise<Tab>;
  close(): Promise<void>;
}

export const DEFAULT_VIEWPORT: Viewport = { width: 1280, height: 900 };
export const WAIT_MS = 15_000;

/** Polls `probe` until it returns a value (not undefined); fails naming `what` after `timeoutMs`. */
export async function pollFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether a frame's URL is the one `Tab.frame(pathEnd)` asks for. */
export function isFrameAt(url: string, pathEnd: string): boolean {
  return new URL(url || "about:blank").pathname.endsWith(pathEnd);
}

const LAUNCHERS: Record<EngineName, () => Promise<Engine>> = {
  chromium: launchChromiumEngine,
  firefox: launchFirefoxEngine,
  webkit: launchWebKitEngine,
};

export function launchEngine(name: EngineName): Promise<Engine> {
  return LAUNCHERS[name]();
}
