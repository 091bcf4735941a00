/** An unzipped package folder: the same checks as a zip, minus the archive format. */
import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Findings } from "../findings.js";
import { type Limits, type PackageFile, type PackageSource, SizeBudget, formatSize } from "./source.js";

export async function openFolder(dir: string, limits: Limits, findings: Findings): Promise<PackageSource> {
  const budget = new SizeBudget(limits, "folder");
  const files: PackageFile[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries: Dirent[] = await readdir(path.join(dir, rel), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        findings.add(
          "symlink",
          { file: name },
          `${name} is a symbolic link; zip tools copy or drop it differently, so it was skipped`,
        );
      } else if (entry.isDirectory()) {
        await walk(name);
      } else if (entry.isFile()) {
        const { size } = await stat(path.join(dir, name));
        budget.add(size);
        files.push({ name, size });
      }
    }
  };
  await walk("");
  return {
    kind: "folder",
    files,
    zip64: false,
    async read(name) {
      const file = files.find((f) => f.name === name);
      if (!file) throw new Error(`${name} is not in the package`);
      if (file.size > limits.maxReadBytes) throw new Error(`${name} is larger than ${formatSize(limits.maxReadBytes)}`);
      return readFile(path.join(dir, ...name.split("/")));
    },
    async close() {},
  };
}

/** A lone XML file (a manifest or course structure without its package). */
export function documentSource(name: string, bytes: Buffer): PackageSource {
  return {
    kind: "document",
    files: [{ name, size: bytes.length }],
    zip64: false,
    async read(file) {
      if (file !== name) throw new Error(`${file} is not in the package`);
      return bytes;
    },
    async close() {},
  };
}
