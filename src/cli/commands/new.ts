/** `coursepack new <dir> [--title "…"]`: copies the starter course into a new folder. */
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { slugify } from "../../compiler/model/slug.js";
import { PACKAGE_ROOT } from "../../shared/node/paths.js";
import { green } from "../format.js";
import { UsageError } from "../usage.js";
import type { Command } from "../command.js";

const STARTER_DIR = path.join(PACKAGE_ROOT, "starter");

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { title: { type: "string" } } });
  const [dir] = positionals;
  if (!dir || positionals.length > 1)
    throw new UsageError("new takes one folder name, e.g. `coursepack new my-course`");
  const target = path.resolve(dir);
  const existing = await readdir(target).catch(() => []);
  if (existing.length > 0) throw new UsageError(`${dir} already exists and is not empty; choose a new folder`);
  const title = values.title ?? titleFromFolder(path.basename(target));
  await cp(STARTER_DIR, target, { recursive: true });
  const courseFile = path.join(target, "course.yml");
  const yml = await readFile(courseFile, "utf8");
  await writeFile(
    courseFile,
    yml.replace("__COURSE_ID__", slugify(path.basename(target), 64)).replace("__COURSE_TITLE__", JSON.stringify(title)),
  );
  console.log(`${green("✓")} Created ${title} in ${path.relative(process.cwd(), target) || "."}`);
  console.log(`  Build it:  coursepack build ${dir}`);
  return 0;
}

export function titleFromFolder(name: string): string {
  const words = name.replace(/[-_]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "My course";
}

export const newCommand: Command = {
  name: "new",
  usage: `  coursepack new <dir>        Create a starter course in a new folder.`,
  run,
};
