/**
 * The unzipped package folders. Most of a package's files are the same in every format's folder
 * (the page, the stylesheet, the assets), so each content is written once per build and the other
 * folders get a hard link to that copy. Creating files, not writing their bytes, is what a large
 * course's folders cost: six folders of a 1,000-lesson course are 6,000 files, and a link is
 * several times cheaper than a copy on ext4 (docs/development.md, "Performance").
 *
 * Where the file system has no hard links (FAT, some network shares) the folders get copies.
 */
import { copyFile, mkdir } from "node:fs/promises";
import { link, writeFile } from "../../shared/node/fs-quick.js";
import path from "node:path";
import { once } from "../../shared/once.js";
import type { PackageFile } from "../targets/target.js";

/** Errors that mean "this file system does not link files here": copy instead. */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "EXDEV", "EMLINK", "ENOSYS", "EACCES"]);

export class FolderWriter {
  /** The first copy of each content, by the Buffer or string written or the file copied. */
  private readonly written = new Map<Buffer | string, Promise<string>>();
  private readonly copied = new Map<string, Promise<string>>();
  /** Every path placed, by its file: a package's assets are placed before the rest (see PackagingRun). */
  private readonly placed = new Map<string, Promise<void>>();
  private linking = true;

  /** Writes a package's files as a folder; a file already placed there (or being placed) is waited for. */
  async write(dir: string, files: readonly PackageFile[]): Promise<void> {
    const paths = files.map((f) => path.join(dir, f.name));
    for (const d of [...new Set(paths.map((to) => path.dirname(to)))].sort()) await mkdir(d, { recursive: true });
    await Promise.all(files.map((f, i) => once(this.placed, paths[i]!, () => this.place(paths[i]!, f))));
  }

  private async place(to: string, file: PackageFile): Promise<void> {
    const firsts: Map<Buffer | string, Promise<string>> = "source" in file ? this.copied : this.written;
    const key = "source" in file ? file.source : file.content;
    const first = firsts.get(key);
    if (first && this.linking) {
      const from = await first;
      try {
        return await link(from, to);
      } catch (error) {
        if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
        this.linking = false;
      }
    }
    const writing = "source" in file ? copyFile(file.source, to) : writeFile(to, file.content);
    if (!first) {
      const done = writing.then(() => to);
      done.catch(() => undefined); // the failure is this call's; later links see it when they wait
      firsts.set(key, done);
    }
    await writing;
  }
}
