/**
 * `coursepack test`'s reading of a SCORM session through an LMS's record quirks: Cornerstone's
 * reports show a score of 0 when the result's status is written before the score.
 */
import { describe, expect, it } from "vitest";
import { loadProfile } from "../../src/lms-profiles/index.js";
import type { ApiCall } from "../../src/preview/protocol.js";
import { Checks } from "../../src/tester/checks.js";
import { asRecorded } from "../../src/tester/scorm-record.js";

const set = (element: string, value: string): ApiCall => ({
  method: "LMSSetValue",
  element,
  value,
  result: "true",
  error: "0",
});

function rawScoreShown(calls: ApiCall[]): string | undefined {
  const committed = { cmi: { core: { lesson_status: "passed", score: { raw: "90", min: "0", max: "100" } } } };
  const record = { committed: committed as never, calls, next: null };
  return asRecorded(new Checks(), loadProfile("cornerstone"), "scorm12", record, true).view.raw;
}

describe("score-lost-when-status-first (Cornerstone)", () => {
  it("keeps the score when the result comes after it, whatever status opened the session", () => {
    const calls = [
      set("cmi.core.lesson_status", "incomplete"),
      set("cmi.core.score.raw", "90"),
      set("cmi.core.lesson_status", "passed"),
    ];
    expect(rawScoreShown(calls)).toBe("90");
  });

  it("shows 0 when the result's status is written before the score", () => {
    const calls = [set("cmi.core.lesson_status", "passed"), set("cmi.core.score.raw", "90")];
    expect(rawScoreShown(calls)).toBe("0");
  });
});
