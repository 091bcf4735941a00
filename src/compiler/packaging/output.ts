/**
 * Writes outputs into a staging folder inside the output folder and swaps them into place only
 * when every package is written, so a failed build never leaves a half-written dist/.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

const STAGING_PREFIX = ".coursepack-staging-";

export class StagedOutput {
  private constructor(
    readonly outDir: string,
    readonly staging: string,
  ) {}

  static async open(outDir: string): Promise<StagedOutput> {
    await mkdir(outDir, { recursive: true });
    // Remove staging folders left by a build that was killed.
    for (const name of await readdir(outDir)) {
      if (name.startsWith(STAGING_PREFIX)) await rm(path.join(outDir, name), { recursive: true, force: true });
    }
    const staging = path.join(outDir, `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString("hex")}`);
    await mkdir(staging);
    return new StagedOutput(outDir, staging);
  }

  /** Path of an output inside the staging folder. */
  path(name: string): string {
    return path.join(this.staging, name);
  }

  /** Moves the named outputs into the output folder, replacing older ones. */
  async commit(names: string[]): Promise<void> {
    const old = path.join(this.staging, ".old");
    await mkdir(old);
    for (const name of names) {
      const target = path.join(this.outDir, name);
      await rename(target, path.join(old, name)).catch(() => undefined);
      await rename(this.path(name), target);
    }
    await this.discard();
  }

  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}
