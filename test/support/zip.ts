/**
 * Zips made in memory for validator tests. `rawZip` (fflate) writes entry names exactly as given,
 * so tests can make hostile archives (zip-slip names, backslashes) that archiver would clean up;
 * `archiverZip` writes what real tools write, optionally with ZIP64 records.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ZipArchive } from "archiver";
import { zipSync } from "fflate";

export type ZipContent = Record<string, string | Uint8Array>;

export function rawZip(files: ZipContent, level: 0 | 6 = 6): Buffer {
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, content]) => [
      name,
      typeof content === "string" ? Buffer.from(content) : content,
    ]),
  );
  return Buffer.from(zipSync(entries, { level, mtime: new Date(Date.UTC(2020, 0, 1)) }));
}

export async function archiverZip(files: ZipContent, options: { zip64?: boolean } = {}): Promise<Buffer> {
  const zip = new ZipArchive({ zlib: { level: 9 }, forceZip64: options.zip64 ?? false });
  const chunks: Buffer[] = [];
  zip.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    zip.on("end", resolve);
    zip.on("error", reject);
  });
  for (const [name, content] of Object.entries(files))
    zip.append(typeof content === "string" ? content : Buffer.from(content), { name });
  await zip.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Every file of a folder, keyed by its "/"-separated path. */
export async function readFolder(dir: string): Promise<ZipContent> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const files: ZipContent = {};
  for (const e of names) {
    const full = path.join(e.parentPath, e.name);
    files[path.relative(dir, full).split(path.sep).join("/")] = await readFile(full);
  }
  return files;
}
