/**
 * xAPI statements (from an LRS or a file) as report records. The runtime's statements
 * (runtime/tracking/xapi.ts, cmi5.ts) name the course by its activity IRI (cmi5: `<IRI>/au`) and
 * its parts by `<IRI>/lessons/<id>`, `/quizzes/<id>` and `/questions/<id>`; a translation built
 * with the default `languageIds: separate` reports under `<IRI>/<lang>` (docs/translation.md),
 * with the same lesson, question and option ids, so its records count towards the same figures.
 */
import { VERBS } from "../../shared/xapi-vocabulary.js";
import type { ReportCourse } from "../course.js";
import { type AnswerValue, isoDurationMs, type LearnerRecord, type SourceInfo } from "../records.js";

interface Statement {
  actor?: Actor;
  verb?: { id?: string };
  object?: { id?: string; objectType?: string };
  result?: {
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
    score?: { scaled?: number; raw?: number; min?: number; max?: number };
  };
  timestamp?: string;
  stored?: string;
}

interface Actor {
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: { homePage?: string; name?: string };
  member?: Actor[];
}

type Part = { kind: "course" } | { kind: "lessons" | "quizzes" | "questions" | "blocks"; id: string };

/** The actor's inverse functional identifier, which is what makes two statements one learner's. */
function learnerKey(actor: Actor | undefined): string | undefined {
  if (!actor) return undefined;
  if (actor.mbox) return actor.mbox.toLowerCase();
  if (actor.mbox_sha1sum) return `sha1:${actor.mbox_sha1sum}`;
  if (actor.openid) return actor.openid;
  if (actor.account?.name) return `${actor.account.homePage ?? ""}|${actor.account.name}`;
  return undefined;
}

const VERB_IDS = Object.fromEntries(Object.entries(VERBS).map(([name, verb]) => [verb.id, name])) as Record<
  string,
  keyof typeof VERBS
>;

export class StatementReader {
  private readonly roots: string[];
  private readonly courseIris: Set<string>;

  /**
   * @param alsoCourse more IRIs that name the course itself: an LMS may launch a Tin Can package
   *   with its own `activity_id`, which the runtime then uses for course-level statements
   */
  constructor(
    private readonly course: ReportCourse,
    alsoCourse: readonly string[] = [],
  ) {
    this.roots = [...new Set(course.versions.map((v) => v.activityId.replace(/\/+$/, "")))];
    this.courseIris = new Set(alsoCourse);
  }

  /** Which part of this course an activity IRI names; undefined for anything else. */
  part(iri: string): Part | undefined {
    if (this.courseIris.has(iri)) return { kind: "course" };
    for (const root of this.roots) {
      if (iri === root || iri === `${root}/au`) return { kind: "course" };
      if (!iri.startsWith(`${root}/`)) continue;
      const m = /^(lessons|quizzes|questions|scenarios|media)\/([^/]+)$/.exec(iri.slice(root.length + 1));
      if (!m) continue;
      const id = decodeURIComponent(m[2]!);
      // Scenario and media statements (docs/blocks.md) are the course's own, though not analysed here.
      if (m[1] === "scenarios" || m[1] === "media") return { kind: "blocks", id };
      return { kind: m[1] as "lessons" | "quizzes" | "questions", id };
    }
    return undefined;
  }

  /**
   * One statement read from a source: its record, counted in `info` as read, and as ignored when
   * it is about something else (the course's own scenario and media statements are not analysed,
   * but not ignored either).
   */
  take(statement: unknown, info: SourceInfo): LearnerRecord | undefined {
    info.read++;
    const record = this.read(statement as Statement);
    if (!record && !this.isBlock(statement as Statement)) info.ignored++;
    return record;
  }

  private isBlock(statement: Statement): boolean {
    const part = this.part(statement.object?.id ?? "");
    if (part?.kind === "questions") return this.course.scenarioChoiceIds.has(part.id);
    return part?.kind === "blocks";
  }

  /** The record a statement makes, or undefined when it is not about this course's lessons, quizzes and results. */
  read(statement: Statement): LearnerRecord | undefined {
    const learner = learnerKey(statement.actor);
    const verb = VERB_IDS[statement.verb?.id ?? ""];
    const part = this.part(statement.object?.id ?? "");
    if (!learner || !verb || !part) return undefined;
    const time = Date.parse(statement.timestamp ?? statement.stored ?? "");
    const base = { learner, time };
    const result = statement.result;
    switch (verb) {
      case "launched":
      case "initialized":
        return part.kind === "course" ? { ...base, kind: "session", event: "start" } : undefined;
      case "terminated":
        return part.kind === "course" ? { ...base, kind: "session", event: "end" } : undefined;
      case "experienced": {
        const lesson = part.kind === "lessons" ? this.course.lessonIndex.get(part.id) : undefined;
        return lesson === undefined ? undefined : { ...base, kind: "lesson", lesson };
      }
      case "answered":
        return part.kind === "questions" ? this.answer(base, part.id, statement) : undefined;
      case "passed":
      case "failed": {
        if (part.kind !== "course") return undefined;
        const score = percent(result?.score);
        return {
          ...base,
          kind: "result",
          passed: verb === "passed",
          ...(score !== undefined ? { score } : {}),
          ...(result?.completion ? { completed: true } : {}),
        };
      }
      case "completed":
        return part.kind === "course" ? { ...base, kind: "result", completed: true } : undefined;
    }
  }

  private answer(base: { learner: string; time: number }, id: string, statement: Statement): LearnerRecord | undefined {
    const question = this.course.questionIndex.get(id);
    if (question === undefined) return undefined;
    const result = statement.result ?? {};
    const score =
      result.score?.scaled !== undefined
        ? result.score.scaled
        : result.success !== undefined
          ? +result.success
          : undefined;
    const durationMs = result.duration ? isoDurationMs(result.duration) : Number.NaN;
    return {
      ...base,
      kind: "answer",
      question,
      response: this.response(question, result.response ?? ""),
      ...(score !== undefined ? { score } : {}),
      ...(Number.isFinite(durationMs) ? { durationMs } : {}),
    };
  }

  private response(question: number, text: string): AnswerValue {
    const { data } = this.course.questions[question]!;
    switch (data.type) {
      case "single":
      case "multiple":
      case "likert":
      case "sequencing":
      case "matching":
      case "true-false":
        return { ids: text === "" ? [] : text.split("[,]"), text };
      case "fill-in":
      case "numeric":
        return { text };
    }
  }
}

/** A course score as 0..100: scaled when given, else raw within min..max (xAPI §4.1.5.1). */
function percent(score: NonNullable<Statement["result"]>["score"]): number | undefined {
  if (!score) return undefined;
  if (typeof score.scaled === "number") return Math.round(score.scaled * 10000) / 100;
  if (typeof score.raw === "number") {
    const min = score.min ?? 0;
    const max = score.max ?? 100;
    return max > min ? Math.round(((score.raw - min) / (max - min)) * 10000) / 100 : undefined;
  }
  return undefined;
}
