/**
 * SCORM Cloud registrations (API v2 RegistrationSchema), as GET /registrations or
 * GET /registrations/{id} return them with includeChildResults, includeInteractionsAndObjectives
 * and includeRuntime set: `learner.id`, `registrationSuccess` (PASSED/FAILED/UNKNOWN),
 * `registrationCompletion`, `score.scaled` (0–100) and an `activityDetails` tree whose activities
 * carry `runtime.runtimeInteractions` (id, learnerResponse, result, latency, timestampUtc) and
 * `runtime.runtimeObjectives` (the runtime writes one objective per page, so a completed
 * objective is a lesson the learner finished).
 */
import type { ReportCourse } from "../course.js";
import { type LearnerRecord, type SourceInfo, timespanMs } from "../records.js";
import { resultScore, ScormIds } from "./scorm-ids.js";

interface Interaction {
  id?: string;
  learnerResponse?: string;
  result?: string;
  latency?: string;
  timestamp?: string;
  timestampUtc?: string;
}

interface Activity {
  runtime?: {
    runtimeInteractions?: Interaction[];
    runtimeObjectives?: {
      id?: string;
      runtimeObjectiveCompletionStatus?: string;
      runtimeObjectiveSuccessStatus?: string;
    }[];
  };
  children?: Activity[];
}

interface Registration {
  id?: string;
  learner?: { id?: string };
  registrationSuccess?: string;
  registrationCompletion?: string;
  score?: { scaled?: number };
  firstAccessDate?: string;
  lastAccessDate?: string;
  activityDetails?: Activity;
}

function* activities(activity: Activity | undefined): Iterable<Activity> {
  if (!activity) return;
  yield activity;
  for (const child of activity.children ?? []) yield* activities(child);
}

/** Objective ids the runtime writes for a page (1.2: the page id; 2004: a URN) → lesson index. */
function objectiveLessons(course: ReportCourse): Map<string, number> {
  const map = new Map<string, number>();
  for (const [i, lesson] of course.lessons.entries()) {
    map.set(lesson.id, i);
    for (const v of course.versions) map.set(`urn:coursepack:${v.courseId}:${lesson.id}`, i);
  }
  return map;
}

export async function* scormCloudRecords(
  course: ReportCourse,
  registrations: AsyncIterable<unknown>,
  info: SourceInfo,
): AsyncIterable<LearnerRecord> {
  const ids = new ScormIds(course);
  const lessons = objectiveLessons(course);
  for await (const item of registrations) {
    const registration = item as Registration;
    info.read++;
    const learner = registration.learner?.id ?? registration.id;
    if (!learner) {
      info.ignored++;
      continue;
    }
    const started = Date.parse(registration.firstAccessDate ?? "");
    yield { learner, time: started, kind: "session", event: "start" };
    for (const activity of activities(registration.activityDetails)) {
      for (const objective of activity.runtime?.runtimeObjectives ?? []) {
        const lesson = lessons.get(objective.id ?? "");
        const done = /^(completed|passed)$/i.test(objective.runtimeObjectiveCompletionStatus ?? "");
        if (lesson !== undefined && done) yield { learner, time: Number.NaN, kind: "lesson", lesson };
      }
      for (const interaction of activity.runtime?.runtimeInteractions ?? []) {
        const ref = ids.interaction(interaction.id ?? "");
        if (!ref) {
          info.ignored++;
          continue;
        }
        const score = resultScore(interaction.result ?? "");
        const durationMs = timespanMs(interaction.latency ?? "");
        yield {
          learner,
          time: Date.parse(interaction.timestampUtc ?? interaction.timestamp ?? ""),
          kind: "answer",
          question: ref.question,
          attempt: ref.attempt,
          response: ids.response(ref.question, interaction.learnerResponse ?? ""),
          ...(score !== undefined ? { score } : {}),
          ...(Number.isFinite(durationMs) ? { durationMs } : {}),
        };
      }
    }
    const success = registration.registrationSuccess?.toUpperCase();
    const scaled = registration.score?.scaled;
    yield {
      learner,
      time: Date.parse(registration.lastAccessDate ?? ""),
      kind: "result",
      ...(success === "PASSED" || success === "FAILED" ? { passed: success === "PASSED" } : {}),
      ...(typeof scaled === "number" ? { score: scaled } : {}),
      ...(registration.registrationCompletion?.toUpperCase() === "COMPLETED" ? { completed: true } : {}),
    };
  }
}
