/** Matching: pair each source with a target (a select per source: keyboard-friendly, no drag and drop). */
import { z } from "zod";
import type { MarkdownField } from "../markdown/env.js";
import { plainText } from "../model/plain-text.js";
import { textSchema } from "../schema/common.js";
import { questionBaseShape, type QuestionKind } from "./kind.js";
import { optionIds, textOfHtml } from "./options.js";

const schema = z.strictObject({
  ...questionBaseShape,
  type: z.literal("matching").meta({ description: "Matching: pair each source with its target." }),
  pairs: z
    .array(
      z.strictObject({
        source: textSchema.meta({ description: "What the learner matches (inline Markdown).", examples: ["Coverage"] }),
        target: textSchema.meta({
          description: "Its right match (inline Markdown).",
          examples: ["Open pipeline ÷ quota gap"],
        }),
      }),
    )
    .min(2, { message: "needs at least 2 pairs" })
    .meta({ description: "The right pairs; learners see the targets shuffled." }),
  distractors: z.array(textSchema).default([]).meta({ description: "Extra targets that match nothing." }),
  partialCredit: z.boolean().default(false).meta({ description: "Credit per right pair instead of all-or-nothing." }),
});
export { schema as matchingSchema };

type Matching = z.infer<typeof schema>;

function ids(q: Matching) {
  const sources = optionIds(q.pairs.map((p) => p.source));
  const targets = optionIds([...q.pairs.map((p) => p.target), ...q.distractors]);
  return { sources, targets };
}

export const matching: QuestionKind<Matching> = {
  type: "matching",
  schema,
  template: "questions/matching",
  gradable: true,
  checkKey(q, report) {
    const sources = new Set<string>();
    const targets = new Set<string>();
    q.pairs.forEach((p, i) => {
      if (sources.has(p.source)) report(["pairs", i, "source"], `source "${p.source}" appears twice`);
      if (targets.has(p.target))
        report(["pairs", i, "target"], `target "${p.target}" appears twice; each target matches one source`);
      sources.add(p.source);
      targets.add(p.target);
    });
    q.distractors.forEach((d, i) => {
      if (targets.has(d)) report(["distractors", i], `distractor "${d}" is also a correct target`);
    });
  },
  fields: (q, parse) => ({
    sources: q.pairs.map((p, i) => parse(["pairs", i, "source"], p.source, true)),
    targets: [
      ...q.pairs.map((p, i) => parse(["pairs", i, "target"], p.target, true)),
      ...q.distractors.map((d, i) => parse(["distractors", i], d, true)),
    ],
  }),
  toData(q, { base, fields }) {
    const { sources, targets } = ids(q);
    const targetTexts = (fields.targets as MarkdownField[]).map(plainText);
    const sourceTexts = (fields.sources as MarkdownField[]).map(plainText);
    return {
      ...base,
      type: "matching",
      pairs: q.pairs.map((_, i) => ({
        source: sources[i]!,
        sourceText: sourceTexts[i]!,
        target: targets[i]!,
        targetText: targetTexts[i]!,
      })),
      distractors: q.distractors.map((_, i) => ({
        id: targets[q.pairs.length + i]!,
        text: targetTexts[q.pairs.length + i]!,
      })),
      partialCredit: q.partialCredit,
    };
  },
  view(q, html, { compare }) {
    const { sources, targets } = ids(q);
    const targetHtml = html.targets as string[];
    const options = targets
      .map((id, i) => ({ id, text: textOfHtml(targetHtml[i]!) }))
      // Alphabetical, so the list never gives away the pairing.
      .sort((a, b) => compare(a.text, b.text));
    return { rows: q.pairs.map((_, i) => ({ id: sources[i], html: (html.sources as string[])[i] })), options };
  },
};
