/**
 * The HTML report: a folder with index.html and one screenshot per scenario, self-contained so an
 * L&D lead can zip it and attach it to an LMS ticket. Per scenario: what the learner did, what the
 * LMS had to record next to what it recorded, the API calls or statements it received, and what the
 * learner saw. Readable without JavaScript; failures first in the summary.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TestRun } from "../run.js";
import { formatName } from "../run.js";
import type { ScenarioResult } from "../scenario.js";
import { counts, scenarioName } from "./text.js";

const esc = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c]!);

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1.5rem;color:#1b1f24}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-top:1px solid #d0d7de;padding-top:1rem}
h3{font-size:1rem;margin:1.25rem 0 .4rem}.meta{color:#57606a}table{border-collapse:collapse;width:100%;margin:.4rem 0}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
.ok{color:#1a7f37}.bad{color:#cf222e;font-weight:600}.warn{color:#9a6700}tr.bad td{background:#ffebe9}tr.warn td{background:#fff8c5}
pre{white-space:pre-wrap;font-size:12px;background:#f6f8fa;padding:.5rem;max-height:24rem;overflow:auto}
pre .bad{color:#cf222e;font-weight:normal}img{max-width:100%;border:1px solid #d0d7de}ol{margin:.3rem 0}
.scenario{margin-left:.5rem}.note{color:#57606a;font-size:.9em}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}th,pre{background:#161b22}th,td{border-color:#30363d}
tr.bad td{background:#3b1d1f}tr.warn td{background:#3a2f10}.meta,.note{color:#8b949e}}`;

function anchor(r: ScenarioResult, i: number): string {
  return `s${i}-${r.scenario}`;
}

function scenarioSection(r: ScenarioResult, i: number, shot: string | undefined): string {
  const status = r.error
    ? `<span class="bad">could not finish</span>`
    : r.ok
      ? `<span class="ok">passed</span>`
      : `<span class="bad">failed</span>`;
  const rows = r.checks
    .map(
      (c) =>
        `<tr class="${c.ok ? (c.warning ? "warn" : "") : "bad"}"><td>${c.ok ? (c.warning ? "⚠" : "✓") : "✗"}</td><td>${esc(c.what)}${c.note && (!c.ok || c.warning) ? `<div class="note">${esc(c.note)}</div>` : ""}</td><td>${esc(c.expected)}</td><td>${esc(c.recorded)}</td></tr>`,
    )
    .join("\n");
  const log = r.log.map((l) => (l.problem ? `<span class="bad">${esc(l.text)}</span>` : esc(l.text))).join("\n");
  return `<section class="scenario" id="${anchor(r, i)}">
<h3>${esc(scenarioName(r))} — ${status} <span class="meta">${(r.ms / 1000).toFixed(1)} s</span></h3>
<p>${esc(r.about)}</p>
${r.error ? `<p class="bad">${esc(r.error)}</p>` : ""}
${r.steps.length ? `<p>The learner:</p><ol>${r.steps.map((s) => `<li>${esc(s)}</li>`).join("")}</ol>` : ""}
${rows ? `<table><thead><tr><th></th><th>What the LMS must have recorded</th><th>Expected</th><th>Recorded</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : ""}
${r.log.length ? `<details><summary>${r.log.length} ${r.format.startsWith("SCORM") ? "API calls" : "statements"} the LMS received</summary><pre>${log}</pre></details>` : ""}
${shot ? `<details><summary>What the learner saw</summary><img src="${shot}" alt="Screenshot at the end of the scenario ${esc(r.title)}"></details>` : ""}
</section>`;
}

export async function writeHtmlReport(run: TestRun, dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "screenshots"), { recursive: true });
  const c = counts(run.results);
  const sections: string[] = [];
  const summary: string[] = [];
  for (const subject of run.subjects) {
    const results = run.results.filter((r) => r.subject === subject.label);
    const body: string[] = [];
    for (const r of results) {
      const i = run.results.indexOf(r);
      let shot: string | undefined;
      if (r.screenshot) {
        shot = `screenshots/${i}-${r.scenario}-${r.mode}.png`;
        await writeFile(path.join(dir, shot), r.screenshot);
      }
      body.push(scenarioSection(r, i, shot));
      summary.push(
        `<tr class="${r.ok && !r.error ? "" : "bad"}"><td>${r.ok && !r.error ? "✓" : "✗"}</td><td>${esc(subject.label)}</td><td><a href="#${anchor(r, i)}">${esc(scenarioName(r))}</a></td><td>${(r.ms / 1000).toFixed(1)} s</td></tr>`,
      );
    }
    sections.push(
      `<h2>${esc(subject.label)} <span class="meta">${esc(formatName(subject))}${subject.course ? ", a Coursepack course" : ", from another tool"}</span></h2>\n${body.join("\n")}`,
    );
  }
  summary.sort((a, b) => (a.includes('class="bad"') ? 0 : 1) - (b.includes('class="bad"') ? 0 : 1));
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>coursepack test: ${esc(run.profile.name)} — ${c.failed ? `${c.failed} failed` : "all passed"}</title><style>${STYLE}</style></head>
<body><main>
<h1>coursepack test: ${esc(run.profile.name)}</h1>
<p class="meta">${c.total} scenarios, ${c.passed} passed, ${c.failed} failed, in ${(run.ms / 1000).toFixed(1)} s · ${esc(run.browser)} · LMS simulation: scorm-again in strict mode${run.profile.simulation ? ` behaving like ${esc(run.profile.simulation.lms)}` : ""}, local LRS for xAPI and cmi5 · ${new Date().toISOString()}</p>
<p>${esc(run.profile.summary)}</p>
${run.notes.length ? `<h3>Build notes</h3><pre>${run.notes.map(esc).join("\n")}</pre>` : ""}
<table><thead><tr><th></th><th>Package</th><th>Scenario</th><th>Time</th></tr></thead><tbody>
${summary.join("\n")}
</tbody></table>
${sections.join("\n")}
</main></body></html>
`;
  const file = path.join(dir, "index.html");
  await writeFile(file, html);
  return file;
}
