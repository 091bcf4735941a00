/**
 * Writes outputs into a staging folder inside the output folder and swaps them into place only
 * when every package is written, so a failed build never leaves a half-written dist/.
 *
 * Several builds may share an output folder (two terminals, a watcher and a CI step): each stages
 * in a folder of its own, named after its process, and removes only the staging folders of builds
 * whose process is gone; the swap into place holds a lock, so two swaps never interleave (the last
 * build's packages win, whole). A build stopped by Ctrl+C removes its staging folder on the way out
 * (`discardAllStagingSync`, called from the CLI's signal handler).
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { assertOutDir } from "./out-dir.js";

const STAGING_PREFIX = ".coursepack-staging-";
const LOCK = ".coursepack-lock";
/** How long a build waits for another build's swap (which takes milliseconds) before giving up. */
const LOCK_TIMEOUT_MS = 60_000;

/** Staging folders and locks of this process, for a synchronous clean-up when it is interrupted. */
const open = new Set<string>();

export class StagedOutput {
  private constructor(
    readonly outDir: string,
    readonly staging: string,
  ) {}

  static async open(outDir: string): Promise<StagedOutput> {
    assertOutDir(outDir);
    await mkdir(outDir, { recursive: true });
    await removeAbandoned(outDir);
    const staging = path.join(outDir, `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString("hex")}`);
    await mkdir(staging);
    open.add(staging);
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
    const release = await lock(this.outDir);
    try {
      for (const name of names) {
        const target = path.join(this.outDir, name);
        await rename(target, path.join(old, name)).catch(() => undefined);
        await rename(this.path(name), target);
      }
    } finally {
      await release();
    }
    await this.discard();
  }

  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
    open.delete(this.staging);
  }
}

/** Removes this process's staging folders and locks at once; for signal handlers, which cannot wait. */
export function discardAllStagingSync(): void {
  for (const dir of open) rmSync(dir, { recursive: true, force: true });
  open.clear();
}

/** Staging folders and locks left by builds that were killed (their process no longer runs). */
async function removeAbandoned(outDir: string): Promise<void> {
  for (const name of await readdir(outDir)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(STAGING_PREFIX.length))?.[1]);
    if (!isRunning(pid)) await rm(path.join(outDir, name), { recursive: true, force: true });
  }
}

/**
 * Takes the output folder's lock: a folder (mkdir is atomic) holding the owner's process id. A lock
 * whose owner is gone is taken over. Resolves to the release.
 */
async function lock(outDir: string): Promise<() => Promise<void>> {
  const dir = path.join(outDir, LOCK);
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(dir);
      open.add(dir);
      await writeFile(path.join(dir, "pid"), String(process.pid));
      return async () => {
        await rm(dir, { recursive: true, force: true });
        open.delete(dir);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number(await readFile(path.join(dir, "pid"), "utf8").catch(() => ""));
    // No pid yet: the owner is between mkdir and writeFile, unless it died there (then the timeout ends it).
    if (owner && !isRunning(owner)) await rm(dir, { recursive: true, force: true });
    else if (Date.now() - started > LOCK_TIMEOUT_MS)
      throw new Error(
        `another build (process ${owner || "unknown"}) has been writing into ${outDir} for a minute; if none is running, delete ${dir}`,
      );
    else await sleep(20);
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
