/**
 * Simulated strictness of real LMSs, for the tests and the preview. scorm-again accepts values that
 * real LMSs refuse; this module makes the tests' LMS (ScormLms) behave like a given LMS: refuse
 * values of given elements with the LMS's error code, throw from Terminate after a given navigation
 * request, hand back a wrong `entry` after a late Commit, install the API late, leave an element
 * empty. Every quirk is plain data with its source (src/shared/lms-quirks.ts) — the LMS's own code,
 * or what issue 12 observed when a learner took a package in that LMS — and an LMS profile
 * (profiles/<id>.yml) names the simulated LMS it behaves like.
 *
 * Choose a profile with `ScormLms({ quirks })`, `coursepackLms.launch({ lms: "forma" })` or
 * `scorm-host.html?lms=forma`; `describeQuirks()` lists what a profile changes.
 */
import type { ScormStandard } from "./scorm-lms.js";
import { type LateCommitEntryQuirk, type LmsQuirks, modelName, type Quirk } from "../../shared/lms-quirks.js";

export {
  describeQuirks,
  isSimulatedLms,
  SIMULATED_LMS,
  type LmsQuirks,
  type Quirk,
  type RefuseQuirk,
  type SimulatedLms,
} from "../../shared/lms-quirks.js";

/** A profile's quirks applied to one session of one SCORM version. */
export class QuirkSession {
  private readonly quirks: Quirk[];
  /** Interaction types the SCO set, by interaction index. */
  private readonly types = new Map<string, string>();
  private throwOnTerminate = false;

  constructor(lms: LmsQuirks, standard: ScormStandard) {
    this.quirks = lms.quirks.filter((q) => q.standard === standard);
  }

  /** The error code the LMS answers to SetValue(element, value), or undefined when it accepts it. */
  refusal(element: string, value: string): string | undefined {
    const model = modelName(element);
    const type = this.types.get(/^cmi\.interactions\.(\d+)\./.exec(element)?.[1] ?? "");
    for (const q of this.quirks) {
      if (q.kind !== "refuse" || !q.elements.includes(model)) continue;
      if (q.interactionTypes && !(type && q.interactionTypes.includes(type))) continue;
      if (!q.accept) return q.code;
      const accept = new RegExp(q.accept);
      const parts = (q.delimiters ?? []).reduce((list, d) => list.flatMap((p) => p.split(d)), [value]);
      if (!parts.every((part) => accept.test(part))) return q.code;
    }
    return undefined;
  }

  /** Called after every SetValue the LMS accepted. */
  accepted(element: string, value: string): void {
    const type = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
    if (type) this.types.set(type[1]!, value);
    for (const q of this.quirks) {
      if (q.kind === "terminate-throws" && q.element === element) this.throwOnTerminate = q.values.includes(value);
    }
  }

  /** How long after the content opens the API appears (0: at once). */
  get apiDelay(): number {
    return this.quirks.reduce((ms, q) => (q.kind === "api-late" ? Math.max(ms, q.ms) : ms), 0);
  }

  /** Whether GetValue of `element` answers "" because the LMS leaves it unset. */
  leavesEmpty(element: string): boolean {
    return this.quirks.some((q) => q.kind === "empty-element" && q.element === element);
  }

  /** True when Terminate must throw once it has stored the data. */
  get terminateThrows(): boolean {
    return this.throwOnTerminate;
  }

  /** The `entry` the next launch gets instead of the standard one, given this session's calls in order. */
  nextEntry(calls: readonly { method: string }[]): string | undefined {
    const quirk = this.quirks.find((q): q is LateCommitEntryQuirk => q.kind === "late-commit-entry");
    const finish = calls.findIndex((c) => /^(LMSFinish|Terminate)$/.test(c.method));
    return quirk && finish > 0 && /Commit$/.test(calls[finish - 1]!.method) ? quirk.entry : undefined;
  }
}
