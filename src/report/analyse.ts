/**
 * Turns a source's records into the report's figures: streams them through a Tally, then works
 * out the completion funnel and its drop-off, lesson times, scores and the item analysis.
 */
import type { ReportCourse } from "./course.js";
import { type DropOff, type FunnelStep, type Report, REPORT_SCHEMA, type ScoreFigures } from "./figures.js";
import { quizFigure } from "./items.js";
import type { RecordSource, SourceInfo } from "./records.js";
import { histogram, summarize } from "./stats.js";
import { Tally } from "./tally.js";

export async function analyse(course: ReportCourse, source: RecordSource, now = new Date()): Promise<Report> {
  const tally = new Tally(course);
  for await (const record of source.records()) tally.add(record);
  return figures(course, tally, source.info, now);
}

export function figures(course: ReportCourse, tally: Tally, info: SourceInfo, now = new Date()): Report {
  const { data } = course;
  const steps = funnel(course, tally, info.lacks);
  const own = course.versions[0]!;
  return {
    schema: REPORT_SCHEMA,
    generatedAt: now.toISOString(),
    course: {
      id: data.id,
      title: data.title,
      language: data.language,
      activityId: own.activityId,
      languages: course.versions.map((v) => v.language),
    },
    source: info,
    learners: tally.learners.size,
    funnel: { steps, dropOff: dropOff(steps) },
    lessons: course.lessons.map((lesson, i) => {
      const minutes = summarize(tally.lessonMinutes[i]!.subarray(0, tally.lessonTimed[i]!));
      return { id: lesson.id, title: lesson.title, plannedMinutes: lesson.minutes, ...(minutes ? { minutes } : {}) };
    }),
    scores: scores(course, tally),
    quizzes: course.quizzes.map((quiz, i) => quizFigure(course, tally, quiz, i)),
    notes: notes(info, tally),
  };
}

function funnel(course: ReportCourse, tally: Tally, lacks: SourceInfo["lacks"]): FunnelStep[] {
  const learners = [...tally.learners.values()];
  const started = learners.filter((l) => l.started).length;
  const step = (id: string, kind: FunnelStep["kind"], title: string, count: number): FunnelStep => ({
    id,
    kind,
    title,
    learners: count,
    share: started ? Math.round((count / started) * 10000) / 10000 : 0,
  });
  const steps = [step("start", "start", "Started the course", started)];
  // Pages in learner order, so the funnel reads as the course does.
  for (const page of course.data.pages) {
    if (page.kind === "lesson") {
      if (lacks.includes("lessons")) continue;
      const i = course.lessonIndex.get(page.id)!;
      steps.push(step(page.id, "lesson", page.title, learners.filter((l) => l.lessons[i] === 1).length));
    } else {
      const i = course.quizIndex.get(page.id)!;
      steps.push(step(page.id, "quiz", page.title, learners.filter((l) => l.quizStarted[i] === 1).length));
    }
  }
  if (!lacks.includes("completion"))
    steps.push(step("completed", "completed", "Completed the course", learners.filter((l) => l.completed).length));
  return steps;
}

/** The step with the largest loss of learners from the step before it. */
function dropOff(steps: FunnelStep[]): DropOff | null {
  let best: DropOff | null = null;
  for (let i = 1; i < steps.length; i++) {
    const before = steps[i - 1]!;
    const lost = before.learners - steps[i]!.learners;
    if (lost > 0 && (!best || lost > best.lost))
      best = {
        after: before.id,
        before: steps[i]!.id,
        lost,
        share: Math.round((lost / before.learners) * 10000) / 10000,
      };
  }
  return best;
}

function scores(course: ReportCourse, tally: Tally): ScoreFigures {
  const values: number[] = [];
  let passed = 0;
  let failed = 0;
  for (const learner of tally.learners.values()) {
    if (!Number.isNaN(learner.score)) values.push(learner.score);
    if (learner.passed === true) passed++;
    if (learner.passed === false) failed++;
  }
  const summary = summarize(values);
  return {
    learners: values.length,
    ...(summary ? { summary } : {}),
    histogram: histogram(values, 0, 100, 10),
    passingScore: course.data.passingScore,
    passed,
    failed,
    passRate: passed + failed ? Math.round((passed / (passed + failed)) * 10000) / 10000 : null,
  };
}

const LACKS: Record<SourceInfo["lacks"][number], string> = {
  lessons: "This source has no lesson visits, so the completion funnel shows only who started and who answered.",
  completion: "This source does not say who completed the course, so the funnel ends at the quiz.",
  "lesson-times": "This source does not time lesson visits, so there are no lesson times.",
  scores: "This source has no course scores.",
  "answer-times": "This source has no answer times.",
  attempts: "This source does not number quiz attempts; each learner's answers count as one attempt.",
};

function notes(info: SourceInfo, tally: Tally): string[] {
  const out = info.lacks.map((l) => LACKS[l]);
  if (info.ignored)
    out.push(
      `${info.ignored} of ${info.read} records were about other activities or could not be read, and were left out.`,
    );
  if (tally.outOfOrder)
    out.push(
      `${tally.outOfOrder} learners' records were not in time order; their lesson times were taken newest first.`,
    );
  return out;
}
