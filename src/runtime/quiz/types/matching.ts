/** Matching: one select per source; each pair is right or wrong. */
import type { MatchingQuestionData } from "../../../shared/course-data.js";
import type { Response } from "../../../shared/learner.js";
import { $$ } from "../../player/dom.js";
import type { QuestionBehaviour } from "./behaviour.js";

const selects = (el: HTMLElement) => $$("select[data-source]", el) as HTMLSelectElement[];
const pairsOf = (r: Response) => (r.kind === "pairs" ? r.pairs : []);

function describePairs(q: MatchingQuestionData, pairs: [string, string][]): string {
  const source = (id: string) => q.pairs.find((p) => p.source === id)?.sourceText ?? id;
  const target = (id: string) =>
    q.pairs.find((p) => p.target === id)?.targetText ?? q.distractors.find((d) => d.id === id)?.text ?? id;
  return pairs.map(([s, t]) => `${source(s)} → ${target(t)}`).join("; ");
}

export const matching: QuestionBehaviour<MatchingQuestionData> = {
  read(el) {
    const pairs = selects(el)
      .filter((s) => s.value)
      .map((s) => [s.dataset.source ?? "", s.value] as [string, string]);
    return pairs.length ? { kind: "pairs", pairs } : undefined;
  },
  restore(el, _q, r) {
    const chosen = new Map(pairsOf(r));
    for (const select of selects(el)) select.value = chosen.get(select.dataset.source ?? "") ?? "";
  },
  score(q, r) {
    const chosen = new Map(pairsOf(r));
    const right = q.pairs.filter((p) => chosen.get(p.source) === p.target).length;
    if (q.partialCredit) return right / q.pairs.length;
    return right === q.pairs.length ? 1 : 0;
  },
  correct: (q) => [{ kind: "pairs", pairs: q.pairs.map((p) => [p.source, p.target] as [string, string]) }],
  describe: (q, r) => describePairs(q, pairsOf(r)),
  describeCorrect: (q) =>
    describePairs(
      q,
      q.pairs.map((p) => [p.source, p.target]),
    ),
  options: (q) => [
    ...q.pairs.map((p) => ({ id: p.source, text: p.sourceText, group: "source" as const })),
    ...q.pairs.map((p) => ({ id: p.target, text: p.targetText, group: "target" as const })),
    ...q.distractors.map((d) => ({ id: d.id, text: d.text, group: "target" as const })),
  ],
};
