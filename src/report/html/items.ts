/**
 * The item-analysis section of the report page: per quiz its reliability, attempts and a map of
 * the questions by difficulty and discrimination, then each question as the author wrote it with
 * its figures, flags and how often each option was chosen.
 */
import type { ItemFigure, ItemFlag, QuizFigure } from "../figures.js";
import { THRESHOLDS } from "../items.js";
import { attemptsChart, itemMapChart } from "./charts.js";
import { esc, figure, num, pct, table } from "./format.js";

const FLAG_TEXT: Record<ItemFlag, string> = {
  "too-easy": `Too easy (over ${THRESHOLDS.tooEasy * 100} % correct)`,
  "too-hard": `Too hard (under ${THRESHOLDS.tooHard * 100} % correct)`,
  "negative-discrimination": "Negative discrimination: stronger learners got it wrong more often",
  "weak-discrimination": `Weak discrimination (under ${THRESHOLDS.weakDiscrimination})`,
  "unused-distractor": "A distractor nobody chose",
};

const TYPE_TEXT: Record<ItemFigure["type"], string> = {
  single: "Single choice",
  multiple: "Multiple response",
  "true-false": "True / false",
  "fill-in": "Fill in the blank",
  numeric: "Numeric",
  matching: "Matching",
  sequencing: "Sequencing",
  likert: "Likert scale",
};

function optionRows(item: ItemFigure): string[][] {
  return item.options
    .filter((o) => o.group !== "source")
    .map((o) => [
      `${esc(o.text)}${o.correct ? ' <span class="correct">(correct)</span>' : ""}${
        item.unusedDistractors.includes(o.id) ? ' <span class="flag">never chosen</span>' : ""
      }`,
      String(o.chosen),
      `<span class="bar" style="--w:${Math.round(o.rate * 100)}%"></span> ${pct(o.rate)}`,
    ]);
}

function itemCard(item: ItemFigure, n: number): string {
  const flags = item.flags.map((f) => `<li class="flag">${esc(FLAG_TEXT[f])}</li>`).join("");
  const stats = [
    ["Answered by", String(item.respondents)],
    [
      "Difficulty (proportion correct)",
      item.difficulty === null ? "–" : `${num(item.difficulty)} (${pct(item.difficulty)})`,
    ],
    ["Discrimination: point-biserial", num(item.pointBiserial)],
    ["Discrimination: upper–lower 27 %", num(item.upperLower)],
    ["Average time", item.meanSeconds === null ? "–" : `${Math.round(item.meanSeconds)} s`],
  ];
  const options = item.options.some((o) => o.group !== "source")
    ? table(
        `How often each ${item.type === "matching" ? "target" : "option"} was chosen`,
        ["Option", "Learners", "Share"],
        optionRows(item),
        "options",
      )
    : "";
  const responses =
    item.topResponses.length && (item.type === "fill-in" || item.type === "numeric" || item.type === "sequencing")
      ? table(
          "Most frequent answers",
          ["Answer", "Learners", "Marks"],
          item.topResponses.map((r) => [
            esc(r.response || "(empty)"),
            String(r.count),
            r.score === null ? "–" : pct(r.score),
          ]),
          "options",
        )
      : "";
  return `<article class="item${item.flags.length ? " flagged" : ""}" id="q-${esc(item.id)}">
<h4><span class="n">${n}.</span> ${esc(item.text)}</h4>
<p class="meta">${TYPE_TEXT[item.type]}${item.graded ? "" : " · not graded"} · <code>${esc(item.id)}</code></p>
${flags ? `<ul class="flags" aria-label="Flags">${flags}</ul>` : ""}
<dl class="stats">${stats.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join("")}</dl>
${options}${responses}
</article>`;
}

export async function quizSection(quiz: QuizFigure): Promise<string> {
  const r = quiz.reliability;
  const reliability =
    r.method === null
      ? `<p>Reliability: ${esc(r.reason)}</p>`
      : `<p>Reliability (${r.method}): <strong>${num(r.value)}</strong>, from ${r.learners} learners who answered all ${r.items} questions${
          r.learners < 30 ? " (fewer than 30 learners: read it as a rough guide)" : ""
        }.</p>`;
  const flagged = quiz.items.filter((i) => i.flags.length).length;
  const attempts = quiz.attempts.length
    ? figure(
        `attempts-${quiz.id}`,
        `Attempts at ${quiz.title}`,
        `On average learners used ${num(quiz.meanAttempts, 1)} attempts.`,
        await attemptsChart(quiz, `Learners by number of attempts at ${quiz.title}.`),
        table(
          "Learners by attempts used",
          ["Attempts", "Learners"],
          quiz.attempts.map((a) => [String(a.attempts), String(a.learners)]),
        ),
      )
    : "";
  const mapped = quiz.items.filter((i) => i.difficulty !== null && i.pointBiserial !== null);
  const map = mapped.length
    ? figure(
        `items-${quiz.id}`,
        "Questions by difficulty and discrimination",
        `${mapped.length} questions placed by the share of learners who answered correctly and by how well they separate stronger from weaker learners; ${flagged} are flagged (red). Good questions sit in the shaded area.`,
        await itemMapChart(quiz, `Scatter plot of ${mapped.length} questions; numbers match the list below.`),
        table(
          "Difficulty and discrimination per question",
          ["Question", "Difficulty", "Point-biserial", "Upper–lower", "Flags"],
          quiz.items.map((i, k) => [
            `${k + 1}. ${esc(i.text)}`,
            num(i.difficulty),
            num(i.pointBiserial),
            num(i.upperLower),
            esc(i.flags.map((f) => FLAG_TEXT[f]).join("; ") || "–"),
          ]),
        ),
      )
    : "";
  return `<section class="quiz" aria-labelledby="quiz-${esc(quiz.id)}">
<h3 id="quiz-${esc(quiz.id)}">${esc(quiz.title)}</h3>
<p>${quiz.respondents} learners answered; figures use each learner's first attempt. ${flagged} of ${quiz.items.length} questions are flagged.</p>
${reliability}
${attempts}
${map}
<h3 class="sub">Questions</h3>
${quiz.items.map((item, i) => itemCard(item, i + 1)).join("\n")}
</section>`;
}
