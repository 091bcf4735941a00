/**
 * Finds a program the browser tests need (a browser, a WebDriver, Xvfb), installing its Debian
 * package when we can (root with apt-get). Browser tests never skip: without the program they fail
 * with the command to run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface Program {
  /** What the tests call it in messages ("Firefox ESR"). */
  what: string;
  /** An environment variable that may point at the program instead. */
  envVar: string;
  /** Where Debian installs it, first match wins. */
  paths: string[];
  /** The Debian packages that bring it. */
  packages: string[];
}

export function findProgram(program: Program): string | undefined {
  const candidates = [process.env[program.envVar], ...program.paths].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p));
}

export function ensureProgram(program: Program): string {
  const found = findProgram(program);
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log(`${program.what} is missing: installing ${program.packages.join(", ")} with apt-get (one time)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", ...program.packages], { stdio: "inherit", env });
    const installed = findProgram(program);
    if (installed) return installed;
  }
  throw new Error(
    `The browser tests need ${program.what} and it is not installed. Install it with:\n` +
      `    sudo apt-get update && sudo apt-get install -y ${program.packages.join(" ")}\n` +
      `or point ${program.envVar} at it.`,
  );
}

/**
 * Debian's headless shell first: the same engine as `chromium` at about half the CPU (the whole
 * suite ran in 453 s instead of 772 s), and what `coursepack test` prefers too
 * (src/shared/node/chromium.ts). The full browser still serves when only it is installed.
 */
export const CHROMIUM: Program = {
  what: "Chromium",
  envVar: "CHROMIUM_PATH",
  paths: ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"],
  packages: ["chromium-headless-shell"],
};

export const FIREFOX: Program = {
  what: "Firefox ESR",
  envVar: "FIREFOX_PATH",
  paths: ["/usr/bin/firefox-esr", "/usr/bin/firefox"],
  packages: ["firefox-esr"],
};

/** WebKitGTK's WebDriver; it launches MiniBrowser, which libwebkit2gtk (a dependency) ships. */
export const WEBKIT_WEBDRIVER: Program = {
  what: "WebKitGTK's WebDriver (WebKitWebDriver)",
  envVar: "WEBKIT_WEBDRIVER_PATH",
  paths: ["/usr/bin/WebKitWebDriver"],
  packages: ["webkit2gtk-driver"],
};

/** MiniBrowser opens a real window: under Xvfb when there is no display. */
export const XVFB: Program = {
  what: "Xvfb (a virtual X display for WebKitGTK)",
  envVar: "XVFB_PATH",
  paths: ["/usr/bin/Xvfb"],
  packages: ["xvfb"],
};
