/**
 * SCORM interaction records (from LMS exports) back in the course's ids. The runtime writes
 * (runtime/tracking/scorm/scorm12.ts, scorm2004.ts):
 *   - interaction ids: 1.2 `<question>` or `<question>-attempt-<n>`; 2004
 *     `urn:coursepack:<course>:<question>` or `…:attempt-<n>`;
 *   - responses: 1.2 one character per option (a–z then 0–9, in the options' authored order,
 *     pairs as `a.b`, joined by commas); 2004 option ids joined by `[,]`, pairs by `[.]`;
 *   - results: correct, wrong / incorrect, neutral.
 * Nothing is decoded by hand: every id the course can produce is encoded the way the runtime
 * encodes it, and records are looked up in that table.
 */
import type { ReportCourse, QuestionInfo } from "../course.js";
import type { AnswerValue } from "../records.js";

/** SCORM 1.2 option characters, as runtime/tracking/scorm/scorm12.ts assigns them. */
const CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
const ATTEMPT_SUFFIX = /(?:-attempt-|:attempt-)(\d+)$/;

export interface InteractionRef {
  question: number;
  attempt: number;
}

export class ScormIds {
  private readonly interactions = new Map<string, number>();

  constructor(private readonly course: ReportCourse) {
    for (const q of course.questions) {
      this.interactions.set(q.data.id, q.index);
      for (const v of course.versions) this.interactions.set(`urn:coursepack:${v.courseId}:${q.data.id}`, q.index);
    }
  }

  /** The question and quiz attempt an interaction id stands for; undefined for another course's. */
  interaction(id: string): InteractionRef | undefined {
    const whole = this.interactions.get(id);
    if (whole !== undefined) return { question: whole, attempt: 1 };
    const suffix = ATTEMPT_SUFFIX.exec(id);
    if (!suffix) return undefined;
    const question = this.interactions.get(id.slice(0, suffix.index));
    return question === undefined ? undefined : { question, attempt: Number(suffix[1]) };
  }

  /** A learner response in either edition's syntax, as option ids and xAPI response text. */
  response(question: number, value: string): AnswerValue {
    const q = this.course.questions[question]!;
    const ids = decode2004(q, value) ?? decode12(q, value);
    switch (q.data.type) {
      case "true-false": {
        const v = value.trim().toLowerCase();
        const truth = v === "t" || v === "true" ? "true" : v === "f" || v === "false" ? "false" : undefined;
        return truth ? { ids: [truth], text: truth } : { text: value };
      }
      case "fill-in":
      case "numeric":
        return { text: value };
      case "single":
      case "multiple":
      case "likert":
      case "sequencing":
      case "matching":
        return ids ? { ids, text: ids.join("[,]") } : { text: value };
    }
  }
}

/** 2004 syntax: every part names an option (pairs: a source and a target). */
function decode2004(q: QuestionInfo, value: string): string[] | undefined {
  const known = new Set(q.options.map((o) => o.id));
  const parts = value.split("[,]").filter((p) => p !== "");
  if (parts.length === 0) return undefined;
  const ok = parts.every((p) =>
    q.data.type === "matching" ? p.split("[.]").every((id) => known.has(id)) : known.has(p),
  );
  return ok ? parts : undefined;
}

/** 1.2 syntax: one character per option, counted within the option's group. */
function decode12(q: QuestionInfo, value: string): string[] | undefined {
  const group = (g?: "source" | "target") => q.options.filter((o) => o.group === g).map((o) => o.id);
  const byChar = (ids: string[], c: string) => ids[CHARACTERS.indexOf(c)];
  const parts = value
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) return undefined;
  const out: string[] = [];
  for (const part of parts) {
    if (q.data.type === "matching") {
      const [s, t] = part.split(".");
      const source = s && byChar(group("source"), s);
      const target = t && byChar(group("target"), t);
      if (!source || !target) return undefined;
      out.push(`${source}[.]${target}`);
    } else {
      const id = part.length === 1 ? byChar(group(undefined), part) : undefined;
      if (!id) return undefined;
      out.push(id);
    }
  }
  return out;
}

/** A SCORM interaction result as a share of marks; undefined for neutral or unknown results. */
export function resultScore(result: string): number | undefined {
  const r = result.trim().toLowerCase();
  if (r === "correct") return 1;
  if (r === "wrong" || r === "incorrect" || r === "unanticipated") return 0;
  const n = Number(r);
  return r !== "" && Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}
