/**
 * Moodle's SCORM "Interactions report" (mod/scorm/report/interactions), downloaded as a text file
 * (tab-separated; Moodle's default) or CSV. One row per learner and SCORM attempt; columns:
 *
 *   Name, <identity fields, e.g. Email address>, Attempt, Started on, Last accessed on, Score,
 *   <one column per SCO: "raw/max" score or a status>, then per interaction N (0-based) those of
 *   Question N (cmi.interactions_N.id), Response N (student_response), Right answer N and
 *   Result N that the report's options include.
 *
 * The learner is the columns before Attempt together. Quiz attempts come from the interaction ids
 * (scorm-ids.ts); a later SCORM attempt continues the numbering, so first attempts stay first.
 */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import type { ReportCourse } from "../course.js";
import type { LearnerRecord, SourceInfo } from "../records.js";
import { resultScore, ScormIds } from "./scorm-ids.js";

interface Layout {
  learner: number[];
  attempt: number;
  score: number;
  scos: number[];
  /** Interaction N → its columns. */
  interactions: Map<number, { question?: number; response?: number; result?: number }>;
}

function layout(header: string[], file: string): Layout {
  const at = (name: RegExp) => header.findIndex((h) => name.test(h.trim()));
  const attempt = at(/^attempt$/i);
  const score = at(/^score$/i);
  if (attempt < 0 || score < 0)
    throw new Error(`${file}:1:1: no "Attempt" and "Score" columns: is this Moodle's SCORM interactions report?`);
  const interactions: Layout["interactions"] = new Map();
  let firstInteraction = header.length;
  for (const [i, h] of header.entries()) {
    const m = /^(Question|Response|Right answer|Result) (\d+)$/i.exec(h.trim());
    if (!m) continue;
    firstInteraction = Math.min(firstInteraction, i);
    const n = Number(m[2]);
    const entry = interactions.get(n) ?? {};
    const role = m[1]!.toLowerCase();
    if (role === "question") entry.question = i;
    else if (role === "response") entry.response = i;
    else if (role === "result") entry.result = i;
    interactions.set(n, entry);
  }
  if (![...interactions.values()].some((c) => c.question !== undefined))
    throw new Error(
      `${file}:1:1: the report has no "Question N" columns; download it again with "Summary of question" ticked ` +
        "(and responses and results), so answers can be matched to the course's questions",
    );
  return {
    learner: header.map((_, i) => i).slice(0, attempt),
    attempt,
    score,
    scos: header.map((_, i) => i).slice(score + 1, firstInteraction),
    interactions,
  };
}

/** A SCO cell: "85/100" or a status word (Moodle's English strings). */
function scoResult(cell: string): { score?: number; passed?: boolean; completed?: boolean } {
  const m = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(cell.trim());
  if (m && Number(m[2]) > 0) return { score: Math.round((Number(m[1]) / Number(m[2])) * 10000) / 100 };
  const word = cell.trim().toLowerCase();
  if (word === "passed") return { passed: true, completed: true };
  if (word === "failed") return { passed: false };
  if (word === "completed") return { completed: true };
  return {};
}

/** Records from the report in `file`; `head` is its beginning, to tell tab from comma separation. */
export async function* moodleRecords(
  course: ReportCourse,
  file: string,
  head: string,
  info: SourceInfo,
): AsyncIterable<LearnerRecord> {
  const ids = new ScormIds(course);
  const firstLine = head.split(/\r?\n/, 1)[0]!;
  const delimiter = firstLine.includes("\t") ? "\t" : firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  const rows = createReadStream(file).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: delimiter === "\t", skip_empty_lines: true }),
  );
  let columns: Layout | undefined;
  /** Per learner: the SCORM attempt seen last and the quiz attempts before it. */
  const offsets = new Map<string, { scormAttempt: string; base: number; max: number }>();
  for await (const row of rows as AsyncIterable<string[]>) {
    if (!columns) {
      columns = layout(row, file);
      continue;
    }
    info.read++;
    const learner = columns.learner.map((i) => row[i] ?? "").join("|");
    const scormAttempt = row[columns.attempt] ?? "-";
    if (scormAttempt === "-" || scormAttempt === "") continue; // enrolled, never launched
    let offset = offsets.get(learner);
    if (!offset) offsets.set(learner, (offset = { scormAttempt, base: 0, max: 0 }));
    else if (offset.scormAttempt !== scormAttempt) Object.assign(offset, { scormAttempt, base: offset.max });
    const base = { learner, time: Number.NaN };
    yield { ...base, kind: "session", event: "start" };
    for (const [, c] of [...columns.interactions].sort((a, b) => a[0] - b[0])) {
      const id = c.question === undefined ? "" : (row[c.question] ?? "").trim();
      if (id === "") continue;
      const ref = ids.interaction(id);
      if (!ref) {
        info.ignored++;
        continue;
      }
      const attempt = offset.base + ref.attempt;
      offset.max = Math.max(offset.max, attempt);
      const score = c.result === undefined ? undefined : resultScore(row[c.result] ?? "");
      const response = c.response === undefined ? "" : (row[c.response] ?? "").trim();
      yield {
        ...base,
        kind: "answer",
        question: ref.question,
        attempt,
        response: ids.response(ref.question, response),
        ...(score !== undefined ? { score } : {}),
      };
    }
    const sco = columns.scos.map((i) => scoResult(row[i] ?? "")).find((r) => Object.keys(r).length > 0) ?? {};
    const total = Number((row[columns.score] ?? "").trim());
    const score = sco.score ?? (Number.isFinite(total) && (row[columns.score] ?? "").trim() !== "" ? total : undefined);
    // Without a status word, the course's pass mark decides, as the runtime does.
    const passed = sco.passed ?? (score !== undefined ? score >= course.data.passingScore : undefined);
    if (score !== undefined || passed !== undefined || sco.completed)
      yield {
        ...base,
        kind: "result",
        ...(passed !== undefined ? { passed } : {}),
        ...(sco.completed ? { completed: true } : {}),
        ...(score !== undefined ? { score } : {}),
      };
  }
  if (!columns) throw new Error(`${file}: the file is empty`);
}
