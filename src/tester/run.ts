/**
 * `coursepack test`, start to end: find the LMS profile, build or read the packages, check each
 * with the LMS's limits, then run every scenario that applies — the robot learner in the installed
 * browser, against the LMS simulation, in every launch mode the profile names — a few at a time,
 * and hand back every result for the reports.
 */
import os from "node:os";
import path from "node:path";
import { readFile, stat } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { DEFAULT_PROFILE, type LmsProfile, loadProfile, simulationOf } from "../lms-profiles/index.js";
import type { FormatId } from "../shared/course-data.js";
import { formatFinding } from "../validator/findings.js";
import type { BrowserName } from "./browsers.js";
import { Checks } from "./checks.js";
import { DESKTOP, type Engine } from "./engines/engine.js";
import { openEngine } from "./engines/index.js";
import type { ScenarioContext, ScenarioResult, Subject } from "./scenario.js";
import { planAll, type Task } from "./plan.js";
import { TestServer } from "./server.js";
import { collectSubjects } from "./subjects.js";

export interface TestOptions {
  /** Course folders and package zips/folders. */
  inputs: string[];
  /** LMS profile id or file (default: the course's `lms`, else generic). */
  lms?: string | undefined;
  /** Formats to build a course in (default: the course's, those the LMS imports). */
  formats?: FormatId[] | undefined;
  browser?: BrowserName | undefined;
  /** Scenarios run at once (default: one more than the machine has cores, at most four). */
  concurrency?: number | undefined;
  /** Every scenario for every language of a course, not only the pass for the second and later ones. */
  everyLanguage?: boolean | undefined;
  /** Only these scenarios (ids: pass, fail, resume, background, lms-closed-first, commit-fails, launch). */
  only?: string[] | undefined;
  /** Called as each scenario finishes (for progress output). */
  onResult?: ((result: ScenarioResult) => void) | undefined;
}

export interface TestRun {
  profile: LmsProfile;
  browser: string;
  subjects: Subject[];
  results: ScenarioResult[];
  /** Build warnings and formats left out. */
  notes: string[];
  ms: number;
  ok: boolean;
}

const SCENARIO_TIMEOUT_MS = 120_000;

/** The profile: --lms, else the first course's `lms:`, else the default. */
async function profileFor(options: TestOptions): Promise<{ profile: LmsProfile; name: string | undefined }> {
  if (options.lms)
    return { profile: loadProfile(options.lms), name: path.isAbsolute(options.lms) ? options.lms : options.lms };
  for (const input of options.inputs) {
    const file = path.join(input, "course.yml");
    if (!(await stat(file).catch(() => undefined))) continue;
    const lms = (parseYaml(await readFile(file, "utf8")) as { lms?: unknown } | null)?.lms;
    if (typeof lms === "string") return { profile: loadProfile(lms, input), name: undefined };
    break;
  }
  return { profile: loadProfile(DEFAULT_PROFILE), name: undefined };
}

/** The upload itself: what `validate --lms` says, as a result of its own. */
function uploadResult(subject: Subject, profile: LmsProfile, browser: string): ScenarioResult {
  const checks = new Checks();
  const errors = subject.validation.findings.filter((f) => f.severity === "error");
  checks.none(
    `${profile.name} accepts the upload`,
    errors.map((f) => formatFinding(f, subject.label)),
  );
  const warnings = subject.validation.findings.length - errors.length;
  if (warnings) checks.warn("Package warnings", "none", `${warnings}`, "run coursepack validate for the details");
  return {
    scenario: "upload",
    title: "Uploads",
    about: `coursepack validate --lms ${profile.id}: the package's format, limits and manifest.`,
    subject: subject.label,
    format: formatName(subject),
    mode: profile.launch.modes[0]!,
    browser,
    ok: checks.ok,
    checks: checks.list,
    steps: [],
    log: [],
    screenshot: undefined,
    ms: 0,
  };
}

export function formatName(subject: Subject): string {
  const { standard, edition } = subject.launch;
  if (standard === "scorm12") return "SCORM 1.2";
  if (standard === "scorm2004") return `SCORM ${edition ?? "2004"}`;
  return standard === "xapi" ? "xAPI" : standard === "cmi5" ? "cmi5" : "web";
}

async function runTask(
  task: Task,
  base: Omit<ScenarioContext, "subject" | "mode" | "pkg" | "viewport">,
  server: TestServer,
): Promise<ScenarioResult> {
  const started = performance.now();
  const result: ScenarioResult = {
    scenario: task.scenario.id,
    title: task.scenario.title,
    about: task.scenario.about,
    subject: task.subject.label,
    format: formatName(task.subject),
    mode: task.mode,
    browser: base.engine.version,
    ok: false,
    checks: [],
    steps: [],
    log: [],
    screenshot: undefined,
    ms: 0,
  };
  try {
    const pkg = await server.addPackage(task.subject.file);
    const viewport = task.scenario.viewport ?? DESKTOP;
    const ctx: ScenarioContext = { ...base, subject: task.subject, pkg, mode: task.mode, viewport };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`did not finish within ${SCENARIO_TIMEOUT_MS / 1000} s`)),
        SCENARIO_TIMEOUT_MS,
      );
    });
    const outcome = await Promise.race([task.scenario.run(ctx), timeout]).finally(() => clearTimeout(timer));
    Object.assign(result, outcome, { ok: outcome.checks.every((c) => c.ok) });
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  result.ms = performance.now() - started;
  return result;
}

/**
 * One scenario more than there are cores, at most four: scenarios also wait (an LRS outage, a
 * retry's backoff, a second visit), and the extra one fills those gaps. On two cores the default
 * course under `generic` took 58 s with three at a time, 69 s with two and 61 s with four (issue 13).
 */
export function defaultConcurrency(cores = os.availableParallelism()): number {
  return Math.min(4, Math.max(1, cores) + 1);
}

export async function runTests(options: TestOptions): Promise<TestRun> {
  const started = performance.now();
  const { profile, name } = await profileFor(options);
  const collected = await collectSubjects(options.inputs, profile, {
    lms: name ?? options.lms,
    formats: options.formats,
  });
  let engine: Engine | undefined;
  let server: TestServer | undefined;
  try {
    engine = await openEngine(options.browser ?? "chromium");
    server = await TestServer.start();
    const results: ScenarioResult[] = collected.subjects.map((s) => uploadResult(s, profile, engine!.version));
    const tasks = planAll(
      collected.subjects.filter((s) => s.validation.valid),
      profile,
      options.everyLanguage ?? false,
    ).filter((t) => !options.only || options.only.includes(t.scenario.id));
    const base = { engine, server, profile, simulation: simulationOf(profile) };
    const width = options.concurrency ?? defaultConcurrency();
    const queue = [...tasks];
    await Promise.all(
      Array.from({ length: width }, async () => {
        for (let task = queue.shift(); task; task = queue.shift()) {
          const result = await runTask(task, base, server!);
          results.push(result);
          options.onResult?.(result);
        }
      }),
    );
    const order = (r: ScenarioResult) => collected.subjects.findIndex((s) => s.label === r.subject);
    results.sort((a, b) => order(a) - order(b));
    return {
      profile,
      browser: engine.version,
      subjects: collected.subjects,
      results,
      notes: collected.notes,
      ms: performance.now() - started,
      ok: results.every((r) => r.ok && !r.error),
    };
  } finally {
    await server?.close();
    await engine?.close();
    await collected.dispose();
  }
}
