/**
 * The answer a scripted learner gives to a question, right or wrong, from the course data's answer
 * key: which choices to tick, what to type, which target each matching source gets, the order of
 * sequencing items. `coursepack test`'s robot and the end-to-end tests' learner both apply it, so
 * "a wrong answer" means the same thing everywhere.
 */
import type { QuestionData } from "../../shared/course-data.js";
import { formatNumber } from "../../shared/numbers.js";

export type PlannedAnswer =
  | { kind: "choices"; ids: string[] }
  | { kind: "text"; value: string }
  | { kind: "matching"; pairs: { source: string; target: string }[] }
  | { kind: "order"; ids: string[] };

/** @param language the course's: a number is typed the way it writes numbers ("1,125" in German). */
export function plannedAnswer(q: QuestionData, correct: boolean, language: string): PlannedAnswer {
  switch (q.type) {
    case "single":
    case "multiple":
      return {
        kind: "choices",
        ids: correct
          ? q.choices.filter((c) => c.correct).map((c) => c.id)
          : [q.choices.find((c) => !c.correct)?.id ?? q.choices[0]!.id],
      };
    case "true-false":
      return { kind: "choices", ids: [String(correct ? q.answer : !q.answer)] };
    case "fill-in":
      return { kind: "text", value: correct ? q.answers[0]! : "certainly not this" };
    case "numeric":
      return { kind: "text", value: formatNumber(correct ? q.min : q.max + 1000, language) };
    case "matching": {
      const targets = q.pairs.map((p) => p.target);
      return {
        kind: "matching",
        pairs: q.pairs.map((pair, i) => ({
          source: pair.source,
          target: correct ? pair.target : targets[(i + 1) % targets.length]!,
        })),
      };
    }
    case "sequencing": {
      const ids = q.items.map((i) => i.id);
      return { kind: "order", ids: correct ? ids : [...ids].reverse() };
    }
    case "likert":
      // A survey answer is never right or wrong.
      return { kind: "choices", ids: [q.scale[0]!.id] };
  }
}
