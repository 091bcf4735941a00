/**
 * Writes a package as a zip. Deterministic: entries in the given order, one fixed timestamp, fixed
 * permissions, so the same course always gives the same bytes. Entry names use "/" only and never
 * start with "/" (checklist #2); every entry is Deflate, ZIP64 only when a package needs it.
 * yazl (by yauzl's author, which reads them back in the validator) compresses in-memory entries on
 * zlib's thread pool, so the packages of one build compress in parallel.
 */
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import type { PackageFile } from "../targets/target.js";

/** 2020-01-01T00:00:00Z: inside the DOS date range and the same in every time zone (UTC). */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

const OPTIONS = { mtime: FIXED_DATE, mode: 0o100644, compressionLevel: 9, forceDosTimestamp: true };

export async function writeZip(file: string, entries: PackageFile[]): Promise<number> {
  const zip = new ZipFile();
  for (const entry of entries) {
    if ("source" in entry) zip.addFile(entry.source, entry.name, OPTIONS);
    else
      zip.addBuffer(
        typeof entry.content === "string" ? Buffer.from(entry.content) : entry.content,
        entry.name,
        OPTIONS,
      );
  }
  zip.end();
  const out = createWriteStream(file);
  await pipeline(zip.outputStream, out);
  return out.bytesWritten;
}
