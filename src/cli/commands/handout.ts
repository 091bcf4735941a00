/**
 * `coursepack handout [dir] [-o course.pdf] [--answers]`: the whole course as a printable PDF.
 * Builds the web package into a temporary folder and prints its page with the installed Chromium
 * (headless, --print-to-pdf): the print stylesheet shows every page with every block expanded;
 * `?cp-print=answers` adds the correct answers and explanations.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { build } from "../../compiler/pipeline.js";
import { formatDiagnostic } from "../../compiler/diagnostics.js";
import { requireChromium } from "../../shared/node/chromium.js";
import { courseDir } from "../course-dir.js";
import { assertWritable } from "../out-path.js";
import { bold, formatBytes, formatMs, green, yellow } from "../format.js";
import { UsageError } from "../usage.js";

/** How long the page may run its script before it is printed, in virtual time (no real wait). */
const SCRIPT_BUDGET_MS = 5000;
const PRINT_TIMEOUT_MS = 120_000;

/** Prints `url` to `pdf` with headless Chromium; rejects with its output when it fails. */
function printToPdf(chromium: string, url: string, pdf: string): Promise<void> {
  const args = [
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--no-default-browser-check",
    "--run-all-compositor-stages-before-draw",
    `--virtual-time-budget=${SCRIPT_BUDGET_MS}`,
    // Both spellings: newer Chromium knows the first, older the second.
    "--no-pdf-header-footer",
    "--print-to-pdf-no-header",
    `--print-to-pdf=${pdf}`,
    // Chromium refuses to run as root inside its sandbox.
    ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(chromium, args, { stdio: ["ignore", "ignore", "pipe"] });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => child.kill(), PRINT_TIMEOUT_MS);
    child.on("error", (error) => reject(new Error(`could not start ${chromium}: ${error.message}`)));
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${chromium} could not print the course (exit code ${code}):\n${output.trim()}`));
    });
  });
}

/** Chromium would print its own logs and "Failed to write file" instead: say it first, in words. */
const assertPdfWritable = (pdf: string) => assertWritable("the handout", pdf, "file", "choose another file with --out");

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      answers: { type: "boolean", default: false },
    },
  });
  if (positionals.length > 1) throw new UsageError("handout takes one course folder");
  const chromium = requireChromium("`coursepack handout`");
  // Checked before the build when given; the default name is known once the course is read.
  if (values.out !== undefined) assertPdfWritable(values.out);
  const started = performance.now();
  const work = await mkdtemp(path.join(tmpdir(), "coursepack-handout-"));
  try {
    const result = await build({ dir: courseDir(positionals[0]), outDir: work, formats: ["web"], folders: true });
    for (const d of result.diagnostics.sorted()) console.error(yellow(formatDiagnostic(d)));
    const web = result.outputs[0]!;
    const pdf = path.resolve(values.out ?? `${result.model.config.id}.pdf`);
    if (values.out === undefined) assertPdfWritable(pdf);
    await mkdir(path.dirname(pdf), { recursive: true });
    const url = `${pathToFileURL(path.join(work, web.folderName, "index.html")).href}?cp-print${values.answers ? "=answers" : ""}`;
    await printToPdf(chromium, url, pdf);
    const size = (await stat(pdf).catch(() => undefined))?.size;
    if (!size) throw new Error(`${chromium} reported success but wrote no PDF at ${pdf}`);
    console.log(
      `${green("✓")} ${bold(result.model.config.title)}: ${path.relative(process.cwd(), pdf) || pdf} ` +
        `(${formatBytes(size)}${values.answers ? ", with answers" : ""}) in ${formatMs(performance.now() - started)}`,
    );
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
