/** `coursepack build [dir] [--out dist] [--format web,scorm12] [--no-folders] [--json]` */
import path from "node:path";
import { parseArgs } from "node:util";
import { build, type BuildResult } from "../../compiler/pipeline.js";
import { BuildFailed, type Diagnostic, formatDiagnostic } from "../../compiler/diagnostics.js";
import { discardAllStagingSync } from "../../compiler/packaging/output.js";
import { bold, checklistPointer, dim, formatBytes, formatMs, green, info, yellow } from "../format.js";
import { formatFinding } from "../../validator/findings.js";
import { commaList, formatList, UsageError } from "../usage.js";
import { lmsOption } from "../lms-option.js";
import { isProfilePath } from "../../lms-profiles/index.js";
import { courseDir } from "../course-dir.js";
import { progressLine } from "../progress.js";

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o", default: "dist" },
      format: { type: "string", short: "f" },
      language: { type: "string", short: "l" },
      "no-folders": { type: "boolean", default: false },
      lms: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  // Checked here, so a bad name is a usage error; a profile file is relative to the working directory.
  const lms = lmsOption(values.lms);
  if (positionals.length > 1) throw new UsageError("build takes one course folder");
  const formats = formatList(values.format);
  const dir = courseDir(positionals[0]);
  const languages = commaList(values.language);
  const progress = progressLine("Building", !values.json && Boolean(process.stderr.isTTY));
  let result: BuildResult;
  try {
    result = await cleaningUpOnInterrupt(() =>
      build({
        dir,
        outDir: values.out,
        folders: !values["no-folders"],
        onProgress: progress.update,
        ...(formats ? { formats } : {}),
        ...(languages ? { languages } : {}),
        ...(lms && values.lms ? { lms: isProfilePath(values.lms) ? path.resolve(values.lms) : values.lms } : {}),
      }),
    );
  } catch (error) {
    if (values.json && error instanceof BuildFailed) {
      console.log(JSON.stringify({ ok: false, problems: error.diagnostics.sorted().map(problem) }, null, 2));
      return 1;
    }
    throw error;
  } finally {
    progress.done();
  }
  if (values.json) {
    console.log(JSON.stringify(report(result), null, 2));
    return 0;
  }
  printReport(result);
  return 0;
}

function problem(d: Diagnostic) {
  return {
    severity: d.severity,
    file: path.relative(process.cwd(), d.file),
    line: d.line,
    col: d.col,
    message: d.message,
  };
}

/** What `--json` prints: the same facts as the text report, for CI and scripts. */
function report(result: BuildResult) {
  return {
    ok: true,
    course: { id: result.model.config.id, title: result.model.config.title, dir: result.model.dir },
    lms: result.model.lms.id,
    outDir: result.outDir,
    ms: Math.round(result.ms),
    packages: result.outputs.map((o) => ({
      format: o.format,
      language: o.language,
      label: o.label,
      zip: path.join(result.outDir, o.zipName),
      bytes: o.zipBytes,
      files: o.fileCount,
      runtimeGzipBytes: o.runtimeGzipBytes,
      findings: o.findings,
    })),
    problems: result.diagnostics.sorted().map(problem),
  };
}

function printReport(result: BuildResult): void {
  for (const d of result.diagnostics.sorted()) console.error(yellow(formatDiagnostic(d)));
  info(
    `${bold(result.model.config.title)} ${dim(`(${path.relative(process.cwd(), result.model.dir) || "."}, for ${result.model.lms.name})`)}`,
  );
  const zipOf = (o: (typeof result.outputs)[number]) =>
    path.relative(process.cwd(), path.join(result.outDir, o.zipName));
  const several = new Set(result.outputs.map((o) => o.language)).size > 1;
  const labelOf = (o: (typeof result.outputs)[number]) => (several ? `${o.label} (${o.language})` : o.label);
  const labelWidth = Math.max(...result.outputs.map((o) => labelOf(o).length));
  const zipWidth = Math.max(...result.outputs.map((o) => zipOf(o).length));
  for (const o of result.outputs) {
    info(
      `  ${green("✓")} ${labelOf(o).padEnd(labelWidth)}  ${zipOf(o).padEnd(zipWidth)}  ${formatBytes(o.zipBytes).padStart(9)}  ${dim(`${o.fileCount} files, runtime JS+CSS ${formatBytes(o.runtimeGzipBytes)} gzipped`)}`,
    );
  }
  for (const o of result.outputs) {
    for (const f of o.findings) console.error(yellow(`${o.zipName}: ${formatFinding(f, o.zipName)}`));
  }
  const pointer = checklistPointer(result.outputs.flatMap((o) => o.findings));
  if (pointer) console.error(pointer);
  const warnings = result.diagnostics.warningCount + result.outputs.reduce((n, o) => n + o.findings.length, 0);
  info(
    `Built ${result.outputs.length} package${result.outputs.length === 1 ? "" : "s"} in ${formatMs(result.ms)}${warnings ? yellow(` with ${warnings} warning${warnings === 1 ? "" : "s"}`) : ""}.`,
  );
}

/**
 * Ctrl+C (or a kill) during a build would leave its staging folder, as large as the packages, in the
 * output folder: remove it, then exit as the signal would have (128 + its number).
 */
async function cleaningUpOnInterrupt<T>(work: () => Promise<T>): Promise<T> {
  const stop = (signal: NodeJS.Signals) => {
    discardAllStagingSync();
    process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    return await work();
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}
