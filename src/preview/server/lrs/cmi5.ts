/**
 * The LMS side of cmi5 (spec §8–§10): one launch session per launch, with its one-time fetch URL,
 * its auth token, the LMS.LaunchData document, the "launched" statement, and the rules the LMS
 * enforces on what the AU sends (nothing after "terminated", §9.3.8). moveOn is evaluated the way
 * an LMS decides whether the AU is satisfied (§10, §13.1.4).
 */
import { randomUUID } from "node:crypto";
import { CMI5, VERBS } from "../../../shared/xapi-vocabulary.js";

import {
  type ContextTemplate,
  type LaunchData,
  type LaunchMode,
  type LearnerPreferences,
  type MoveOn,
  moveOnSatisfied as satisfied,
} from "../../../shared/cmi5-contract.js";

export type { LaunchMode, MoveOn };

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
  preferences?: LearnerPreferences;
}

export interface Cmi5Session {
  id: string;
  registration: string;
  activityId: string;
  fetchKey: string;
  token: string;
  tokenIssued: boolean;
  terminated: boolean;
  launchData: LaunchData;
  launchedStatement: Record<string, unknown>;
}

export function createCmi5Session(options: Cmi5LaunchOptions, launchUrl: string): Cmi5Session {
  const id = randomUUID();
  const registration = options.registration ?? randomUUID();
  const activityId = options.activityId ?? `${options.publisherAuId}/lms/${randomUUID()}`;
  const launchMode = options.launchMode ?? "Normal";
  const grouping = [{ objectType: "Activity" as const, id: options.publisherAuId }];
  const contextTemplate: ContextTemplate = {
    contextActivities: { grouping },
    extensions: { [CMI5.sessionId]: id },
  };
  const launchData: LaunchData = {
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
    verb: VERBS.launched,
    object: { objectType: "Activity", id: activityId },
    context: {
      registration,
      contextActivities: {
        grouping,
        category: [{ objectType: "Activity", id: CMI5.categoryCmi5 }],
      },
      extensions: {
        [CMI5.sessionId]: id,
        [CMI5.launchMode]: launchMode,
        [CMI5.launchUrl]: launchUrl,
        [CMI5.moveOn]: options.moveOn,
        ...(options.launchParameters ? { [CMI5.launchParameters]: options.launchParameters } : {}),
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
  return (statement as { verb?: { id?: string } })?.verb?.id ?? "";
}

/**
 * Whether the AU met moveOn for a registration, from the statements the LMS accepted for it
 * (§10 moveOn; the LMS would then issue "satisfied").
 */
export function moveOnSatisfied(moveOn: MoveOn, statements: unknown[], activityId: string): boolean {
  const about = statements.filter((s) => (s as { object?: { id?: string } }).object?.id === activityId);
  return satisfied(moveOn, {
    completed: about.some((s) => verbOf(s) === VERBS.completed.id),
    passed: about.some((s) => verbOf(s) === VERBS.passed.id),
  });
}
