/** Shared wording of results for the three reports: scenario names and failure lines. */
import type { Check } from "../checks.js";
import type { ScenarioResult } from "../scenario.js";

export function scenarioName(r: ScenarioResult): string {
  return r.scenario === "upload" ? r.title : `${r.title} (${r.mode})`;
}

export function failures(r: ScenarioResult): string[] {
  const lines = r.checks
    .filter((c) => !c.ok)
    .map((c: Check) => `${c.what}: expected ${c.expected}, recorded ${c.recorded}${c.note ? ` — ${c.note}` : ""}`);
  if (r.error) lines.unshift(`could not finish: ${r.error}`);
  return lines;
}

export function counts(results: ScenarioResult[]): { total: number; passed: number; failed: number } {
  const failed = results.filter((r) => !r.ok || r.error).length;
  return { total: results.length, passed: results.length - failed, failed };
}
