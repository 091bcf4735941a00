/**
 * xAPI statements for what interactive blocks report (BlockEvent), shared by the Tin Can and cmi5
 * trackers: media events follow the xAPI video profile (verbs, result and context extensions, the
 * profile as a context category); a scenario's ending is "completed" on the scenario, with the
 * ending reached as the response and its score when it has one.
 */
import type { CourseData } from "../../../shared/course-data.js";
import { ACTIVITY_TYPES, VERBS, VIDEO_PROFILE, type Verb } from "../../../shared/xapi-vocabulary.js";
import type { BlockEvent, MediaVerb } from "../tracker.js";
import { elementIri } from "./interaction.js";
import { courseScore, isoDuration, lessonActivity } from "./statements.js";
import type { Activity, Result } from "./types.js";

export interface BlockStatement {
  verb: Verb;
  object: Activity;
  result?: Result;
  /** The lesson the block is on. */
  parent: Activity;
  /** Context extensions and categories to add. */
  extensions?: Record<string, unknown>;
  category?: Activity[];
}

const MEDIA_VERBS: Record<MediaVerb, Verb> = {
  initialized: VERBS.initialized,
  played: VERBS.played,
  paused: VERBS.paused,
  seeked: VERBS.seeked,
  completed: VERBS.completed,
};

/** Seconds with at most three decimals, as the profile asks. */
const seconds = (s: number) => Math.round(s * 1000) / 1000;

export function scenarioActivity(course: CourseData, id: string): Activity {
  const title = course.blocks[id]?.title ?? id;
  return {
    objectType: "Activity",
    id: elementIri(course.activityId, "scenarios", id),
    definition: { type: ACTIVITY_TYPES.simulation, name: { [course.language]: title } },
  };
}

export function blockStatement(course: CourseData, event: BlockEvent): BlockStatement {
  const block = event.kind === "media" ? event.media : event.scenario;
  const page = course.pages.find((p) => p.id === block.page);
  const parent = page ? lessonActivity(course, page) : { objectType: "Activity" as const, id: course.activityId };
  if (event.kind === "scenario-ended") {
    return {
      verb: VERBS.completed,
      object: scenarioActivity(course, block.id),
      result: {
        completion: true,
        response: event.scenario.nodes[event.ending]?.id ?? "",
        ...(event.score === undefined ? {} : { score: courseScore(event.score) }),
      },
      parent,
    };
  }
  const segments = event.segments.map(([a, b]) => `${seconds(a)}[.]${seconds(b)}`).join("[,]");
  const progress = { [VIDEO_PROFILE.progress]: seconds(event.progress), [VIDEO_PROFILE.playedSegments]: segments };
  const results: Record<MediaVerb, Result | undefined> = {
    initialized: undefined,
    played: { extensions: { [VIDEO_PROFILE.time]: seconds(event.time) } },
    paused: { extensions: { [VIDEO_PROFILE.time]: seconds(event.time), ...progress } },
    seeked: {
      extensions: { [VIDEO_PROFILE.timeFrom]: seconds(event.from ?? 0), [VIDEO_PROFILE.timeTo]: seconds(event.time) },
    },
    completed: {
      completion: true,
      duration: isoDuration(event.segments.reduce((n, [a, b]) => n + b - a, 0) * 1000),
      extensions: { [VIDEO_PROFILE.time]: seconds(event.time), ...progress },
    },
  };
  const result = results[event.verb];
  return {
    verb: MEDIA_VERBS[event.verb],
    object: {
      objectType: "Activity",
      id: elementIri(course.activityId, "media", block.id),
      definition: { type: ACTIVITY_TYPES[event.media.kind], name: { [course.language]: block.title } },
    },
    ...(result ? { result } : {}),
    parent,
    extensions: {
      [VIDEO_PROFILE.sessionId]: event.session,
      [VIDEO_PROFILE.length]: seconds(event.length),
      ...(event.verb === "initialized" ? { [VIDEO_PROFILE.completionThreshold]: event.media.threshold || 1 } : {}),
    },
    category: [{ objectType: "Activity", id: VIDEO_PROFILE.id }],
  };
}
