/**
 * Runs once before the packed-package tests: packs Coursepack as `npm publish` would (`npm pack`)
 * and installs the tarball globally into a throwaway prefix outside the repository, so nothing can
 * resolve from the repository's node_modules. The tests run that installed `coursepack`
 * (installed.ts). Needs lib/ compiled: test/support/compile.ts runs first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { pack, packAndInstall } from "../../scripts/pack.mjs";
import { ensureChromium } from "../support/chromium.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export default function setup(project: TestProject): () => void {
  process.env.CHROMIUM_PATH = ensureChromium();
  const work = mkdtempSync(path.join(os.tmpdir(), "coursepack-package-"));
  const started = performance.now();
  const { prefix, tarball } = packAndInstall(ROOT, work);
  const createTarball = pack(path.join(ROOT, "packages", "create-coursepack"), path.join(work, "tarballs"));
  project.provide("coursepackPackage", {
    work,
    prefix,
    tarball,
    createTarball,
    bin: path.join(prefix, "bin", "coursepack"),
    root: path.join(prefix, "lib", "node_modules", "coursepack"),
  });
  console.log(
    `package tests: packed and installed ${path.basename(tarball)} in ${Math.round(performance.now() - started)} ms`,
  );
  return () => rmSync(work, { recursive: true, force: true });
}
