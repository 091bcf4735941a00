/**
 * What every source (xAPI statements, Moodle's interactions report, SCORM Cloud's registrations)
 * is turned into before it is counted: small records in the course's own ids. Sources yield them
 * one at a time, so nothing holds the whole stream.
 */

/** A learner's answer: option ids where the question has options, and the xAPI response text. */
export interface AnswerValue {
  /** Chosen option ids (choices, true/false, likert, order), or `source[.]target` pairs. */
  ids?: string[];
  /** The response in xAPI response syntax, for the most common answers. */
  text: string;
}

interface Base {
  /** Stable key of the learner (actor IRI, LMS user); never shown in the report. */
  learner: string;
  /** Milliseconds since the epoch; NaN when the source does not say. */
  time: number;
}

export type LearnerRecord =
  /** The learner opened the course (initialized, launched) or left it (terminated). */
  | (Base & { kind: "session"; event: "start" | "end" })
  | (Base & { kind: "lesson"; lesson: number })
  | (Base & {
      kind: "answer";
      question: number;
      /** Quiz attempt when the source states it (SCORM interaction ids); else inferred. */
      attempt?: number;
      response: AnswerValue;
      /** 0..1 share of the question's marks; undefined for surveys. */
      score?: number;
      durationMs?: number;
    })
  /** A course result: passed/failed with a 0..100 score, and/or completion. */
  | (Base & { kind: "result"; passed?: boolean; score?: number; completed?: boolean });

export type RecordKind = LearnerRecord["kind"];

/** Where records came from, for the report's header and notes. */
export interface SourceInfo {
  kind: "lrs" | "xapi-file" | "moodle" | "scorm-cloud";
  /** What was read: the LRS endpoint (without credentials) or the file name. */
  description: string;
  /** Items read (statements, rows, interactions), and those that did not belong to this course. */
  read: number;
  ignored: number;
  /** What this kind of source cannot tell, so the report can say why a section is empty. */
  lacks: ("lessons" | "lesson-times" | "completion" | "scores" | "answer-times" | "attempts")[];
}

export interface RecordSource {
  info: SourceInfo;
  records(): AsyncIterable<LearnerRecord>;
}

/** ISO 8601 duration (xAPI result.duration, SCORM 2004 timeinterval) in ms; NaN if malformed. */
export function isoDurationMs(text: string): number {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
    text.trim(),
  );
  if (!m) return Number.NaN;
  const [, d = "0", h = "0", min = "0", s = "0"] = m;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(s) * 1000;
}

/** SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) or an ISO 8601 duration, in ms; NaN if neither. */
export function timespanMs(text: string): number {
  const m = /^(\d{1,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/.exec(text.trim());
  if (m) return (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000;
  return isoDurationMs(text);
}
