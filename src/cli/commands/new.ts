/** `coursepack new <dir> [--title "…"]`: copies the starter course into a new folder. */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { green, info } from "../format.js";
import { writeProblem } from "../../shared/node/writable.js";
import { copyStarter } from "../starter.js";
import { UsageError } from "../usage.js";

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { title: { type: "string" } } });
  const [dir] = positionals;
  if (!dir || positionals.length > 1)
    throw new UsageError("new takes one folder name, e.g. `coursepack new my-course`");
  const target = path.resolve(dir);
  const existing = await readdir(target).catch(() => []);
  if (existing.length > 0) throw new UsageError(`${dir} already exists and is not empty; choose a new folder`);
  const problem = writeProblem(target, "folder");
  if (problem) throw new UsageError(`${dir} ${problem}; choose a new folder`);
  const { title } = await copyStarter(target, { title: values.title });
  const where = path.relative(process.cwd(), target) || ".";
  info(`${green("✓")} Created ${title} in ${where}`);
  info(`
Next:
  cd ${pasteable(where)}
  npm install      pins this Coursepack for your team and turns on editor help
  npm run dev      preview in a local LMS; it reloads as you edit
  npm run build    make the packages to upload to your LMS (in dist/)`);
  return 0;
}

/**
 * A path as the reader can paste it into a shell: `cd My First Course` would fail. Double quotes
 * work in POSIX shells, cmd and PowerShell; a POSIX name with characters those expand gets single quotes.
 */
export function pasteable(where: string): string {
  if (/^[\w./@+-]+$/.test(where)) return where;
  if (process.platform === "win32" || !/["$`\\!]/.test(where)) return `"${where}"`;
  return `'${where.replaceAll("'", "'\\''")}'`;
}
