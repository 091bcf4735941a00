/** A quiz file (YAML): a graded assessment, its settings and its questions or question banks. */
import { z } from "zod";
import { FEEDBACK_TIMINGS } from "../../shared/course-data.js";
import { idSchema, percentSchema, textSchema } from "./common.js";

/**
 * The quiz file's schema around a given question schema: the build checks questions one by one
 * later (YAML or compact text, with positions), so it passes `z.unknown()`; the JSON Schema for
 * editors (json-schema.ts) passes the question types themselves.
 */
function drawSchema(description: string, example: number) {
  return z
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description, examples: [example] });
}

export function quizFileSchema<Q extends z.ZodType>(question: Q) {
  const bankSchema = z
    .strictObject({
      id: idSchema.meta({ description: "The bank's id, unique in the quiz.", examples: ["basics"] }),
      draw: drawSchema("How many questions each attempt draws from this bank; defaults to all of them.", 5),
      questions: z.array(question).min(1, { message: "a bank needs at least one question" }).meta({
        description: "The bank's questions, in YAML or in the compact syntax.",
      }),
    })
    .meta({ description: "A question bank: each attempt draws `draw` of its questions." });
  return z
    .strictObject({
      id: idSchema.optional().meta({
        description: "The quiz's stable id; defaults to the file name without its number.",
        examples: ["final-assessment"],
      }),
      title: textSchema.max(200).meta({ description: "The quiz title.", examples: ["Final assessment"] }),
      intro: textSchema.optional().meta({ description: "Markdown shown before the learner starts." }),
      passingScore: percentSchema.optional().meta({
        description: "Percent needed to pass; defaults to the course's passingScore.",
        examples: [80],
      }),
      attempts: z
        .number()
        .int()
        .min(0)
        .default(0)
        .meta({ description: "Attempts allowed; 0 means unlimited.", examples: [3] }),
      feedback: z.enum(FEEDBACK_TIMINGS).default("end").meta({
        description: "When answer feedback shows: after each question, after submitting, or never.",
      }),
      review: z.boolean().default(true).meta({ description: "Let learners review their answers after submitting." }),
      shuffleQuestions: z
        .boolean()
        .default(false)
        .meta({ description: "Show the questions in a new order each attempt." }),
      shuffleChoices: z.boolean().default(false).meta({ description: "Show the choices in a new order each attempt." }),
      weight: z
        .number()
        .positive()
        .default(1)
        .meta({
          description: "Weight of this quiz when several graded quizzes combine into the course score.",
          examples: [1],
        }),
      opensAfter: z.enum(["lessons"]).optional().meta({
        description: "lessons: the quiz opens once every lesson before it in the outline is done.",
      }),
      questions: z.array(question).min(1, { message: "a quiz needs at least one question" }).optional().meta({
        description: "The questions, in YAML or in the compact syntax; all are used, or `draw` of them per attempt.",
      }),
      draw: drawSchema("How many of `questions` each attempt draws; defaults to all of them.", 10),
      banks: z.array(bankSchema).min(1).optional().meta({
        description: "Question banks instead of `questions`, each drawing its own number.",
      }),
    })
    .superRefine((q, ctx) => {
      if (!q.questions === !q.banks) {
        ctx.addIssue({ code: "custom", path: [], message: "a quiz needs either `questions` or `banks` (not both)" });
      }
      if (q.draw !== undefined && q.banks) {
        ctx.addIssue({
          code: "custom",
          path: ["draw"],
          message: "`draw` belongs on each bank when a quiz uses `banks`",
        });
      }
    });
}

export const quizSchema = quizFileSchema(z.unknown());

export type QuizFile = z.infer<typeof quizSchema>;
