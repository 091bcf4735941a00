/** Checks both families of scenarios share (SCORM and xAPI/cmi5). */
import type { Checks } from "../checks.js";
import type { LearnerView } from "../protocol.js";

/** The learner came back where they left: the same page, and the open quiz attempt's answers. */
export function resumed(checks: Checks, left: LearnerView, back: LearnerView): void {
  checks.equal("Resumed on the page the learner left", String(left.page), String(back.page));
  const given = Object.keys(left.answers);
  if (given.length)
    checks.equal(
      "Resumed with the quiz's answers",
      given.map((q) => `${q}: ${left.answers[q]}`).join("; "),
      given.map((q) => `${q}: ${back.answers[q] ?? "(none)"}`).join("; "),
    );
}
