/**
 * The report's charts as static SVG, drawn at report time with Observable Plot. Plot builds DOM
 * nodes, so it draws into linkedom's small DOM (no browser, no jsdom); the SVG is then inlined in
 * the page, which needs no script and no network. Both load on first use, so other commands do
 * not pay for them. Each chart states its title and a description for screen readers
 * (aria-label, aria-description); the page adds the data table behind it.
 */
import type { FunnelStep, LessonTime, QuizFigure, ScoreFigures } from "../figures.js";

type PlotModule = typeof import("./plot.js");
type PlotOptions = import("@observablehq/plot").PlotOptions;
/** The DOM Plot draws into (linkedom's, typed as the DOM's). */
type PlotDocument = NonNullable<PlotOptions["document"]>;

interface Drawing {
  Plot: PlotModule;
  document: PlotDocument;
}

let drawing: Promise<Drawing> | undefined;

function load(): Promise<Drawing> {
  drawing ??= (async () => {
    const [Plot, { parseHTML }] = await Promise.all([import("./plot.js"), import("linkedom")]);
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    return { Plot, document: document as unknown as PlotDocument };
  })();
  return drawing;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const INK = "#1f2933";
const ACCENT = "#0b5cad";
const WARN = "#b42318";

/** Left margin that fits the longest label at the axis font (about 6.5 px a character). */
const labelMargin = (labels: string[]) => Math.min(380, 20 + Math.max(0, ...labels.map((l) => l.length)) * 6.5);

async function svg(
  label: string,
  description: string,
  options: (Plot: PlotModule) => Omit<PlotOptions, "document">,
): Promise<string> {
  const { Plot, document } = await load();
  const chart = Plot.plot({
    ...options(Plot),
    document,
    ariaLabel: label,
    ariaDescription: description,
    style: { fontFamily: FONT, fontSize: "12px", color: INK, background: "transparent", overflow: "visible" },
  });
  return (chart as unknown as { outerHTML: string }).outerHTML;
}

/** Learners reaching each step, the drop-off step in red. */
export function funnelChart(
  steps: FunnelStep[],
  dropOffStep: string | undefined,
  description: string,
): Promise<string> {
  return svg("Completion funnel", description, (Plot) => ({
    width: 800,
    height: 40 + steps.length * 26,
    marginLeft: labelMargin(steps.map((s) => s.title)),
    marginRight: 80,
    x: { label: "Learners", grid: true },
    y: { label: null, domain: steps.map((s) => s.title) },
    marks: [
      Plot.barX(steps, {
        y: "title",
        x: "learners",
        fill: (s: FunnelStep) => (s.id === dropOffStep ? WARN : ACCENT),
      }),
      Plot.text(steps, {
        y: "title",
        x: "learners",
        text: (s: FunnelStep) => `${s.learners} (${Math.round(s.share * 100)} %)`,
        dx: 4,
        textAnchor: "start",
        fill: INK,
      }),
      Plot.ruleX([0]),
    ],
  }));
}

/** Minutes per lesson: whiskers min–max, box Q1–Q3, tick at the median, ring at the planned time. */
export function lessonTimeChart(lessons: LessonTime[], description: string): Promise<string> {
  const timed = lessons.filter((l) => l.minutes);
  return svg("Time on each lesson", description, (Plot) => ({
    width: 800,
    height: 40 + lessons.length * 28,
    marginLeft: labelMargin(lessons.map((l) => l.title)),
    x: { label: "Minutes", grid: true },
    y: { label: null, domain: lessons.map((l) => l.title) },
    marks: [
      Plot.ruleY(timed, {
        y: "title",
        x1: (l: LessonTime) => l.minutes!.min,
        x2: (l: LessonTime) => l.minutes!.max,
        stroke: "#8a96a3",
      }),
      Plot.barX(timed, {
        y: "title",
        x1: (l: LessonTime) => l.minutes!.q1,
        x2: (l: LessonTime) => l.minutes!.q3,
        fill: ACCENT,
        fillOpacity: 0.35,
        insetTop: 6,
        insetBottom: 6,
      }),
      Plot.tickX(timed, { y: "title", x: (l: LessonTime) => l.minutes!.median, stroke: ACCENT, strokeWidth: 3 }),
      Plot.dot(lessons, { y: "title", x: "plannedMinutes", stroke: INK, r: 4, symbol: "circle" }),
    ],
  }));
}

/** Course scores in ten bins, with the pass mark. */
export function scoreChart(scores: ScoreFigures, description: string): Promise<string> {
  return svg("Score distribution", description, (Plot) => ({
    width: 800,
    height: 260,
    x: { label: "Course score (%)", domain: [0, 100] },
    y: { label: "Learners", grid: true },
    marks: [
      Plot.rectY(scores.histogram, {
        x1: "from",
        x2: "to",
        y: "count",
        fill: (b: { from: number }) => (b.from + 10 <= scores.passingScore ? "#8a96a3" : ACCENT),
        inset: 1,
      }),
      Plot.ruleX([scores.passingScore], { stroke: WARN, strokeDasharray: "4 3" }),
      Plot.text([scores.passingScore], {
        x: (d: number) => d,
        frameAnchor: "top",
        text: () => "pass mark",
        dx: 4,
        textAnchor: "start",
        fill: WARN,
      }),
      Plot.ruleY([0]),
    ],
  }));
}

/** Learners by the number of attempts they used. */
export function attemptsChart(quiz: QuizFigure, description: string): Promise<string> {
  return svg(`Attempts at ${quiz.title}`, description, (Plot) => ({
    width: 360,
    height: 200,
    x: { label: "Attempts", type: "band" },
    y: { label: "Learners", grid: true },
    marks: [Plot.barY(quiz.attempts, { x: "attempts", y: "learners", fill: ACCENT }), Plot.ruleY([0])],
  }));
}

/** Each question placed by difficulty and discrimination, with the flag thresholds. */
export function itemMapChart(quiz: QuizFigure, description: string): Promise<string> {
  const items = quiz.items.filter((i) => i.difficulty !== null && i.pointBiserial !== null);
  return svg(`Questions of ${quiz.title} by difficulty and discrimination`, description, (Plot) => ({
    width: 800,
    height: 320,
    x: { label: "Difficulty (proportion correct)", domain: [0, 1] },
    y: {
      label: "Discrimination (item–rest correlation)",
      domain: [Math.min(-0.2, ...items.map((i) => i.pointBiserial! - 0.1)), 1],
      grid: true,
    },
    marks: [
      Plot.rectX([0], { x1: 0.3, x2: 0.9, y1: 0.2, y2: 1, fill: ACCENT, fillOpacity: 0.06 }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.ruleY([0.2], { stroke: "#8a96a3", strokeDasharray: "4 3" }),
      Plot.ruleX([0.3, 0.9], { stroke: "#8a96a3", strokeDasharray: "4 3" }),
      Plot.dot(items, {
        x: "difficulty",
        y: "pointBiserial",
        r: 5,
        fill: (i: QuizFigure["items"][number]) => (i.flags.length ? WARN : ACCENT),
      }),
      Plot.text(items, {
        x: "difficulty",
        y: "pointBiserial",
        text: (i: QuizFigure["items"][number]) => String(quiz.items.indexOf(i) + 1),
        dy: -10,
        fill: INK,
      }),
    ],
  }));
}
