/**
 * JUnit XML, the report every CI reads (GitHub, GitLab, Jenkins, Azure): one test suite per
 * package, one test case per scenario and launch mode, a failure per scenario that failed with
 * each wrong check as a line.
 */
import type { TestRun } from "../run.js";
import { counts, failures, scenarioName } from "./text.js";

const esc = (s: string) =>
  s
    .replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!)
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot carry these characters
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
      "",
    );

export function junitXml(run: TestRun): string {
  const all = counts(run.results);
  const suites = run.subjects.map((subject) => {
    const results = run.results.filter((r) => r.subject === subject.label);
    const c = counts(results);
    const cases = results.map((r) => {
      const failed = failures(r);
      const body = failed.length
        ? `\n      <failure message="${esc(failed[0]!)}" type="${r.error ? "error" : "record"}">${esc(failed.join("\n"))}</failure>\n    `
        : "";
      return `    <testcase classname="${esc(`${run.profile.id}.${subject.label}`)}" name="${esc(scenarioName(r))}" time="${(r.ms / 1000).toFixed(3)}">${body}</testcase>`;
    });
    const time = results.reduce((n, r) => n + r.ms, 0) / 1000;
    return `  <testsuite name="${esc(`${subject.label} in ${run.profile.name}`)}" tests="${c.total}" failures="${c.failed}" errors="0" time="${time.toFixed(3)}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="coursepack test --lms ${esc(run.profile.id)} (${esc(run.browser)})" tests="${all.total}" failures="${all.failed}" errors="0" time="${(run.ms / 1000).toFixed(3)}">\n${suites.join("\n")}\n</testsuites>\n`;
}
