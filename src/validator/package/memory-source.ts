/** A package built in memory (the preview's session), seen as the package checks and launch reader see any package. */
import { readFile } from "node:fs/promises";
import type { PackageSource } from "./source.js";

/** A file held in memory or copied from disk: the compiler's package files have this shape. */
export type InMemoryFile = { name: string; content: string | Buffer } | { name: string; source: string };

export function memorySource(files: readonly InMemoryFile[]): PackageSource {
  const byName = new Map(files.map((f) => [f.name, f]));
  return {
    kind: "folder",
    // Sizes of files copied from disk are not needed to find the launch; they are read on demand.
    files: files.map((f) => ({ name: f.name, size: "content" in f ? Buffer.byteLength(f.content) : 0 })),
    zip64: false,
    async read(name) {
      const file = byName.get(name);
      if (!file) throw new Error(`${name} is not in the package`);
      return "content" in file ? Buffer.from(file.content) : readFile(file.source);
    },
    async close() {},
  };
}
