/** How editors save a file, for the tests of the preview's watcher. */
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** Saves as Vim and JetBrains IDEs do: a new hidden file beside the old one, renamed over it. */
export async function saveByRename(file: string, content: string): Promise<void> {
  const swap = path.join(path.dirname(file), `.${path.basename(file)}.swp`);
  await writeFile(swap, content);
  await rename(swap, file);
}
