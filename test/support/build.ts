/** Builds courses for tests into throwaway folders under test/.tmp. */
import { mkdtemp, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type BuildResult } from "../../src/compiler/pipeline.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CONTENT_DIR = path.join(ROOT, "content");
export const FIXTURES = path.join(ROOT, "test", "fixtures");

export async function tempDir(prefix: string): Promise<string> {
  const base = path.join(ROOT, "test", ".tmp");
  await mkdir(base, { recursive: true });
  return mkdtemp(path.join(base, `${prefix}-`));
}

export async function buildInto(dir: string, options: Omit<BuildOptions, "dir" | "outDir"> = {}): Promise<BuildResult> {
  return build({ dir, outDir: await tempDir("dist"), ...options });
}
