/** A bank cannot draw more questions than it holds. */
import type { Rule } from "../rule.js";

export const banks: Rule = {
  name: "banks",
  run({ model, diagnostics }) {
    for (const page of model.pages) {
      if (page.kind !== "quiz") continue;
      for (const bank of page.banks) {
        if (bank.draw > bank.size) {
          const drawPath = bank.path[0] === "questions" ? ["draw"] : [...bank.path.slice(0, -1), "draw"];
          diagnostics.error(
            page.source.position(drawPath),
            `draws ${bank.draw} questions but the ${bank.path[0] === "questions" ? "quiz" : `bank "${bank.id}"`} has only ${bank.size}; lower \`draw\` or add questions`,
          );
        }
      }
    }
  },
};
