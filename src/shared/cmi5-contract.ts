/**
 * The cmi5 contract between an LMS and an AU, declared once for every side that speaks it: the
 * learner runtime (the AU), the cmi5 target (cmi5.xml), the validator (reads cmi5.xml) and the
 * preview's local LMS (writes LMS.LaunchData, answers the fetch URL). Values and shapes are those of
 * the cmi5 specification (Quartz): course structure §13.1.4, fetch URL §8.2, LaunchData §10, learner
 * preferences §11.
 */

/** When the LMS counts the AU as satisfied (§13.1.4 moveOn). */
export const MOVE_ON_VALUES = [
  "Passed",
  "Completed",
  "CompletedAndPassed",
  "CompletedOrPassed",
  "NotApplicable",
] as const;
export type MoveOn = (typeof MOVE_ON_VALUES)[number];

/** The cmi5 launchMode: whether the AU may record results (§10.2.2). Not a window mode. */
export const LAUNCH_MODES = ["Normal", "Browse", "Review"] as const;
export type LaunchMode = (typeof LAUNCH_MODES)[number];

/** Whether the LMS may open the AU in a frame or must give it its own window (§13.1.4 launchMethod). */
export type LaunchMethod = "AnyWindow" | "OwnWindow";

/** The context every AU statement starts from (§10.2.1); the LMS fills it, the AU must not overwrite it. */
export interface ContextTemplate {
  registration?: string;
  contextActivities?: {
    parent?: { objectType?: "Activity"; id: string }[];
    grouping?: { objectType?: "Activity"; id: string }[];
    category?: { objectType?: "Activity"; id: string }[];
    other?: { objectType?: "Activity"; id: string }[];
  };
  extensions?: Record<string, unknown>;
  /** Anything else the LMS put there: the AU keeps it as it is. */
  [key: string]: unknown;
}

/** The LMS.LaunchData state document the LMS writes before launch (§10). */
export interface LaunchData {
  contextTemplate: ContextTemplate;
  launchMode: LaunchMode;
  moveOn: MoveOn;
  /** 0..1, when the course structure or the LMS sets one. */
  masteryScore?: number;
  returnURL?: string;
  launchParameters?: string;
  entitlementKey?: { courseStructure?: string; alternate?: string };
}

/** The cmi5LearnerPreferences Agent Profile document (§11). */
export interface LearnerPreferences {
  languagePreference?: string;
  audioPreference?: "on" | "off";
}

/** What the one-time fetch URL answers (§8.2): a token, or an error code with HTTP 200. */
export type FetchResponse = { "auth-token": string } | { "error-code": "1" | "2" | "3"; "error-text": string };

/** Whether an AU that has sent these verbs satisfies `moveOn` (§10, §13.1.4). */
export function moveOnSatisfied(moveOn: MoveOn, done: { completed: boolean; passed: boolean }): boolean {
  switch (moveOn) {
    case "Passed":
      return done.passed;
    case "Completed":
      return done.completed;
    case "CompletedAndPassed":
      return done.completed && done.passed;
    case "CompletedOrPassed":
      return done.completed || done.passed;
    case "NotApplicable":
      return true;
  }
}

export function isMoveOn(value: unknown): value is MoveOn {
  return (MOVE_ON_VALUES as readonly unknown[]).includes(value);
}

export function isLaunchMode(value: unknown): value is LaunchMode {
  return (LAUNCH_MODES as readonly unknown[]).includes(value);
}
