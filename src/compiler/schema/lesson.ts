/** A lesson's front matter (the YAML block at the top of its Markdown file). */
import { z } from "zod";
import { idSchema, positiveMinutes, textSchema } from "./common.js";

export const lessonSchema = z.strictObject({
  /** Defaults to the file name without its numeric prefix, e.g. `02-metrics.md` → `metrics`. */
  id: idSchema.optional(),
  title: textSchema.max(200),
  objectives: z.array(textSchema).default([]),
  /** Estimated minutes; defaults to reading time at 200 words a minute. */
  minutes: positiveMinutes.optional(),
  /** viewed: the lesson is done once shown; blocks: once every interactive block on it is done too. */
  completion: z.enum(["viewed", "blocks"]).default("viewed"),
});
