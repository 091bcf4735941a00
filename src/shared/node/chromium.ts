/**
 * Finds a Chromium-family browser installed on this machine, for commands that print or render with
 * one (`coursepack handout`). Never downloads one: when none is found, the error says how to install
 * one or point COURSEPACK_CHROMIUM at it. Meant to be shared by every command that drives a browser.
 */
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Names of the browser on PATH. The headless shell comes first: it is Chromium's own build of the
 * classic headless mode (Debian: `chromium-headless-shell`; Chrome for Testing:
 * `chrome-headless-shell`), the same Blink and V8 without the desktop browser around them, and
 * every command here runs headless. `coursepack test --lms moodle` on the default course took 34 s
 * and 60 CPU-seconds in all with it, against 80 s and 158 with the full Chromium (issue 13).
 */
const COMMANDS = [
  "chromium-headless-shell",
  "chrome-headless-shell",
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "microsoft-edge",
  "microsoft-edge-stable",
  "msedge",
];

/** Headless Chromium in containers and CI: no sandbox (root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

/** Install locations that are not on PATH (snap, /opt, macOS apps, Windows program folders). */
function knownLocations(): string[] {
  const programFiles = [process.env.PROGRAMFILES, process.env["PROGRAMFILES(X86)"], process.env.LOCALAPPDATA];
  return [
    "/snap/bin/chromium",
    "/opt/google/chrome/chrome",
    "/opt/microsoft/msedge/msedge",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ...programFiles.flatMap((dir) =>
      dir
        ? [
            path.join(dir, "Google", "Chrome", "Application", "chrome.exe"),
            path.join(dir, "Microsoft", "Edge", "Application", "msedge.exe"),
            path.join(dir, "Chromium", "Application", "chrome.exe"),
          ]
        : [],
    ),
  ];
}

function onPath(command: string): string | undefined {
  const extensions = process.platform === "win32" ? [".exe", ".cmd", ""] : [""];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean))
    for (const ext of extensions) {
      const file = path.join(dir, command + ext);
      if (existsSync(file)) return file;
    }
  return undefined;
}

/** The browser to use: $COURSEPACK_CHROMIUM or $CHROMIUM_PATH when set, else the first one found. */
export function findChromium(): string | undefined {
  const chosen = process.env.COURSEPACK_CHROMIUM || process.env.CHROMIUM_PATH;
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  for (const command of COMMANDS) {
    const found = onPath(command);
    if (found) return found;
  }
  return knownLocations().find((file) => existsSync(file));
}

export class ChromiumMissing extends Error {}

/** The browser, or an error that says how to get one. */
export function requireChromium(purpose: string): string {
  const found = findChromium();
  if (found) return found;
  const chosen = process.env.COURSEPACK_CHROMIUM || process.env.CHROMIUM_PATH;
  throw new ChromiumMissing(
    `${purpose} needs Chromium, Google Chrome or Microsoft Edge, and ${chosen ? `${chosen} (from the environment) does not exist` : "none is installed"}. ` +
      "Install one (Debian: `sudo apt-get install chromium-headless-shell`, or `chromium`; Ubuntu: `sudo apt-get install chromium-browser`; " +
      "macOS: `brew install --cask chromium`; " +
      "Windows: install Chrome or Edge), or set COURSEPACK_CHROMIUM to the browser's executable. Coursepack never downloads a browser.",
  );
}
