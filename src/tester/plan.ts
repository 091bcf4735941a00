/**
 * What `coursepack test` runs: every scenario that applies to each package, in the launch modes the
 * profile names, longest first. A package that is another language of one already planned gets the
 * pass, in the profile's first launch mode only: its tracking is the same runtime with the same
 * page, question and block ids, so that pass shows this language's package reports; the other
 * launch modes, the resume, outage and window scenarios would prove the runtime again.
 * `--every-language` plans them all.
 */
import type { LaunchMode, LmsProfile } from "../lms-profiles/index.js";
import type { Scenario, Subject } from "./scenario.js";
import { scormScenarios } from "./scenarios/scorm.js";
import { thirdPartyScenario } from "./scenarios/third-party.js";
import { xapiScenarios } from "./scenarios/xapi.js";

export interface Task {
  scenario: Scenario;
  subject: Subject;
  mode: LaunchMode;
}

/** Every scenario's id, for `coursepack test --only`. */
export const SCENARIO_IDS: readonly string[] = [
  ...new Set([...scormScenarios, ...xapiScenarios, thirdPartyScenario].map((s) => s.id)),
];

const POPUP_MODES: LaunchMode[] = ["popup", "new-window"];
/**
 * Scenarios that take two visits or wait out an outage (about twice the others): started first, so
 * that no worker is left with one of them at the end while the others idle.
 */
const LONG_SCENARIOS = new Set(["resume", "background", "commit-fails"]);

/** Every scenario that applies to a package, in the launch modes it runs in. */
export function plan(subject: Subject, profile: LmsProfile): Task[] {
  const modes = profile.launch.modes;
  const standard = subject.launch.standard;
  if (standard === "web") return [];
  const scenarios = subject.course
    ? standard === "xapi" || standard === "cmi5"
      ? xapiScenarios
      : scormScenarios
    : [thirdPartyScenario];
  const popup = modes.find((m) => POPUP_MODES.includes(m));
  return scenarios.flatMap((scenario): Task[] => {
    if (scenario.id === "pass" || scenario.id === "launch") return modes.map((mode) => ({ scenario, subject, mode }));
    if (scenario.id === "lms-closed-first") return popup ? [{ scenario, subject, mode: popup }] : [];
    return [{ scenario, subject, mode: modes[0]! }];
  });
}

/** The same course in another language, in the same format: same version and ids, other language. */
export function isTranslationOf(subject: Subject, other: Subject): boolean {
  const [a, b] = [subject.course, other.course];
  if (!a || !b || a.language === b.language || a.version !== b.version) return false;
  const { standard, edition } = subject.launch;
  if (other.launch.standard !== standard || other.launch.edition !== edition) return false;
  const ids = (c: typeof a) => JSON.stringify([c.pages.map((p) => p.id), Object.keys(c.questions).sort()]);
  return ids(a) === ids(b);
}

/**
 * The tasks for every package, long scenarios first; later languages get the pass in the first
 * launch mode only unless `everyLanguage`.
 */
export function planAll(subjects: Subject[], profile: LmsProfile, everyLanguage: boolean): Task[] {
  const firstMode = profile.launch.modes[0];
  const tasks = subjects.flatMap((subject, i) => {
    const translation = !everyLanguage && subjects.slice(0, i).some((earlier) => isTranslationOf(subject, earlier));
    return plan(subject, profile).filter((t) => !translation || (t.scenario.id === "pass" && t.mode === firstMode));
  });
  const long = (t: Task) => (LONG_SCENARIOS.has(t.scenario.id) ? 0 : 1);
  // Array.prototype.sort is stable: within each group the packages keep their order.
  return tasks.sort((a, b) => long(a) - long(b));
}
