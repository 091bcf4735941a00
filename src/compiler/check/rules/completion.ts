/**
 * A completion rule that needs a quiz needs a graded quiz to exist. A quiz of the outline that its
 * own errors kept out of the model does not count as missing: those errors say what to fix.
 */
import type { Rule } from "../rule.js";

export const completion: Rule = {
  name: "completion",
  run({ model, diagnostics }) {
    const graded = model.questions.some((q) => q.graded);
    if (!graded && model.completion !== "lessons" && !model.unbuilt.some((p) => p.kind === "quiz")) {
      diagnostics.error(
        model.courseSource.position(["completion"]),
        `completion "${model.completion}" needs a graded quiz in the outline; add one or use \`completion: lessons\``,
      );
    }
  },
};
