/** A quiz file (YAML): a graded assessment, its settings and its questions or question banks. */
import { z } from "zod";
import { FEEDBACK_TIMINGS } from "../../shared/course-data.js";
import { idSchema, percentSchema, textSchema } from "./common.js";

const bankSchema = z.strictObject({
  id: idSchema,
  /** How many questions each attempt draws from this bank; defaults to all of them. */
  draw: z.number().int().positive().optional(),
  /** Questions are checked one by one (YAML or compact text) when the quiz is modelled. */
  questions: z.array(z.unknown()).min(1, { message: "a bank needs at least one question" }),
});

export const quizSchema = z
  .strictObject({
    /** Defaults to the file name without its numeric prefix. */
    id: idSchema.optional(),
    title: textSchema.max(200),
    /** Markdown shown before the learner starts. */
    intro: textSchema.optional(),
    /** Percentage needed to pass; defaults to the course's passingScore. */
    passingScore: percentSchema.optional(),
    /** Attempts allowed; 0 = unlimited. */
    attempts: z.number().int().min(0).default(0),
    /** When answer feedback shows: after each question, after submitting, or never. */
    feedback: z.enum(FEEDBACK_TIMINGS).default("end"),
    /** Let learners review their answers after submitting. */
    review: z.boolean().default(true),
    shuffleQuestions: z.boolean().default(false),
    shuffleChoices: z.boolean().default(false),
    /** Weight of this quiz when several graded quizzes combine into the course score. */
    weight: z.number().positive().default(1),
    /** Questions, all used (or `draw` of them per attempt)... */
    questions: z.array(z.unknown()).min(1, { message: "a quiz needs at least one question" }).optional(),
    draw: z.number().int().positive().optional(),
    /** ...or question banks, each drawing its own number. */
    banks: z.array(bankSchema).min(1).optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.questions === !q.banks) {
      ctx.addIssue({ code: "custom", path: [], message: "a quiz needs either `questions` or `banks` (not both)" });
    }
    if (q.draw !== undefined && q.banks) {
      ctx.addIssue({ code: "custom", path: ["draw"], message: "`draw` belongs on each bank when a quiz uses `banks`" });
    }
  });

export type QuizFile = z.infer<typeof quizSchema>;
