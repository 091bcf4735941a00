/**
 * Item analysis of each quiz from the learners' first attempts: difficulty, item–rest
 * point-biserial and upper–lower 27 % discrimination, option choice rates, answer times, flags,
 * and the quiz's reliability when every learner answered the same questions.
 */
import type { QuizData } from "../shared/course-data.js";
import type { ReportCourse } from "./course.js";
import type { ItemFigure, ItemFlag, QuizFigure, Reliability } from "./figures.js";
import { correlation, cronbachAlpha, upperLowerIndex } from "./stats.js";
import type { Tally } from "./tally.js";

/** Flag thresholds (docs/report.md). */
export const THRESHOLDS = {
  tooEasy: 0.9,
  tooHard: 0.3,
  weakDiscrimination: 0.2,
  /** Fewer respondents than this and no item is flagged: the figures would be noise. */
  flagRespondents: 5,
  /** Learners with every question answered needed before reliability is computed. */
  reliabilityLearners: 5,
} as const;

const round = (n: number | null, digits = 4): number | null =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/** Each learner's first-attempt scores on the quiz's questions (NaN = not answered, -1 = unscored). */
function rowsOf(tally: Tally, columns: number[]): Float32Array[] {
  const rows: Float32Array[] = [];
  for (const learner of tally.learners.values()) {
    const row = Float32Array.from(columns, (q) => learner.firstScore[q]!);
    if (row.some((s) => s >= 0)) rows.push(row);
  }
  return rows;
}

export function quizFigure(course: ReportCourse, tally: Tally, quiz: QuizData, quizIndex: number): QuizFigure {
  const columns = quiz.banks.flatMap((b) => b.questions).map((id) => course.questionIndex.get(id)!);
  const rows = rowsOf(tally, columns);
  const items = columns.map((q, j) => itemFigure(course, tally, q, rows, j));
  const counts = new Map<number, number>();
  let total = 0;
  let attempted = 0;
  for (const learner of tally.learners.values()) {
    const n = learner.attempts[quizIndex]!;
    if (n === 0) continue;
    counts.set(n, (counts.get(n) ?? 0) + 1);
    total += n;
    attempted++;
  }
  return {
    id: quiz.id,
    title: quiz.title,
    passingScore: quiz.passingScore,
    respondents: rows.length,
    attempts: [...counts].sort((a, b) => a[0] - b[0]).map(([attempts, learners]) => ({ attempts, learners })),
    meanAttempts: attempted ? round(total / attempted, 2) : null,
    reliability: reliability(quiz, rows),
    items,
  };
}

function itemFigure(course: ReportCourse, tally: Tally, q: number, rows: Float32Array[], j: number): ItemFigure {
  const { data, options } = course.questions[q]!;
  const t = tally.questions[q]!;
  const scored = data.type !== "likert" && t.scored > 0;
  // Pairs of (item score, learner's mean score on the quiz's other answered questions).
  const item: number[] = [];
  const rest: number[] = [];
  const total: number[] = [];
  for (const row of rows) {
    const s = row[j]!;
    if (!(s >= 0)) continue;
    let sum = 0;
    let n = 0;
    for (const v of row) {
      if (!(v >= 0)) continue;
      sum += v;
      n++;
    }
    total.push(sum / n);
    if (n > 1) {
      item.push(s);
      rest.push((sum - s) / (n - 1));
    }
  }
  const difficulty = scored ? t.scoreSum / t.scored : null;
  const pointBiserial = scored ? correlation(item, rest) : null;
  const upperLower = scored
    ? upperLowerIndex(
        total,
        rows.map((r) => r[j]!).filter((s) => s >= 0),
      )
    : null;
  const figureOptions = options.map((o, i) => ({
    ...o,
    chosen: t.optionCounts[i]!,
    rate: t.respondents ? round(t.optionCounts[i]! / t.respondents)! : 0,
  }));
  const unusedDistractors = figureOptions.filter((o) => o.correct === false && o.chosen === 0).map((o) => o.id);
  const flags: ItemFlag[] = [];
  if (t.respondents >= THRESHOLDS.flagRespondents) {
    if (difficulty !== null && difficulty > THRESHOLDS.tooEasy) flags.push("too-easy");
    if (difficulty !== null && difficulty < THRESHOLDS.tooHard) flags.push("too-hard");
    if (pointBiserial !== null && pointBiserial < 0) flags.push("negative-discrimination");
    else if (pointBiserial !== null && pointBiserial < THRESHOLDS.weakDiscrimination) flags.push("weak-discrimination");
    if (unusedDistractors.length) flags.push("unused-distractor");
  }
  const topResponses = [...t.responses]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([response, r]) => ({ response, count: r.count, score: r.scored ? round(r.scoreSum / r.scored) : null }));
  return {
    id: data.id,
    type: data.type,
    text: data.text,
    graded: data.graded,
    respondents: t.respondents,
    difficulty: round(difficulty),
    pointBiserial: round(pointBiserial),
    upperLower: round(upperLower),
    meanSeconds: t.timed ? round(t.secondsSum / t.timed, 1) : null,
    options: figureOptions,
    topResponses,
    flags,
    unusedDistractors: t.respondents >= THRESHOLDS.flagRespondents ? unusedDistractors : [],
  };
}

function reliability(quiz: QuizData, rows: Float32Array[]): Reliability {
  const drawsAll = quiz.banks.every((b) => b.draw >= b.questions.length);
  const items = rows[0]?.length ?? 0;
  if (!drawsAll)
    return {
      method: null,
      value: null,
      reason:
        "Not computed: each attempt draws questions at random from the banks, so learners answered different " +
        "questions, and KR-20 needs every learner to answer the same ones.",
    };
  if (items < 2) return { method: null, value: null, reason: "Not computed: the quiz has fewer than two questions." };
  const complete = rows.filter((r) => r.every((s) => s >= 0));
  if (complete.length < THRESHOLDS.reliabilityLearners)
    return {
      method: null,
      value: null,
      reason: `Not computed: it needs at least ${THRESHOLDS.reliabilityLearners} learners who answered every question; ${complete.length} did.`,
    };
  const value = cronbachAlpha(complete);
  if (value === null)
    return { method: null, value: null, reason: "Not computed: every learner had the same total score." };
  const dichotomous = complete.every((r) => r.every((s) => s === 0 || s === 1));
  return {
    method: dichotomous ? "KR-20" : "Cronbach's alpha",
    value: round(value)!,
    learners: complete.length,
    items,
  };
}
