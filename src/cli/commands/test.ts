/**
 * `coursepack test [course-dir | package.zip …] [--lms <name>] [--format …] [--browser …]
 * [--junit <file>] [--report <dir>]`: robot learners against the LMS simulation, a summary in the
 * terminal, JUnit XML and an HTML report; exit 1 when any scenario fails.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { isProfilePath } from "../../lms-profiles/index.js";
import { BROWSERS, BrowserMissing } from "../../tester/browsers.js";
import { writeHtmlReport } from "../../tester/report/html.js";
import { junitXml } from "../../tester/report/junit.js";
import { counts, failures, scenarioName } from "../../tester/report/text.js";
import { SCENARIO_IDS } from "../../tester/plan.js";
import { runTests } from "../../tester/run.js";
import type { ScenarioResult } from "../../tester/scenario.js";
import { courseDir } from "../course-dir.js";
import { assertWritableOption } from "../out-path.js";
import { bold, dim, formatMs, green, red, yellow } from "../format.js";
import { lmsOption } from "../lms-option.js";
import { commaList, formatList, oneOf, UsageError } from "../usage.js";

function line(r: ScenarioResult): string {
  const mark = r.ok && !r.error ? green("✓") : red("✗");
  const warn = r.checks.some((c) => c.warning) ? yellow(" ⚠") : "";
  return `  ${mark} ${r.subject} ${dim("·")} ${scenarioName(r)}${warn} ${dim(formatMs(r.ms))}`;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      lms: { type: "string" },
      format: { type: "string", short: "f" },
      browser: { type: "string", default: "chromium" },
      junit: { type: "string" },
      report: { type: "string", default: "test-report" },
      "no-report": { type: "boolean", default: false },
      concurrency: { type: "string" },
      only: { type: "string" },
      "every-language": { type: "boolean", default: false },
    },
  });
  const profile = lmsOption(values.lms);
  const browser = oneOf(values.browser, BROWSERS, "browser", "--browser");
  const formats = formatList(values.format);
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0))
    throw new UsageError(`--concurrency takes a whole number of scenarios, not "${values.concurrency}"`);
  const only = commaList(values.only)?.map((id) => oneOf(id, SCENARIO_IDS, "scenario", "--only"));
  if (only?.length === 0) throw new UsageError(`--only names no scenario; choose from ${SCENARIO_IDS.join(", ")}`);
  if (values.junit !== undefined) assertWritableOption("--junit", values.junit, "file");
  if (!values["no-report"]) assertWritableOption("--report", values.report, "folder");
  const inputs = positionals.length ? positionals : [courseDir(undefined)];

  console.log(`${bold("coursepack test")} ${dim(`for ${profile?.name ?? "the course's LMS"} · ${browser}`)}`);
  let testRun: Awaited<ReturnType<typeof runTests>>;
  try {
    testRun = await runTests({
      inputs,
      lms: values.lms && isProfilePath(values.lms) ? path.resolve(values.lms) : values.lms,
      formats,
      browser,
      concurrency,
      everyLanguage: values["every-language"],
      only,
      onResult: (r) => console.log(line(r)),
    });
  } catch (error) {
    if (error instanceof BrowserMissing) {
      console.error(red(error.message));
      return 1;
    }
    throw error;
  }
  for (const note of testRun.notes) console.error(yellow(note));
  for (const r of testRun.results.filter((r) => r.scenario === "upload")) console.log(line(r));
  const failed = testRun.results.filter((r) => !r.ok || r.error);
  if (failed.length) {
    console.log(bold("\nWhat went wrong:"));
    for (const r of failed) {
      console.log(`${red("✗")} ${bold(r.subject)} · ${scenarioName(r)}`);
      for (const f of failures(r)) console.log(`    ${f}`);
    }
  }
  if (values.junit) {
    await mkdir(path.dirname(path.resolve(values.junit)), { recursive: true });
    await writeFile(values.junit, junitXml(testRun));
  }
  const report = values["no-report"] ? undefined : await writeHtmlReport(testRun, path.resolve(values.report));
  const c = counts(testRun.results);
  const total = `${c.total} scenarios on ${testRun.subjects.length} package${testRun.subjects.length === 1 ? "" : "s"} for ${testRun.profile.name}`;
  console.log(
    `\n${c.failed ? red(`${c.failed} of ${total} failed`) : green(`All ${total} passed`)} in ${formatMs(testRun.ms)} (${testRun.browser}).` +
      (report ? `\nReport: ${path.relative(process.cwd(), report)}` : "") +
      (values.junit ? `\nJUnit: ${values.junit}` : ""),
  );
  return testRun.ok ? 0 : 1;
}
