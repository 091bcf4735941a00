/**
 * The xAPI and cmi5 vocabulary both sides speak: the learner runtime that sends statements and the
 * local LMS/LRS (preview and tests) that receives and judges them. Exact IRIs, because LMS plugins and
 * reports match on them (checklist #60): ADL verbs, ADL activity types, and the cmi5 profile's
 * categories, extensions and documents (cmi5 spec §9.3, §9.6, §10).
 */

export interface Verb {
  id: string;
  display: Record<string, string>;
}

function adl(name: string): Verb {
  return { id: `http://adlnet.gov/expapi/verbs/${name}`, display: { "en-US": name } };
}

export const VERBS = {
  /** Sent by the LMS, not the content (cmi5 §9.3.1). */
  launched: adl("launched"),
  initialized: adl("initialized"),
  experienced: adl("experienced"),
  answered: adl("answered"),
  passed: adl("passed"),
  failed: adl("failed"),
  completed: adl("completed"),
  terminated: adl("terminated"),
  /** The video profile's own verbs (https://w3id.org/xapi/video, v1.0.3 §2.2). */
  played: video("played"),
  paused: video("paused"),
  seeked: video("seeked"),
} as const;

function video(name: string): Verb {
  return { id: `https://w3id.org/xapi/video/verbs/${name}`, display: { "en-US": name } };
}

export const ACTIVITY_TYPES = {
  course: "http://adlnet.gov/expapi/activities/course",
  lesson: "http://adlnet.gov/expapi/activities/lesson",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
  interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
  /** A branching scenario: the learner's choices shape what happens. */
  simulation: "http://adlnet.gov/expapi/activities/simulation",
  video: "https://w3id.org/xapi/video/activity-type/video",
  /** The video profile covers audio with this activity type. */
  audio: "https://w3id.org/xapi/audio/activity-type/audio",
} as const;

/** The xAPI video profile: its id (a context category of every statement) and extensions. */
const VIDEO_EXT = "https://w3id.org/xapi/video/extensions/";
export const VIDEO_PROFILE = {
  id: "https://w3id.org/xapi/video",
  time: `${VIDEO_EXT}time`,
  timeFrom: `${VIDEO_EXT}time-from`,
  timeTo: `${VIDEO_EXT}time-to`,
  progress: `${VIDEO_EXT}progress`,
  playedSegments: `${VIDEO_EXT}played-segments`,
  length: `${VIDEO_EXT}length`,
  sessionId: `${VIDEO_EXT}session-id`,
  completionThreshold: `${VIDEO_EXT}completion-threshold`,
} as const;

export const CMI5 = {
  categoryCmi5: "https://w3id.org/xapi/cmi5/context/categories/cmi5",
  categoryMoveOn: "https://w3id.org/xapi/cmi5/context/categories/moveon",
  masteryScore: "https://w3id.org/xapi/cmi5/context/extensions/masteryscore",
  sessionId: "https://w3id.org/xapi/cmi5/context/extensions/sessionid",
  launchMode: "https://w3id.org/xapi/cmi5/context/extensions/launchmode",
  launchUrl: "https://w3id.org/xapi/cmi5/context/extensions/launchurl",
  moveOn: "https://w3id.org/xapi/cmi5/context/extensions/moveon",
  launchParameters: "https://w3id.org/xapi/cmi5/context/extensions/launchparameters",
  launchDataState: "LMS.LaunchData",
  learnerPreferences: "cmi5LearnerPreferences",
} as const;

/** The xAPI version header value every request carries (checklist #55). */
export const XAPI_VERSION = "1.0.3";
