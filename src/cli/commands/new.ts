/** `coursepack new <dir> [--title "…"]`: copies the starter course into a new folder. */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { green } from "../format.js";
import { copyStarter } from "../starter.js";
import { UsageError } from "../usage.js";
import type { Command } from "../command.js";

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { title: { type: "string" } } });
  const [dir] = positionals;
  if (!dir || positionals.length > 1)
    throw new UsageError("new takes one folder name, e.g. `coursepack new my-course`");
  const target = path.resolve(dir);
  const existing = await readdir(target).catch(() => []);
  if (existing.length > 0) throw new UsageError(`${dir} already exists and is not empty; choose a new folder`);
  const { title } = await copyStarter(target, { title: values.title });
  const where = path.relative(process.cwd(), target) || ".";
  console.log(`${green("✓")} Created ${title} in ${where}`);
  console.log(`
Next:
  cd ${where}
  coursepack preview     try it in a local LMS; it reloads as you edit
  coursepack build       make the packages to upload to your LMS`);
  return 0;
}

export const newCommand: Command = {
  name: "new",
  usage: `  coursepack new <dir>        Create a starter course in a new folder.
      --title <text>            Course title (default: from the folder name)`,
  run,
};
