/** A lesson's front matter (the YAML block at the top of its Markdown file). */
import { z } from "zod";
import { idSchema, positiveMinutes, textSchema } from "./common.js";

export const lessonSchema = z.strictObject({
  id: idSchema.optional().meta({
    description:
      "The lesson's stable id; defaults to the file name without its number (02-metrics.md → metrics). Keep it once published: saved progress keys on it.",
    examples: ["metrics-under-the-spotlight"],
  }),
  title: textSchema.max(200).meta({
    description: "The lesson title in the menu and at the top of the page.",
    examples: ["Leading under the metrics spotlight"],
  }),
  objectives: z
    .array(textSchema)
    .default([])
    .meta({
      description: "What the learner will be able to do after the lesson, shown at its start.",
      examples: [["Explain why sales results are visible every day"]],
    }),
  minutes: positiveMinutes.optional().meta({
    description: "Estimated minutes; defaults to reading time (200 words a minute) plus one per knowledge check.",
    examples: [12],
  }),
  completion: z.enum(["viewed", "blocks"]).default("viewed").meta({
    description:
      "viewed: the lesson is done once shown; blocks: once every interactive block on it is done too (tabs opened, cards flipped, video watched, scenario finished).",
  }),
});
