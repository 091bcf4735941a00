/**
 * `coursepack report [dir] (--lrs <endpoint> | --input <file>…) [-o report.html] [--json]`:
 * learner analytics from an LRS or LMS exports, as one HTML file and/or JSON (docs/report.md).
 * LRS credentials come from the environment so they never reach shell history or disk.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Report, ReportInput } from "../../report/index.js";
import { courseDir } from "../course-dir.js";
import { assertWritableOption } from "../out-path.js";
import { bold, dim, formatMs, green, info, infoOnStderr, isQuiet } from "../format.js";
import { progressLine } from "../progress.js";
import { UsageError } from "../usage.js";

/** The Authorization header from --auth or the environment (docs/report.md, "Credentials"). */
export function lrsAuthorization(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (flag !== undefined) {
    if (!flag.includes(":")) throw new UsageError("--auth takes <username>:<password>");
    return `Basic ${Buffer.from(flag).toString("base64")}`;
  }
  const { COURSEPACK_LRS_USERNAME: user, COURSEPACK_LRS_PASSWORD: password, COURSEPACK_LRS_TOKEN: token } = env;
  if (token) return `Bearer ${token}`;
  if (user !== undefined || password !== undefined) {
    if (!user || password === undefined)
      throw new UsageError("set both COURSEPACK_LRS_USERNAME and COURSEPACK_LRS_PASSWORD, or COURSEPACK_LRS_TOKEN");
    return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  }
  return undefined;
}

function input(values: {
  lrs?: string;
  input?: string[];
  activity?: string[];
  since?: string;
  auth?: string;
}): ReportInput {
  if (values.lrs && values.input?.length) throw new UsageError("report reads either --lrs or --input, not both");
  if (values.since !== undefined && Number.isNaN(Date.parse(values.since)))
    throw new UsageError(`--since takes an ISO 8601 date or timestamp, e.g. 2026-01-31 or 2026-01-31T09:00:00Z`);
  if (values.lrs) {
    try {
      new URL(values.lrs);
    } catch {
      throw new UsageError(
        `--lrs takes the LRS endpoint URL, e.g. https://lrs.example.com/xAPI/ (got "${values.lrs}")`,
      );
    }
    const authorization = lrsAuthorization(values.auth, process.env);
    return {
      kind: "lrs",
      endpoint: values.lrs,
      ...(values.activity?.length ? { activities: values.activity } : {}),
      ...(values.since ? { since: new Date(values.since).toISOString() } : {}),
      ...(authorization ? { authorization } : {}),
    };
  }
  if (values.input?.length) {
    const lrsOnly = (["activity", "since", "auth"] as const).find((k) => values[k] !== undefined);
    if (lrsOnly) throw new UsageError(`--${lrsOnly} applies to --lrs; an --input file is read whole`);
    return { kind: "files", files: values.input };
  }
  throw new UsageError("report needs a source: --lrs <endpoint> or --input <file>");
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      lrs: { type: "string" },
      activity: { type: "string", multiple: true },
      since: { type: "string" },
      auth: { type: "string" },
      input: { type: "string", short: "i", multiple: true },
      out: { type: "string", short: "o" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length > 1) throw new UsageError("report takes one course folder");
  const source = input(values);
  const out = values.out !== undefined || !values.json ? (values.out ?? "report.html") : undefined;
  if (out !== undefined) assertWritableOption("--out", out, "file");
  const started = performance.now();
  // The report code and its parsers load only when this command runs (a chunk of its own).
  const { makeReport, renderHtml } = await import("../../report/index.js");
  const progress = progressLine(
    "Reading the LRS",
    source.kind === "lrs" && !isQuiet() && Boolean(process.stderr.isTTY),
  );
  let report: Report;
  try {
    report = await makeReport(
      courseDir(positionals[0]),
      source.kind === "lrs" ? { ...source, onPage: (read) => progress.update(`${read} statements`) } : source,
    );
  } finally {
    progress.done();
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
  if (out !== undefined) {
    const file = path.resolve(out);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, await renderHtml(report));
    const where = path.relative(process.cwd(), file) || file;
    (values.json ? infoOnStderr : info)(
      `${green("✓")} ${bold(where)}: ${report.learners} learners from ${report.source.read} records ${dim(`(${formatMs(performance.now() - started)})`)}`,
    );
  }
  return 0;
}
