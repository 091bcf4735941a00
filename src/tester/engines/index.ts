/** The browser engines `coursepack test --browser` can drive, each found installed (never downloaded). */
import { type BrowserName, requireBrowser } from "../browsers.js";
import { chromiumEngine } from "./chromium.js";
import type { Engine } from "./engine.js";
import { firefoxEngine } from "./firefox.js";
import { webkitEngine } from "./webkit.js";

const ENGINES: Record<BrowserName, (executable: string) => Promise<Engine>> = {
  chromium: chromiumEngine,
  firefox: firefoxEngine,
  webkit: webkitEngine,
};

export function openEngine(name: BrowserName): Promise<Engine> {
  return ENGINES[name](requireBrowser(name));
}
