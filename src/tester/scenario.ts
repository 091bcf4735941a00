/**
 * A scenario: one thing learners do (pass, fail, leave and come back, background the tab…) played
 * by the robot against the LMS simulation, ending with what the LMS must have recorded next to what
 * it did. The package under test, the LMS profile, the launch mode and the browser make its context.
 */
import type { LaunchMode, LmsProfile } from "../lms-profiles/index.js";
import type { CourseData } from "../shared/course-data.js";
import type { LmsQuirks } from "../shared/lms-quirks.js";
import type { PackageLaunch } from "../validator/launch.js";
import type { ValidationResult } from "../validator/validate.js";
import type { Check } from "./checks.js";
import type { Engine, Viewport } from "./engines/engine.js";
import type { ServedPackage, TestServer } from "./server.js";

/** A package to test: built from the course, or given as a zip. */
export interface Subject {
  /** The zip's name. */
  label: string;
  file: string;
  launch: PackageLaunch;
  /** The course data, when it is a Coursepack package (then the robot can take it). */
  course: CourseData | undefined;
  /** SCORM 2004: every SCO item sets completionSetByContent and objectiveSetByContent. */
  contentSetsCompletion: boolean;
  /** `validate --lms` of the package. */
  validation: ValidationResult;
}

export interface ScenarioContext {
  engine: Engine;
  server: TestServer;
  subject: Subject;
  pkg: ServedPackage;
  profile: LmsProfile;
  /** The LMS's API quirks the LMS page plays (SCORM). */
  simulation: LmsQuirks | undefined;
  mode: LaunchMode;
  /** The learner's screen: the scenario's, else a desktop's. */
  viewport: Viewport;
}

export interface LogLine {
  text: string;
  /** Refused, failed or otherwise worth a reader's eye. */
  problem: boolean;
}

/** What a scenario run hands back; ok, timing and the rest are added by the runner. */
export interface ScenarioOutcome {
  checks: Check[];
  /** The learner's steps, in words. */
  steps: string[];
  /** Every API call (SCORM) or statement (xAPI, cmi5) the LMS received. */
  log: LogLine[];
  screenshot: Buffer | undefined;
}

export interface Scenario {
  id: string;
  title: string;
  /** What it proves, for the report. */
  about: string;
  /** The screen the learner uses (default: a desktop's). */
  viewport?: Viewport;
  run(ctx: ScenarioContext): Promise<ScenarioOutcome>;
}

export interface ScenarioResult {
  scenario: string;
  title: string;
  about: string;
  subject: string;
  format: string;
  mode: LaunchMode;
  browser: string;
  ok: boolean;
  checks: Check[];
  steps: string[];
  log: LogLine[];
  screenshot: Buffer | undefined;
  ms: number;
  /** The scenario could not finish (the robot failed, a timeout…). */
  error?: string | undefined;
}
