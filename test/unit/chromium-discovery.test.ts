/** Which Chromium `coursepack test` and `handout` pick: the headless shell before the full browser. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findChromium } from "../../src/shared/node/chromium.js";

describe("findChromium", () => {
  let bin: string;
  const fake = (name: string) => {
    const file = path.join(bin, name);
    writeFileSync(file, "#!/bin/sh\n");
    chmodSync(file, 0o755);
    return file;
  };

  beforeEach(() => {
    bin = mkdtempSync(path.join(os.tmpdir(), "coursepack-bin-"));
    vi.stubEnv("PATH", bin);
    vi.stubEnv("CHROMIUM_PATH", "");
    vi.stubEnv("COURSEPACK_CHROMIUM", "");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(bin, { recursive: true, force: true });
  });

  it("prefers Chromium's headless shell to the full browser on the PATH", () => {
    fake("chromium");
    const shell = fake("chromium-headless-shell");
    expect(findChromium()).toBe(shell);
  });

  it("takes the full browser when no headless shell is installed", () => {
    const full = fake("chromium");
    expect(findChromium()).toBe(full);
  });

  it("takes the browser the environment names over any on the PATH", () => {
    fake("chromium-headless-shell");
    const chosen = fake("my-chrome");
    vi.stubEnv("COURSEPACK_CHROMIUM", chosen);
    expect(findChromium()).toBe(chosen);
  });
});
