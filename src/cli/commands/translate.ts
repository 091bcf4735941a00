/**
 * `coursepack translate export|import|status`: XLIFF round trips with a translation agency and
 * the state of each language (docs/translation.md).
 */
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Diagnostics, formatDiagnostic } from "../../compiler/diagnostics.js";
import { languageName } from "../../compiler/i18n/languages.js";
import { LANGUAGE_TAG, languageTagHint } from "../../shared/language-tags.js";
import { didYouMean } from "../../shared/nearest.js";
import { exportTranslations } from "../../translation/export.js";
import { importTranslations } from "../../translation/import.js";
import { translationStatus } from "../../translation/status.js";
import type { XliffVersion } from "../../translation/codes.js";
import { courseDir } from "../course-dir.js";
import { assertWritableOption } from "../out-path.js";
import { bold, dim, green, red, yellow } from "../format.js";
import { commaList, oneOf, UsageError } from "../usage.js";

const XLIFF_VERSIONS: readonly XliffVersion[] = ["xliff2", "xliff12"];

/** A --to language, held to course.yml's rule for `languages:` so the export's file can be imported. */
function targetLanguage(tag: string): string {
  if (LANGUAGE_TAG.test(tag)) return tag;
  throw new UsageError(`--to: "${tag}" is not a language tag such as "de" or "de-CH"${languageTagHint(tag)}`);
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case "export":
      return runExport(rest);
    case "import":
      return runImport(rest);
    case "status":
      return runStatus(rest);
    default:
      throw new UsageError(
        sub === undefined
          ? "translate needs a subcommand: export, import or status"
          : `unknown translate subcommand "${sub}"${didYouMean(sub, ["export", "import", "status"])}; use export, import or status`,
      );
  }
}

async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: "string", short: "t" },
      format: { type: "string", default: "xliff2" },
      out: { type: "string", short: "o" },
      changed: { type: "boolean", default: false },
    },
  });
  if (positionals.length > 1) throw new UsageError("translate export takes one course folder");
  const languages = (commaList(values.to) ?? []).map(targetLanguage);
  if (languages.length === 0)
    throw new UsageError("translate export needs --to <language>, e.g. --to de or --to de,fr");
  const version = oneOf(values.format, XLIFF_VERSIONS, "XLIFF format", "--format");
  const toFolder = languages.length > 1 || (values.out !== undefined && (await isFolder(values.out)));
  if (values.out !== undefined) assertWritableOption("--out", values.out, toFolder ? "folder" : "file");
  const started = performance.now();
  const exported = await exportTranslations({
    dir: courseDir(positionals[0]),
    languages,
    version,
    changed: values.changed,
  });
  for (const e of exported) {
    if (e.units === 0) {
      console.log(`${green("✓")} ${e.language}: nothing to translate, every text has a current translation`);
      continue;
    }
    const name = `${e.courseId}-${e.language}.xlf`;
    const file = toFolder ? path.join(values.out ?? ".", name) : (values.out ?? name);
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, e.xml);
    console.log(
      `${green("✓")} ${file}  ${dim(`${languageName(e.language)}: ${e.units} text${e.units === 1 ? "" : "s"}, ${e.words.toLocaleString("en")} words${values.changed ? " (new and changed only)" : ""}`)}`,
    );
    notBuiltYet(e.language, e.courseLanguages);
  }
  console.log(dim(`Exported in ${Math.round(performance.now() - started)} ms.`));
  return 0;
}

/** Says how to build a language the course does not list yet: export and import work without it. */
function notBuiltYet(language: string, courseLanguages: string[]): void {
  if (courseLanguages.includes(language)) return;
  console.log(
    `  ${languageName(language)} is not built until course.yml lists it: ${bold(`languages: [${[...courseLanguages, language].join(", ")}]`)}`,
  );
}

async function isFolder(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => p.endsWith("/") || p.endsWith(path.sep),
  );
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { course: { type: "string", short: "c" } },
  });
  if (positionals.length === 0) throw new UsageError("translate import takes one or more XLIFF files");
  const started = performance.now();
  const result = await importTranslations(courseDir(values.course), positionals);
  print(result.diagnostics);
  for (const l of result.languages) {
    const folder = l.files.length ? path.relative(process.cwd(), path.dirname(l.files[0]!)) : "";
    console.log(
      `${green("✓")} ${languageName(l.language)} (${l.language}): ${l.units} text${l.units === 1 ? "" : "s"} written to ${l.files.length} file${l.files.length === 1 ? "" : "s"}${folder ? ` in ${folder}/…` : ""}${l.missing ? yellow(`, ${l.missing} still untranslated`) : ", course complete"}`,
    );
    notBuiltYet(l.language, l.courseLanguages);
  }
  const errors = result.diagnostics.errorCount;
  if (errors > 0) {
    const imported = result.languages.some((l) => l.units > 0);
    console.error(
      bold(
        imported
          ? `${errors} unit${errors === 1 ? " was" : "s were"} refused or file${errors === 1 ? "" : "s"} skipped; the rest was imported.`
          : `Nothing was imported: ${errors} error${errors === 1 ? "" : "s"}.`,
      ),
    );
    return 1;
  }
  console.log(dim(`Imported in ${Math.round(performance.now() - started)} ms.`));
  return 0;
}

async function runStatus(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { verbose: { type: "boolean", short: "v", default: false } },
  });
  if (positionals.length > 1) throw new UsageError("translate status takes one course folder");
  const status = await translationStatus(courseDir(positionals[0]));
  print(status.diagnostics);
  console.log(
    `${bold(status.title)}: ${status.units} texts in ${languageName(status.sourceLanguage)} (${status.sourceLanguage})`,
  );
  if (status.languages.length === 0)
    console.log(
      dim(
        "  no translations yet: add `languages:` to course.yml and run `coursepack translate export --to <language>`",
      ),
    );
  for (const l of status.languages) {
    const percent = l.total ? Math.floor((l.translated / l.total) * 100) : 100;
    const parts = [
      `${l.translated} translated (${percent} %)`,
      l.stale.length ? yellow(`${l.stale.length} stale`) : "0 stale",
      l.missing.length ? yellow(`${l.missing.length} missing`) : "0 missing",
      ...(l.obsolete ? [yellow(`${l.obsolete} obsolete`)] : []),
    ];
    const note = l.listed ? "" : dim("  (not in course.yml's languages, so not built)");
    console.log(`  ${l.language.padEnd(6)} ${parts.join(", ")}${note}`);
    if (values.verbose) {
      for (const u of l.stale)
        console.log(dim(`    stale    ${formatDiagnostic({ ...u.at, severity: "warning", message: u.id })}`));
      for (const u of l.missing)
        console.log(dim(`    missing  ${formatDiagnostic({ ...u.at, severity: "warning", message: u.id })}`));
    }
  }
  return 0;
}

function print(diagnostics: Diagnostics): void {
  for (const d of diagnostics.sorted())
    console.error(d.severity === "error" ? red(formatDiagnostic(d)) : yellow(formatDiagnostic(d)));
}
