/** Ids must be unique: LMS reports, xAPI activity ids and saved learner state all key on them. */
import type { Position } from "../../diagnostics.js";
import type { Rule } from "../rule.js";

export const uniqueIds: Rule = {
  name: "unique-ids",
  run({ model, diagnostics }) {
    const seen = new Map<string, { what: string; at: Position }>();
    const claim = (id: string, what: string, at: Position, hint: string) => {
      const first = seen.get(id);
      if (first) {
        diagnostics.error(
          at,
          `duplicate id "${id}": the ${first.what} at ${rel(first.at, model.dir)} has it too; ${hint}`,
        );
      } else {
        seen.set(id, { what, at });
      }
    };
    for (const page of model.pages) {
      const at = page.source.position(["id"]);
      claim(
        page.id,
        page.kind,
        at,
        `set a different \`id:\` in the ${page.kind === "lesson" ? "front matter" : "quiz file"}`,
      );
    }
    for (const q of model.questions) {
      const hint = q.idAuthored
        ? "give this question another `id:`"
        : "its id comes from the prompt; give it an `id:` of its own";
      claim(q.id, "question", q.source.position(q.idAuthored ? [...q.path, "id"] : [...q.path, "prompt"]), hint);
    }
    for (const page of model.pages) {
      if (page.kind !== "lesson") continue;
      for (const block of page.blocks) {
        if (!block) continue;
        const hint = block.idAuthored
          ? "give this block another id"
          : "give the blocks ids of their own with {#id} (a scenario with `id:`)";
        claim(block.id, `${block.name} block`, block.at, hint);
      }
    }
    for (const page of model.pages) {
      if (page.kind !== "quiz" || page.banks.length < 2) continue;
      const banks = new Set<string>();
      page.banks.forEach((b, i) => {
        if (banks.has(b.id))
          diagnostics.error(page.source.position(["banks", i, "id"]), `duplicate bank id "${b.id}" in this quiz`);
        banks.add(b.id);
      });
    }
  },
};

function rel(at: Position, dir: string): string {
  const file = at.file.startsWith(`${dir}/`) ? at.file.slice(dir.length + 1) : at.file;
  return `${file}:${at.line}:${at.col}`;
}
