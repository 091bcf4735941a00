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
      if (!("content" in file)) return readFile(file.source);
      return typeof file.content === "string" ? Buffer.from(file.content) : file.content;
    },
    async close() {},
  };
}

/**
 * What a zip writer reports of the zip it wrote (compiler/packaging/zip.ts): its size, records and
 * entries, as `coursepack validate` would list them from the zip's directory.
 */
export interface ZipListing {
  bytes: number;
  zip64: boolean;
  entries: readonly { name: string; size: number; compressed: { size: number; method: number } }[];
}

/**
 * A zip the build has just written, seen through the writer's listing and the files it was written
 * from: the checks see the zip's names, sizes, compression and records without reading back and
 * inflating what is still in memory (for a 1,000-lesson course, a 12 MB page per package). The
 * writer itself is tested against yauzl and fflate (test/unit/zip-writer.test.ts).
 */
export function writtenZipSource(zip: ZipListing, files: readonly InMemoryFile[]): PackageSource {
  const contents = memorySource(files);
  return {
    kind: "zip",
    files: zip.entries,
    zip64: zip.zip64,
    archiveBytes: zip.bytes,
    read: (name) => contents.read(name),
    async close() {},
  };
}
