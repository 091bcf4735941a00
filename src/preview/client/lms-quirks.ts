/**
 * Simulated strictness of real LMSs, for the tests and the preview. scorm-again accepts values that
 * real LMSs refuse; this module makes the tests' LMS (ScormLms) behave like a given LMS: refuse
 * values of given elements with the LMS's error code, throw from Terminate after a given navigation
 * request, hand back a wrong `entry` after a late Commit. Every quirk is plain data with its source
 * — the LMS's own code, or what issue 12 observed when a learner took a package in that LMS — so an
 * LMS profile (issue 13) is one object, and a new finding is one entry.
 *
 * Choose a profile with `ScormLms({ quirks })`, `coursepackLms.launch({ lms: "forma" })` or
 * `scorm-host.html?lms=forma`; `describeQuirks()` lists what a profile changes.
 */
import type { ScormStandard } from "./scorm-lms.js";

interface QuirkBase {
  /** The SCORM version whose API behaves this way. */
  standard: ScormStandard;
  /** Where the behaviour comes from: a file of the LMS's source, or the issue that observed it. */
  source: string;
}

/**
 * SetValue of one of `elements` answers "false" with `code`, and stores nothing, unless the value
 * matches `accept`. Without `accept` every value is refused (an element the LMS does not support or
 * keeps read-only).
 */
export interface RefuseQuirk extends QuirkBase {
  kind: "refuse";
  /** Element names with each collection index written `n`: "cmi.interactions.n.learner_response". */
  elements: string[];
  /** Regular expression (source) a value must match. */
  accept?: string;
  /** Check every part between these delimiters instead of the whole value (response patterns). */
  delimiters?: string[];
  /** Only for interactions whose `type`, set earlier in the session, is one of these. */
  interactionTypes?: string[];
  code: string;
}

/** Once `element` was set to one of `values`, Terminate stores the data and then throws. */
export interface TerminateThrowsQuirk extends QuirkBase {
  kind: "terminate-throws";
  element: string;
  values: string[];
}

/**
 * A Commit sent right before Finish reaches the LMS after it and stores the read-only `entry`: the
 * next launch hands back the saved location and suspend_data with this `entry`.
 */
export interface LateCommitEntryQuirk extends QuirkBase {
  kind: "late-commit-entry";
  entry: string;
}

export type Quirk = RefuseQuirk | TerminateThrowsQuirk | LateCommitEntryQuirk;

/** One LMS's behaviour: the quirks of every SCORM version it runs. */
export interface LmsQuirks {
  id: string;
  /** Name and version the quirks were observed or read in. */
  name: string;
  quirks: Quirk[];
}

const MOODLE_JS = "moodle/moodle mod/scorm/datamodels/scorm_13.js";
const FORMA = "formalms/formalms VER-4.0.19 html/appLms/modules/scorm/";

/** The LMSs issue 12 took packages through. */
export const SIMULATED_LMS = {
  moodle: {
    id: "moodle",
    name: "Moodle 4.5.6",
    quirks: [
      {
        kind: "refuse",
        standard: "scorm2004",
        elements: ["cmi.interactions.n.learner_response", "cmi.interactions.n.correct_responses.n.pattern"],
        interactionTypes: ["choice", "sequencing", "likert", "matching"],
        delimiters: ["[,]", "[.]"],
        // CMIShortIdentifier: no '-' (issue 12: 4–6 of 16 answers reached Moodle's per-question data).
        accept: "^[\\w.]{1,250}$",
        code: "406",
        source: `${MOODLE_JS}: CMIShortIdentifier, learner_response and correct_responses formats; issue 12`,
      },
      {
        kind: "refuse",
        standard: "scorm2004",
        elements: ["cmi.interactions.n.id", "cmi.objectives.n.id", "cmi.interactions.n.objectives.n.id"],
        accept: "^(?:(?!urn:)\\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\\S{1,4000})$",
        code: "406",
        source: `${MOODLE_JS}: CMILongIdentifier`,
      },
      {
        kind: "terminate-throws",
        standard: "scorm2004",
        element: "adl.nav.request",
        values: ["exitAll"],
        source: `issue 12 (Moodle 4.5.6: Terminate threw after exitAll, after storing the data); ${MOODLE_JS}: Terminate acts on adl.nav.request after StoreData`,
      },
    ],
  },
  forma: {
    id: "forma",
    name: "Forma LMS 4.0.19",
    quirks: [
      {
        kind: "refuse",
        standard: "scorm2004",
        elements: [
          "cmi.interactions.n.id",
          "cmi.interactions.n.objectives.n.id",
          "cmi.interactions.n.correct_responses.n.pattern",
          "cmi.objectives.n.id",
        ],
        // long_identifier_type checked by scormTypes_itentifier_type: none of - _ . ! ~ * ' ( )
        // (issue 12: 0 of 16 answers, 0 of 9 objectives stored).
        accept: "^[^-_.!~*'()]{0,4000}$",
        code: "406",
        source: `${FORMA}ScormTypes.js scormTypes_itentifier_type; trackingdatamodel-1.3.xml; ScormCache.js DSCORM_ERR_DM_TYPEMISMATCH; issue 12`,
      },
      {
        kind: "refuse",
        standard: "scorm2004",
        elements: ["cmi.success_status", "cmi.objectives.n.completion_status"],
        code: "404",
        source: `${FORMA}trackingdatamodel-1.3.xml (SCOAccessibility="readonly"); ScormCache.js DSCORM_ERR_DM_READONLY`,
      },
      {
        kind: "refuse",
        standard: "scorm2004",
        elements: ["adl.nav.request"],
        code: "401",
        source: `issue 12 (Forma answered 401 and its player overlay went blank); ${FORMA}trackingdatamodel-1.3.xml has no adl.* elements (DSCORM_ERR_DM_UNDEF)`,
      },
      {
        kind: "late-commit-entry",
        standard: "scorm12",
        entry: "ab-initio",
        source: `issue 12 (2 of 2 runs resumed with entry=ab-initio); ${FORMA}ScormApi.js: while unloading every request goes out by sendBeacon, and LMSCommit has no initialized check`,
      },
    ],
  },
} satisfies Record<string, LmsQuirks>;

export type SimulatedLms = keyof typeof SIMULATED_LMS;

export function isSimulatedLms(id: string | null | undefined): id is SimulatedLms {
  return id !== null && id !== undefined && Object.hasOwn(SIMULATED_LMS, id);
}

const DESCRIBE: { [K in Quirk["kind"]]: (quirk: Extract<Quirk, { kind: K }>) => string } = {
  refuse: (q) =>
    `${q.elements.join(", ")}: ${q.accept ? `values not matching ${q.accept}` : "every value"} refused (${q.code})`,
  "terminate-throws": (q) => `Terminate throws after ${q.element} = ${q.values.join(" or ")}`,
  "late-commit-entry": (q) => `a Commit right before Finish stores entry = ${q.entry} for the next launch`,
};

/** One line per quirk of `lms` for `standard`, for the debug panel and test messages. */
export function describeQuirks(lms: LmsQuirks, standard: ScormStandard): string[] {
  return lms.quirks
    .filter((q) => q.standard === standard)
    .map((q) => (DESCRIBE[q.kind] as (quirk: Quirk) => string)(q));
}

/** Collection indexes as `n`: cmi.interactions.3.correct_responses.0.pattern → cmi.interactions.n.correct_responses.n.pattern. */
const modelName = (element: string) => element.replace(/\.\d+(?=\.|$)/g, ".n");

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
