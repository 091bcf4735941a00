/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, no web fonts, no
 * network, so it opens offline, can be mailed as an attachment and prints on A4 (sections do not
 * split across pages, the data tables print with the charts).
 */
import type { Report } from "../figures.js";
import { funnelChart, lessonTimeChart, scoreChart } from "./charts.js";
import { esc, figure, minutes, num, pct, table } from "./format.js";
import { quizSection } from "./items.js";
import { THRESHOLDS } from "../items.js";
import { STYLE } from "./style.js";

const SOURCE_TEXT: Record<Report["source"]["kind"], string> = {
  lrs: "LRS",
  "xapi-file": "xAPI statements file",
  moodle: "Moodle SCORM interactions report",
  "scorm-cloud": "SCORM Cloud registrations",
};

function overview(report: Report): string {
  const completed = report.funnel.steps.find((s) => s.id === "completed");
  const drop = report.funnel.dropOff;
  const title = (id: string) => report.funnel.steps.find((s) => s.id === id)?.title ?? id;
  const cards = [
    ["Learners", String(report.learners)],
    ["Completed", completed ? `${completed.learners} (${pct(completed.share)})` : "–"],
    ["Pass rate", pct(report.scores.passRate)],
    ["Median score", report.scores.summary ? `${num(report.scores.summary.median, 0)} %` : "–"],
    ["Lost at the largest drop-off", drop ? `${drop.lost} (${pct(drop.share)})` : "–"],
  ];
  const where = drop
    ? `<p class="drop">Largest drop-off: after “${esc(title(drop.after))}”, before “${esc(title(drop.before))}”.</p>`
    : "";
  return `<dl class="cards">${cards.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join("")}</dl>${where}`;
}

async function funnelSection(report: Report): Promise<string> {
  const { steps, dropOff } = report.funnel;
  if (steps.length < 2) return "";
  const stepTitle = (id: string) => steps.find((s) => s.id === id)!.title;
  const summary = dropOff
    ? `Of ${steps[0]!.learners} learners who started, ${steps.at(-1)!.learners} completed the course. Most learners were lost between “${stepTitle(dropOff.after)}” and “${stepTitle(dropOff.before)}”: ${dropOff.lost} (${pct(dropOff.share)}).`
    : `All ${steps[0]!.learners} learners who started reached every step.`;
  return `<section aria-labelledby="funnel"><h2 id="funnel">Completion funnel</h2>
${figure(
  "funnel-chart",
  "Learners reaching each step",
  summary,
  await funnelChart(steps, dropOff?.before, summary),
  table(
    "Learners reaching each step",
    ["Step", "Learners", "Share of starters"],
    steps.map((s) => [esc(s.title), String(s.learners), pct(s.share)]),
  ),
)}</section>`;
}

async function lessonSection(report: Report): Promise<string> {
  const timed = report.lessons.filter((l) => l.minutes);
  if (!timed.length) return "";
  const slowest = [...timed].sort((a, b) => b.minutes!.median - a.minutes!.median)[0]!;
  const summary = `Median time per lesson, from ${timed.reduce((n, l) => n + l.minutes!.n, 0)} timed visits. The longest is “${slowest.title}” at ${minutes(slowest.minutes!.median)} (planned ${slowest.plannedMinutes} min). Boxes span the middle half of learners; rings mark the author's planned minutes.`;
  return `<section aria-labelledby="lessons"><h2 id="lessons">Time on each lesson</h2>
${figure(
  "lesson-chart",
  "Minutes per lesson",
  summary,
  await lessonTimeChart(report.lessons, summary),
  table(
    "Minutes per lesson",
    ["Lesson", "Timed visits", "Median", "Q1", "Q3", "Planned"],
    report.lessons.map((l) => [
      esc(l.title),
      String(l.minutes?.n ?? 0),
      minutes(l.minutes?.median),
      minutes(l.minutes?.q1),
      minutes(l.minutes?.q3),
      `${l.plannedMinutes} min`,
    ]),
  ),
)}</section>`;
}

async function scoreSection(report: Report): Promise<string> {
  const s = report.scores;
  if (!s.learners && s.passRate === null) return "";
  const summary = s.summary
    ? `${s.learners} learners have a course score: median ${num(s.summary.median, 0)} %, middle half between ${num(s.summary.q1, 0)} % and ${num(s.summary.q3, 0)} %. ${s.passed} passed and ${s.failed} failed (pass mark ${s.passingScore} %).`
    : `${s.passed} passed and ${s.failed} failed.`;
  return `<section aria-labelledby="scores"><h2 id="scores">Scores</h2>
${figure(
  "score-chart",
  "Score distribution",
  summary,
  await scoreChart(s, summary),
  table(
    "Learners per score band",
    ["Score band", "Learners"],
    s.histogram.map((b, i) => [
      `${b.from}–${b.to} %${i === s.histogram.length - 1 ? "" : " (excl.)"}`,
      String(b.count),
    ]),
  ),
)}</section>`;
}

export async function renderHtml(report: Report): Promise<string> {
  const { course, source } = report;
  const quizzes = (await Promise.all(report.quizzes.map(quizSection))).join("\n");
  const notes = report.notes.length
    ? `<aside class="notes" aria-label="Notes"><ul>${report.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul></aside>`
    : "";
  const languages =
    course.languages.length > 1
      ? ` Records of every language version (${course.languages.map(esc).join(", ")}) are counted together; questions are shown in ${esc(course.language)}.`
      : "";
  return `<!doctype html>
<html lang="${esc(course.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="coursepack report">
<title>Learner report: ${esc(course.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="kicker">Learner report</p>
<h1>${esc(course.title)}</h1>
<p class="meta">From ${esc(SOURCE_TEXT[source.kind])} <code>${esc(source.description)}</code>: ${source.read} records, ${report.learners} learners. Made ${esc(report.generatedAt.slice(0, 16).replace("T", " "))} UTC.${languages}</p>
</header>
<main>
${overview(report)}
${notes}
${await funnelSection(report)}
${await lessonSection(report)}
${await scoreSection(report)}
${report.quizzes.length ? `<section aria-labelledby="items"><h2 id="items">Questions</h2>${quizzes}</section>` : ""}
</main>
<footer><p>Difficulty is the share of marks learners earned; discrimination is the correlation between a question and the rest of the quiz (point-biserial) and the difference between the top and bottom 27 % of learners (upper–lower). Flags: too easy over ${THRESHOLDS.tooEasy * 100} %, too hard under ${THRESHOLDS.tooHard * 100} %, discrimination negative or under ${THRESHOLDS.weakDiscrimination}, a distractor nobody chose; questions answered by fewer than ${THRESHOLDS.flagRespondents} learners are not flagged. Made with <code>coursepack report</code>.</p></footer>
</body>
</html>
`;
}
