/** `coursepack diff <old> <new> [--lms <id>] [--format <f>] [--json]`: is an update safe to upload? */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { FORMAT_IDS } from "../../shared/course-data.js";
import { type DiffReport, diffCourses, type SideSummary, VERDICT_TEXT, type Verdict } from "../../updates/index.js";
import { LMS_IDS, LMS_UPDATES, type LmsId } from "../../updates/lms-updates.js";
import { MANIFEST_CHANGE_LABELS } from "../../updates/manifest-changes.js";
import { bold, dim, green, info, red, yellow } from "../format.js";
import { oneOf, UsageError } from "../usage.js";

/** Exit code when the update is not replace-safe for the chosen LMS (CI can tell it from a failure). */
export const EXIT_NOT_REPLACE_SAFE = 2;

const COLOURS: Record<Verdict, (s: string) => string> = {
  "keeps-progress": green,
  "drops-changed-answers": yellow,
  "new-version": red,
};

function side(s: SideSummary): string {
  const as = [s.format, s.language].filter(Boolean).join(", ");
  const what = s.kind === "course" ? `course folder, built as ${as}` : `${as} package`;
  const build = s.version === undefined ? "not built by Coursepack" : `version ${s.version} · ${s.content}`;
  return `${bold(s.path)} (${what}, ${build})`;
}

function print(report: DiffReport, lms: LmsId): void {
  info(`Old: ${side(report.old)}\nNew: ${side(report.new)}\n`);
  for (const m of report.manifests) {
    const state = m.identical
      ? green("byte-identical")
      : red(`changed: ${m.changes.map((c) => MANIFEST_CHANGE_LABELS[c]).join("; ")}`);
    info(`${m.file}: ${state}`);
  }
  const changes = report.changes.filter((c) => c.kind !== "manifest");
  info(changes.length ? `\nChanges (${changes.length}):` : "\nNo changes to the course.");
  for (const c of changes) info(`  ${c.dropsAnswers ? yellow("•") : "•"} ${c.message}`);
  if (!report.contentCompared)
    info(dim("  (not a Coursepack build on both sides: only manifests and files were compared)"));
  info(
    `\nLearners with saved progress ${
      report.dropsAnswers
        ? "lose their saved answers to the changed questions; everything else is kept."
        : "keep everything (completion and passed results always stay)."
    }\n\nPer LMS:`,
  );
  for (const id of LMS_IDS) {
    const { verdict, because } = report.lms[id];
    const why = because.length ? dim(` (${because.join(", ")})`) : "";
    const guess = LMS_UPDATES[id].verified ? " " : dim("*");
    const line = `  ${id.padEnd(15)}${guess}${COLOURS[verdict](VERDICT_TEXT[verdict])}${why}`;
    info(id === lms ? bold(line) : line);
  }
  info(dim("  * not confirmed by the vendor; see docs/updating-courses.md"));
  const { verdict } = report.lms[lms];
  // With --quiet only a problem is printed: an update that must go up as a new version.
  const say = verdict === "new-version" ? console.log : info;
  info("");
  say(`${LMS_UPDATES[lms].name}: ${COLOURS[verdict](VERDICT_TEXT[verdict])}`);
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      lms: { type: "string", default: "generic" },
      format: { type: "string", short: "f" },
      language: { type: "string" },
    },
  });
  if (positionals.length !== 2)
    throw new UsageError(
      "diff takes two builds of a course: `coursepack diff <old> <new>` (zips, package folders or course folders)",
    );
  const lms = oneOf(values.lms, LMS_IDS, "LMS", "--lms");
  const format = values.format === undefined ? undefined : oneOf(values.format, FORMAT_IDS, "format", "--format");
  for (const p of positionals) if (!existsSync(p)) throw new UsageError(`${p} does not exist`);
  const report = await diffCourses(positionals[0]!, positionals[1]!, { format, language: values.language });
  if (values.json)
    console.log(JSON.stringify({ ...report, verdict: report.lms[lms].verdict, lmsChosen: lms }, null, 2));
  else print(report, lms);
  return report.lms[lms].verdict === "new-version" ? EXIT_NOT_REPLACE_SAFE : 0;
}
