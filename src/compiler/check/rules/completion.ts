/** A completion rule that needs a quiz needs a graded quiz to exist. */
import type { Rule } from "../rule.js";

export const completion: Rule = {
  name: "completion",
  run({ model, diagnostics }) {
    const graded = model.questions.some((q) => q.graded);
    if (!graded && model.completion !== "lessons") {
      diagnostics.error(
        model.courseSource.position(["completion"]),
        `completion "${model.completion}" needs a graded quiz in the outline; add one or use \`completion: lessons\``,
      );
    }
  },
};
