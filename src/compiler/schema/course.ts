/** `course.yml`: the course's identity, outline, scoring and packaging choices. */
import { z } from "zod";
import { idSchema, percentSchema, positiveMinutes, textSchema } from "./common.js";
import { credentialsIn, NO_CREDENTIALS_HINT } from "./credentials.js";

export const FORMAT_IDS = ["web", "scorm12", "scorm2004", "scorm2004-3rd", "scorm2004-4th", "xapi", "cmi5"] as const;
export const COMPLETION_RULES = ["lessons", "quiz", "lessons-and-quiz"] as const;

const colorSchema = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, {
  message: 'must be a hex colour such as "#0b5cad"',
});

const themeSchema = z.strictObject({
  /** Brand colour for buttons, links and the progress bar. */
  color: colorSchema.optional(),
  /** Path of a logo image, relative to course.yml. */
  logo: z.string().optional(),
  /** CSS font-family list for body text. */
  font: z.string().optional(),
  /** CSS font-family list for headings. */
  headingFont: z.string().optional(),
});

const refusedSchema = z
  .unknown()
  .refine(() => false, { message: `cannot be set: ${NO_CREDENTIALS_HINT}` })
  .optional();

/** LMS tracking choices; docs/scorm.md explains what each one reports. */
const trackingSchema = z.strictObject({
  /** SCORM 1.2 lesson_status pair (success-other); defaults to passed-incomplete with a graded quiz, else completed-incomplete. */
  scorm12Status: z.enum(["passed-incomplete", "passed-failed", "completed-incomplete", "completed-failed"]).optional(),
  /** SCORM exit once complete: "normal" ends the attempt, "suspend" keeps the saved state (checklist #28).
   *  Default: the LMS profile's, else "normal". */
  exitWhenComplete: z.enum(["normal", "suspend"]).optional(),
  /** Record one SCORM interaction per graded answer. */
  interactions: z.boolean().default(true),
  /** Seconds between periodic commits (session time, LMS keep-alive). */
  commitSeconds: z.number().int().min(5).max(600).default(45),
  /** Put the course pass mark in the manifest: SCORM 1.2 adlcp:masteryscore, SCORM 2004 a primary objective
   *  satisfied by measure. Default: the LMS profile's, else off: it lets LMSs override the course's status
   *  (checklist #8, #9). */
  masteryScoreInManifest: z.boolean().optional(),
  /** SCORM 2004: let the LMS judge completion by progress_measure against this threshold 0..1. */
  completionThreshold: z.number().min(0).max(1).optional(),
  /** Refused with an explanation (and without echoing the secret): the LMS supplies the LRS at launch. */
  endpoint: refusedSchema,
  auth: refusedSchema,
});

export const courseSchema = z.strictObject({
  id: idSchema,
  title: textSchema.max(200),
  /** Catalogue description; SCORM Cloud warns above 1,000 characters (anchors §3 #20). */
  description: textSchema.max(1000, {
    message: "must be at most 1,000 characters (LMS catalogues truncate longer ones)",
  }),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, { message: 'must be a language tag such as "en" or "de-CH"' })
    .default("en"),
  version: z.string().min(1).default("1.0.0"),
  author: textSchema.optional(),
  organisation: textSchema.optional(),
  keywords: z.array(textSchema).default([]),
  /** Estimated duration; defaults to the sum of the lessons' minutes. */
  minutes: positiveMinutes.optional(),
  passingScore: percentSchema.default(80),
  completion: z.enum(COMPLETION_RULES).optional(),
  scoring: z.enum(["weighted-average", "all-must-pass"]).default("weighted-average"),
  formats: z.array(z.enum(FORMAT_IDS)).min(1).default(["web"]),
  /** Lessons (.md) and quizzes (.yml) in learner order, relative to course.yml. */
  outline: z.array(z.string().min(1)).min(1, { message: "must list at least one lesson" }),
  theme: themeSchema.prefault({}),
  /** Overrides of the learner interface's strings, by key. */
  strings: z.record(z.string(), z.string()).default({}),
  tracking: trackingSchema.prefault({}),
  /** The LMS the course is for: a profile id (`coursepack lms` lists them) or the path of a profile file. */
  lms: z.string().trim().min(1).optional(),
  /** Base IRI for xAPI/cmi5 activity ids; defaults to a URN derived from the course id. */
  activityId: z
    .url({ message: 'must be an absolute IRI such as "https://example.com/courses/sales"' })
    .superRefine((iri, ctx) => {
      const why = credentialsIn(iri);
      if (why) ctx.addIssue({ code: "custom", message: `must not carry credentials: ${why}; ${NO_CREDENTIALS_HINT}` });
    })
    .optional(),
});

export type CourseConfig = z.infer<typeof courseSchema>;
