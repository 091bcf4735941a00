/**
 * Writes a package as a zip. Deterministic: entries in the given order, one fixed timestamp, fixed
 * permissions, so the same course always gives the same bytes. Entry names use "/" only and never
 * start with "/" (checklist #2); archiver only uses Deflate or Stored.
 */
import { createWriteStream } from "node:fs";
import { ZipArchive } from "archiver";
import type { PackageFile } from "../targets/target.js";

/** 2020-01-01T00:00:00Z: inside the DOS date range and the same in every time zone (UTC). */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

export async function writeZip(file: string, entries: PackageFile[]): Promise<number> {
  const zip = new ZipArchive({ zlib: { level: 9 } });
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on("close", resolve);
    out.on("error", reject);
    zip.on("error", reject);
  });
  zip.pipe(out);
  for (const entry of entries) {
    const data = { name: entry.name, date: FIXED_DATE, mode: 0o644 };
    if ("source" in entry) zip.file(entry.source, data);
    else zip.append(entry.content, data);
  }
  await zip.finalize();
  await done;
  return zip.pointer();
}
