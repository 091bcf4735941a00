/**
 * LMS quirks as data: how real LMSs depart from the SCORM standard, each with its source — the
 * LMS's own code, or what issue 12 observed when a learner took a package in that LMS. Two kinds:
 * runtime quirks, which the tests' LMS (src/preview/client: ScormLms with QuirkSession) plays in
 * the browser — refused values, a throwing Terminate, a wrong `entry`, a late API, an empty element
 * — and record quirks, which `coursepack test` applies when it judges what the LMS kept. Plain data,
 * read by the browser and by Node (LMS profiles reference a simulated LMS by id).
 */

export type ScormStandardId = "scorm12" | "scorm2004";

interface QuirkBase {
  /** The SCORM version whose API behaves this way. */
  standard: ScormStandardId;
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

/** The API object appears only `ms` milliseconds after the LMS opens the content. */
export interface ApiLateQuirk extends QuirkBase {
  kind: "api-late";
  ms: number;
}

/** GetValue of `element` answers "" (no error): the LMS leaves it unset. */
export interface EmptyElementQuirk extends QuirkBase {
  kind: "empty-element";
  element: string;
}

export type Quirk = RefuseQuirk | TerminateThrowsQuirk | LateCommitEntryQuirk | ApiLateQuirk | EmptyElementQuirk;

/** One LMS's behaviour: the quirks of every SCORM version it runs. */
export interface LmsQuirks {
  id: string;
  /** Name and version the quirks were observed or read in. */
  name: string;
  quirks: Quirk[];
}

/**
 * What an LMS keeps or shows differs from what the SCO sent; `coursepack test` judges the session
 * by these after it ends. `source` is a key of the LMS profile's sources.
 */
export type RecordQuirk = {
  note: string;
  source: string;
} /** Reports show a score of 0 when the status was set before the score. */ & (
  | { kind: "score-lost-when-status-first"; standards: ScormStandardId[] }
  /** A Commit sent right before Terminate is refused with `error`; Terminate's own commit saves the data. */
  | { kind: "commit-refused-before-terminate"; standards: ScormStandardId[]; error: string }
  /**
   * SCORM 2004: without completionSetByContent/objectiveSetByContent on the item, the LMS marks the
   * SCO completed (and satisfied) itself when the learner exits.
   */
  | { kind: "completes-on-exit-unless-content-sets-completion" }
);

const MOODLE_JS = "moodle/moodle mod/scorm/datamodels/scorm_13.js";
const FORMA = "formalms/formalms VER-4.0.19 html/appLms/modules/scorm/";

/**
 * The LMSs whose API the tests' LMS can behave like: Moodle and Forma (issue 12 took packages
 * through both), LearnWorlds and Open edX. LMS profiles (profiles/<id>.yml) name one of them with
 * `simulation:`, so each LMS's quirks are written once, here.
 */
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
  learnworlds: {
    id: "learnworlds",
    name: "LearnWorlds",
    quirks: [
      {
        kind: "empty-element",
        standard: "scorm12",
        element: "cmi.core.lesson_mode",
        source:
          "LiaScript/LiaScript-Exporter#36 (LearnWorlds leaves lesson_mode unset; content waiting for normal stored nothing)",
      },
    ],
  },
  "open-edx": {
    id: "open-edx",
    name: "Open edX SCORM XBlock",
    quirks: (["scorm12", "scorm2004"] as const).map((standard) => ({
      kind: "api-late" as const,
      standard,
      ms: 1500,
      source:
        "overhangio/openedx-scorm-xblock PR #78 and LiaScript/LiaScript-Exporter#35 (the frame loads before the API exists: unable to acquire LMS API)",
    })),
  },
} satisfies Record<string, LmsQuirks>;

export type SimulatedLms = keyof typeof SIMULATED_LMS;

export function isSimulatedLms(id: string | null | undefined): id is SimulatedLms {
  return id !== null && id !== undefined && Object.keys(SIMULATED_LMS).includes(id);
}

/** Collection indexes as `n`: cmi.interactions.3.correct_responses.0.pattern → cmi.interactions.n.correct_responses.n.pattern. */
export const modelName = (element: string) => element.replace(/\.\d+(?=\.|$)/g, ".n");

const DESCRIBE: { [K in Quirk["kind"]]: (quirk: Extract<Quirk, { kind: K }>) => string } = {
  refuse: (q) =>
    `${q.elements.join(", ")}: ${q.accept ? `values not matching ${q.accept}` : "every value"} refused (${q.code})`,
  "terminate-throws": (q) => `Terminate throws after ${q.element} = ${q.values.join(" or ")}`,
  "late-commit-entry": (q) => `a Commit right before Finish stores entry = ${q.entry} for the next launch`,
  "api-late": (q) => `the API appears ${q.ms} ms after the content opens`,
  "empty-element": (q) => `${q.element} is left empty`,
};

/** One line per quirk of `lms` for `standard`, for the debug panel and test messages. */
export function describeQuirks(lms: LmsQuirks, standard: ScormStandardId): string[] {
  return lms.quirks
    .filter((q) => q.standard === standard)
    .map((q) => (DESCRIBE[q.kind] as (quirk: Quirk) => string)(q));
}
