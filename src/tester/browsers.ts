/**
 * Finds an installed browser for `coursepack test` — never downloads one. Chromium, Chrome or Edge
 * (src/shared/node/chromium.ts finds it), Firefox (FIREFOX_PATH) or a WebKit WebDriver (WEBKIT_WEBDRIVER_PATH:
 * WebKitGTK's WebKitWebDriver, or Safari's safaridriver on macOS), in the places installers put
 * them and on the PATH. When none is there, the error says how to install one.
 */
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import { findChromium } from "../shared/node/chromium.js";

export const BROWSERS = ["chromium", "firefox", "webkit"] as const;
export type BrowserName = (typeof BROWSERS)[number];

const programFiles = [process.env.PROGRAMFILES, process.env["PROGRAMFILES(X86)"], process.env.LOCALAPPDATA].filter(
  (p): p is string => Boolean(p),
);

/** Where Firefox and WebKit WebDrivers live; Chromium is found by src/shared/node/chromium.ts. */
const PLACES: Record<Exclude<BrowserName, "chromium">, { env: string; names: string[]; paths: string[] }> = {
  firefox: {
    env: "FIREFOX_PATH",
    names: ["firefox", "firefox-esr"],
    paths: [
      "/usr/bin/firefox",
      "/usr/bin/firefox-esr",
      "/Applications/Firefox.app/Contents/MacOS/firefox",
      ...programFiles.map((dir) => path.join(dir, "Mozilla Firefox", "firefox.exe")),
    ],
  },
  webkit: {
    env: "WEBKIT_WEBDRIVER_PATH",
    names: ["WebKitWebDriver", "safaridriver"],
    paths: [
      "/usr/bin/WebKitWebDriver",
      "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/WebKitWebDriver",
      "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/WebKitWebDriver",
      "/usr/bin/safaridriver",
    ],
  },
};

export const INSTALL_HINTS: Record<BrowserName, string> = {
  chromium: [
    "coursepack test needs Chromium, Google Chrome or Microsoft Edge, and found none. Install one:",
    "    Debian:         sudo apt-get install -y chromium-headless-shell   (the fastest; or chromium)",
    "    Ubuntu:         sudo apt-get install -y chromium-browser",
    "    Fedora:         sudo dnf install -y chromium",
    "    macOS:          brew install --cask chromium   (or install Google Chrome)",
    "    Windows:        winget install Google.Chrome",
    "    GitHub Actions: ubuntu-latest runners have Google Chrome already",
    "or point COURSEPACK_CHROMIUM (or CHROMIUM_PATH) at a Chromium, Chrome or Edge executable.",
  ].join("\n"),
  firefox: [
    "coursepack test --browser firefox needs Firefox, and found none. Install it:",
    "    Debian/Ubuntu:  sudo apt-get install -y firefox-esr   (Ubuntu: firefox)",
    "    macOS:          brew install --cask firefox",
    "    Windows:        winget install Mozilla.Firefox",
    "or point FIREFOX_PATH at a Firefox executable.",
  ].join("\n"),
  webkit: [
    "coursepack test --browser webkit needs a WebKit WebDriver (Safari's engine family), and found none:",
    "    Debian/Ubuntu:  sudo apt-get install -y webkit2gtk-driver   (provides WebKitWebDriver)",
    "    macOS:          safaridriver ships with Safari; run `safaridriver --enable` once",
    "or point WEBKIT_WEBDRIVER_PATH at WebKitWebDriver or safaridriver.",
  ].join("\n"),
};

export class BrowserMissing extends Error {}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  const exts = process.platform === "win32" ? ["", ".exe", ".cmd"] : [""];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean))
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (existsSync(file) && executable(file)) return file;
    }
  return undefined;
}

/** The browser's executable (for webkit: its WebDriver), or undefined when none is installed. */
export function findBrowser(name: BrowserName): string | undefined {
  if (name === "chromium") return findChromium();
  const place = PLACES[name];
  const fromEnv = process.env[place.env];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return place.paths.find((p) => existsSync(p) && executable(p)) ?? place.names.map(onPath).find(Boolean);
}

/** The browser's executable, or BrowserMissing saying how to install one. */
export function requireBrowser(name: BrowserName): string {
  const found = findBrowser(name);
  if (found) return found;
  const envVar =
    name === "chromium"
      ? process.env.COURSEPACK_CHROMIUM
        ? "COURSEPACK_CHROMIUM"
        : "CHROMIUM_PATH"
      : PLACES[name].env;
  const env = process.env[envVar];
  throw new BrowserMissing(
    env ? `${envVar} is set to ${env}, which does not exist.\n${INSTALL_HINTS[name]}` : INSTALL_HINTS[name],
  );
}
