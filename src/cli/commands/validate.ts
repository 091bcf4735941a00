/** `coursepack validate <package.zip|folder|manifest.xml>… [--json] [--expect <format>]` */
import { parseArgs } from "node:util";
import { FORMAT_IDS } from "../../shared/course-data.js";
import { formatFinding } from "../../validator/findings.js";
import { describe, validatePackage, type ValidationResult } from "../../validator/validate.js";
import { bold, checklistPointer, dim, green, info, red, yellow } from "../format.js";
import { oneOf, UsageError } from "../usage.js";
import { lmsOption } from "../lms-option.js";

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      expect: { type: "string" },
      lms: { type: "string" },
    },
  });
  const lms = lmsOption(values.lms);
  if (positionals.length === 0)
    throw new UsageError("validate takes a package: a .zip, its unzipped folder, or a manifest XML file");
  const format = values.expect === undefined ? undefined : oneOf(values.expect, FORMAT_IDS, "format", "--expect");
  const results = await Promise.all(
    positionals.map((p) => validatePackage(p, { label: p, lms, ...(format ? { format } : {}) })),
  );
  if (values.json) {
    console.log(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
  } else {
    for (const result of results) printResult(result);
    const pointer = checklistPointer(results.flatMap((r) => r.findings));
    if (pointer) console.log(pointer);
  }
  return results.every((r) => r.valid) ? 0 : 1;
}

function printResult(result: ValidationResult): void {
  for (const f of result.findings) {
    const line = formatFinding(f, result.package, (code) => dim(`(${code})`));
    console.log(f.severity === "error" ? red(line) : yellow(line));
  }
  info(summary(result));
}

function summary(result: ValidationResult): string {
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  const what = result.standard
    ? describe({ standard: result.standard, edition: result.edition }) +
      (result.standard === "web"
        ? dim(" (a website, for a web server: LMSs import the SCORM, xAPI and cmi5 packages)")
        : "")
    : "no standard recognised";
  const counts = [
    errors && `${errors} error${errors === 1 ? "" : "s"}`,
    warnings && `${warnings} warning${warnings === 1 ? "" : "s"}`,
  ]
    .filter(Boolean)
    .join(", ");
  const scope = result.scope === "document" ? dim(" (manifest only: the files it references were not checked)") : "";
  const build = result.build
    ? dim(
        ` — ${result.build.course} version ${result.build.version} · ${result.build.content} (${result.build.generator})`,
      )
    : "";
  return result.valid
    ? `${green("✓")} ${bold(result.package)}: ${what}, valid${counts ? ` with ${counts}` : ""}${scope}${build}`
    : `${red("✗")} ${bold(result.package)}: ${what}, ${counts}${scope}${build}`;
}
