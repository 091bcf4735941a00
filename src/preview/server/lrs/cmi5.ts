/**
 * The LMS side of cmi5 (spec §8–§10): one launch session per launch, with its one-time fetch URL,
 * its auth token, the LMS.LaunchData document, the "launched" statement, and the rules the LMS
 * enforces on what the AU sends (nothing after "terminated", §9.3.8). moveOn is evaluated the way
 * an LMS decides whether the AU is satisfied (§10, §13.1.4).
 */
import { randomUUID } from "node:crypto";

export type MoveOn = "Passed" | "Completed" | "CompletedAndPassed" | "CompletedOrPassed" | "NotApplicable";
export type LaunchMode = "Normal" | "Browse" | "Review";

export const CMI5_EXTENSIONS = {
  sessionId: "https://w3id.org/xapi/cmi5/context/extensions/sessionid",
  launchMode: "https://w3id.org/xapi/cmi5/context/extensions/launchmode",
  launchUrl: "https://w3id.org/xapi/cmi5/context/extensions/launchurl",
  moveOn: "https://w3id.org/xapi/cmi5/context/extensions/moveon",
  launchParameters: "https://w3id.org/xapi/cmi5/context/extensions/launchparameters",
} as const;
export const CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
const VERB = (name: string) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { "en-US": name } });

export interface Cmi5LaunchOptions {
  /** The AU's URL (index.html of the unzipped package). */
  auUrl: string;
  actor: { name?: string; account: { homePage: string; name: string } };
  /** Defaults to a new UUID: a new enrolment. */
  registration?: string;
  /** The LMS-generated activity id for the AU; differs from the publisher id (§9.4, checklist #70). */
  activityId?: string;
  /** The AU and course ids from cmi5.xml. */
  publisherAuId: string;
  publisherCourseId: string;
  moveOn: MoveOn;
  masteryScore?: number;
  launchMode?: LaunchMode;
  returnURL?: string;
  launchParameters?: string;
  preferences?: { languagePreference?: string; audioPreference?: "on" | "off" };
}

export interface Cmi5Session {
  id: string;
  registration: string;
  activityId: string;
  fetchKey: string;
  token: string;
  tokenIssued: boolean;
  terminated: boolean;
  launchData: Record<string, unknown>;
  launchedStatement: Record<string, unknown>;
}

export function createCmi5Session(options: Cmi5LaunchOptions, launchUrl: string): Cmi5Session {
  const id = randomUUID();
  const registration = options.registration ?? randomUUID();
  const activityId = options.activityId ?? `${options.publisherAuId}/lms/${randomUUID()}`;
  const launchMode = options.launchMode ?? "Normal";
  const contextTemplate = {
    contextActivities: { grouping: [{ objectType: "Activity", id: options.publisherAuId }] },
    extensions: { [CMI5_EXTENSIONS.sessionId]: id },
  };
  const launchData: Record<string, unknown> = {
    contextTemplate,
    launchMode,
    moveOn: options.moveOn,
    ...(options.masteryScore !== undefined ? { masteryScore: options.masteryScore } : {}),
    ...(options.returnURL ? { returnURL: options.returnURL } : {}),
    ...(options.launchParameters ? { launchParameters: options.launchParameters } : {}),
  };
  const launchedStatement = {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    actor: { objectType: "Agent", ...options.actor },
    verb: VERB("launched"),
    object: { objectType: "Activity", id: activityId },
    context: {
      registration,
      contextActivities: {
        grouping: contextTemplate.contextActivities.grouping,
        category: [{ objectType: "Activity", id: CMI5_CATEGORY }],
      },
      extensions: {
        [CMI5_EXTENSIONS.sessionId]: id,
        [CMI5_EXTENSIONS.launchMode]: launchMode,
        [CMI5_EXTENSIONS.launchUrl]: launchUrl,
        [CMI5_EXTENSIONS.moveOn]: options.moveOn,
        ...(options.launchParameters ? { [CMI5_EXTENSIONS.launchParameters]: options.launchParameters } : {}),
      },
    },
  };
  return {
    id,
    registration,
    activityId,
    fetchKey: randomUUID(),
    token: Buffer.from(`cmi5-${id}:${randomUUID()}`).toString("base64"),
    tokenIssued: false,
    terminated: false,
    launchData,
    launchedStatement,
  };
}

/** The statement's verb IRI. */
export function verbOf(statement: unknown): string {
  return ((statement as { verb?: { id?: string } })?.verb?.id ?? "");
}

/**
 * Whether the AU met moveOn for a registration, from the statements the LMS accepted for it
 * (§10 moveOn; the LMS would then issue "satisfied").
 */
export function moveOnSatisfied(moveOn: MoveOn, statements: unknown[], activityId: string): boolean {
  const about = statements.filter((s) => (s as { object?: { id?: string } }).object?.id === activityId);
  const completed = about.some((s) => verbOf(s) === VERB("completed").id);
  const passed = about.some((s) => verbOf(s) === VERB("passed").id);
  switch (moveOn) {
    case "NotApplicable": return true;
    case "Completed": return completed;
    case "Passed": return passed;
    case "CompletedAndPassed": return completed && passed;
    case "CompletedOrPassed": return completed || passed;
  }
}
