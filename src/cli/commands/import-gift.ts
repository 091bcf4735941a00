/** `coursepack import-gift <bank.gift> [--out quizzes/bank.yml] [--title "…"] [--force]`: Moodle GIFT → quiz YAML. */
import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatDiagnostic } from "../../compiler/diagnostics.js";
import { importGift } from "../../importers/gift/index.js";
import { decodeUtf8 } from "../../compiler/load/utf8.js";
import { idFromFileName } from "../../compiler/model/slug.js";
import { bold, dim, green, info, red, yellow } from "../format.js";
import { UsageError } from "../usage.js";
import { assertWritableOption } from "../out-path.js";
import { titleFromFolder } from "../starter.js";

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      title: { type: "string" },
      force: { type: "boolean", short: "f", default: false },
    },
  });
  const [giftFile] = positionals;
  if (!giftFile || positionals.length > 1)
    throw new UsageError("import-gift takes one GIFT file, e.g. `coursepack import-gift bank.gift`");
  const out = values.out ?? path.join("quizzes", `${idFromFileName(giftFile)}.yml`);
  assertWritableOption("--out", out, "file");
  if (!values.force && (await exists(out)))
    throw new UsageError(`${out} already exists; pass --force to overwrite it, or choose another --out`);

  const bytes = await readFile(giftFile).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(e.code === "ENOENT" ? `${giftFile} does not exist` : `cannot read ${giftFile}: ${e.message}`);
  });
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    console.error(
      red(`${giftFile}:${decoded.line}:${decoded.col}: error: ${decoded.message} (Moodle exports GIFT as UTF-8)`),
    );
    return 1;
  }
  const text = decoded.text;

  const file = path.resolve(giftFile);
  const result = importGift(text, {
    file,
    quizFile: out,
    title: values.title ?? titleFromFolder(idFromFileName(giftFile)),
  });
  for (const d of result.diagnostics.sorted()) {
    console.error(d.severity === "error" ? red(formatDiagnostic(d)) : yellow(formatDiagnostic(d)));
  }
  if (!result.yaml) {
    const n = result.diagnostics.errorCount;
    console.error(bold(`Import failed: ${n} error${n === 1 ? "" : "s"}. Nothing was written.`));
    return 1;
  }
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await writeFile(out, result.yaml);

  info(
    `${green("✓")} Imported ${result.imported} question${result.imported === 1 ? "" : "s"} from ${giftFile} into ${out}`,
  );
  for (const [type, n] of result.counts) info(`  ${type.padEnd(11)} ${n}`);
  const warnings = result.diagnostics.warningCount;
  if (result.skipped > 0) info(yellow(`  skipped     ${result.skipped} (see the warnings above)`));
  if (warnings > 0) info(yellow(`${warnings} warning${warnings === 1 ? "" : "s"}: each is also noted in ${out}.`));
  info(dim(`Add ${out} to the outline in course.yml, then run \`coursepack build\`.`));
  return 0;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
