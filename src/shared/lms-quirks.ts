/**
 * LMS quirks as data: how a real LMS departs from the SCORM and xAPI specifications, each with the
 * source that shows it. LMS profiles (profiles/*.yml) list them; `coursepack test` plays them — the
 * runtime ones in the browser, around scorm-again (the LMS page), the record ones when it judges
 * what the LMS kept. Plain data, shared by the Node side and the browser.
 */

export type ScormStandardId = "scorm12" | "scorm2004";

/** SCORM 2004 interaction types (1.2 has the same names but for fill-in/long-fill-in). */
export type InteractionType =
  | "true-false"
  | "choice"
  | "fill-in"
  | "long-fill-in"
  | "matching"
  | "performance"
  | "sequencing"
  | "likert"
  | "numeric"
  | "other";

interface QuirkBase {
  /** What the LMS does, in one sentence an author understands. */
  note: string;
  /** Key of the profile's source that shows it. */
  source: string;
}

/** Runtime quirks: the LMS's API answers differently from the standard. */
export type RuntimeQuirk =
  /** SetValue of a matching element refuses a value the standard allows. */
  | (QuirkBase & {
      kind: "refuse-value";
      standards: ScormStandardId[];
      /** Regular expression over the element name (`cmi.interactions.0.learner_response`). */
      elements: string;
      /** Regular expression: the values it refuses. */
      values: string;
      /** Only for interactions of these types (their `type` was set earlier in the session). */
      interactionTypes?: InteractionType[] | undefined;
      /** The error code GetLastError then reports. */
      error: string;
    })
  /** GetValue and SetValue of a matching element fail: the LMS does not implement it. */
  | (QuirkBase & { kind: "refuse-element"; standards: ScormStandardId[]; elements: string; error: string })
  /** Terminate throws an exception after the SCO set `element` to `value`. */
  | (QuirkBase & { kind: "terminate-throws"; standards: ScormStandardId[]; element: string; value: string })
  /**
   * The next session gets `entry` and the saved data when the previous one committed after it
   * finished (a late Commit following LMSFinish/Terminate).
   */
  | (QuirkBase & { kind: "entry-after-late-commit"; standards: ScormStandardId[]; entry: string })
  /** The API object appears only `ms` milliseconds after the content starts loading. */
  | (QuirkBase & { kind: "api-late"; standards: ScormStandardId[]; ms: number })
  /** The LMS leaves the element empty (e.g. cmi.core.lesson_mode). */
  | (QuirkBase & { kind: "empty-element"; standards: ScormStandardId[]; element: string });

/** Record quirks: what the LMS keeps or shows differs from what the SCO sent. */
export type RecordQuirk =
  /** Reports show a score of 0 when the status was set before the score (in one commit). */
  | (QuirkBase & { kind: "score-lost-when-status-first"; standards: ScormStandardId[] })
  /** A Commit sent right before Terminate is refused with `error`; Terminate's own commit counts. */
  | (QuirkBase & { kind: "commit-refused-before-terminate"; standards: ScormStandardId[]; error: string })
  /**
   * SCORM 2004: without completionSetByContent/objectiveSetByContent on the item, the LMS marks the
   * SCO completed (and satisfied) itself when the learner exits.
   */
  | (QuirkBase & { kind: "completes-on-exit-unless-content-sets-completion" });

export type LmsQuirk = RuntimeQuirk | RecordQuirk;

export const RUNTIME_QUIRK_KINDS = [
  "refuse-value",
  "refuse-element",
  "terminate-throws",
  "entry-after-late-commit",
  "api-late",
  "empty-element",
] as const satisfies readonly RuntimeQuirk["kind"][];

export function isRuntimeQuirk(quirk: LmsQuirk): quirk is RuntimeQuirk {
  return (RUNTIME_QUIRK_KINDS as readonly string[]).includes(quirk.kind);
}
