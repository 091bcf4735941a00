/** `course.yml`: the course's identity, outline, scoring and packaging choices. */
import { z } from "zod";
import {
  COMPLETION_RULES,
  EXIT_WHEN_COMPLETE,
  FORMAT_IDS,
  SCORE_COMBINATIONS,
  SCORM12_STATUS_PAIRS,
} from "../../shared/course-data.js";
import { isAbsoluteIri, NOT_IN_IRI } from "../../validator/checks/iri.js";
import { idSchema, percentSchema, positiveMinutes, refuseControlCharacters, textSchema } from "./common.js";
import { credentialsIn, NO_CREDENTIALS_HINT } from "./credentials.js";
import { LANGUAGE_TAG, languageTagHint } from "../../shared/language-tags.js";

/** How the language versions of a course identify themselves (src/compiler/i18n/languages.ts). */
export const LANGUAGE_ID_POLICIES = ["separate", "shared"] as const;

export const languageTag = z.string().regex(LANGUAGE_TAG, {
  error: (issue) =>
    `must be a language tag such as "en" or "de-CH"${typeof issue.input === "string" ? languageTagHint(issue.input) : ""}`,
});

const colorSchema = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, {
  message: 'must be a hex colour such as "#0b5cad"',
});

const themeSchema = z
  .strictObject({
    color: colorSchema.optional().meta({
      description:
        "Brand colour for buttons, links and the progress bar. The build warns below 4.5:1 contrast with white.",
      examples: ["#0b5cad"],
    }),
    logo: z
      .string()
      .optional()
      .meta({
        description: "Logo image shown in the course header, relative to course.yml.",
        examples: ["images/logo.svg"],
      }),
    font: z
      .string()
      .optional()
      .meta({ description: "CSS font-family list for body text.", examples: ["Inter, system-ui, sans-serif"] }),
    headingFont: z
      .string()
      .optional()
      .meta({ description: "CSS font-family list for headings.", examples: ["Georgia, serif"] }),
  })
  .meta({ description: "The course's look: brand colour, logo and fonts." });

const refusedSchema = z
  .unknown()
  .refine(() => false, { message: `cannot be set: ${NO_CREDENTIALS_HINT}` })
  .optional()
  .meta({ description: `Not allowed: ${NO_CREDENTIALS_HINT}` });

/** LMS tracking choices; docs/scorm.md explains what each one reports. */
const trackingSchema = z.strictObject({
  scorm12Status: z.enum(SCORM12_STATUS_PAIRS).optional().meta({
    description:
      "SCORM 1.2 lesson_status pair (on success-otherwise). Default: the LMS profile's, else passed-incomplete with a graded quiz, else completed-incomplete.",
  }),
  // checklist #28: Mzinga did not roll up a completed attempt left suspended; others want it kept.
  exitWhenComplete: z.enum(EXIT_WHEN_COMPLETE).optional().meta({
    description:
      'SCORM exit once complete: "normal" ends the attempt, "suspend" keeps the saved state. Default: the LMS profile\'s, else "normal".',
  }),
  navigationRequests: z.boolean().default(false).meta({
    description:
      "SCORM 2004: send adl.nav.request (suspendAll/exitAll) before Terminate. Off by default: Moodle and Forma mishandle them.",
  }),
  interactions: z.boolean().default(true).meta({ description: "Record one SCORM interaction per graded answer." }),
  commitSeconds: z
    .number()
    .int()
    .min(5)
    .max(600)
    .default(45)
    .meta({
      description: "Seconds between periodic commits to the LMS (session time, keep-alive).",
      examples: [45],
    }),
  // Off unless the LMS profile says otherwise: with a mastery score LMSs override the course's own
  // status (checklist #8, #9).
  masteryScoreInManifest: z.boolean().optional().meta({
    description:
      "Put the course pass mark in the manifest (SCORM 1.2 adlcp:masteryscore, SCORM 2004 a primary objective satisfied by measure). Default: the LMS profile's, else off: it lets LMSs override the course's status.",
  }),
  completionThreshold: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .meta({
      description: "SCORM 2004: let the LMS judge completion by progress_measure against this threshold (0 to 1).",
      examples: [0.8],
    }),
  // Refused with an explanation (and without echoing the secret): the LMS supplies the LRS at launch.
  endpoint: refusedSchema,
  auth: refusedSchema,
});

const IRI_EXAMPLE = '"https://example.com/courses/sales"';

/**
 * The course's activity id goes into tincan.xml and cmi5.xml and into every statement. The LMS-side
 * rule of `coursepack validate` (an absolute IRI without spaces, `<`, `>`, `"` …) applies here, so
 * the author hears about it at the line of course.yml rather than as a failed package check.
 */
function checkActivityId(iri: string, ctx: z.core.$RefinementCtx<string>): void {
  const bad = NOT_IN_IRI.exec(iri)?.[0];
  const fail = (message: string) => ctx.addIssue({ code: "custom", message });
  if (bad !== undefined) {
    const what = /\s/.test(bad) ? "a space" : `"${bad}"`;
    fail(
      `must not contain ${what}: IRIs cannot hold it; percent-encode it (${encodeURIComponent(bad)}) or leave it out`,
    );
  } else if (!isAbsoluteIri(iri) || !URL.canParse(iri)) {
    fail(`must be an absolute IRI such as ${IRI_EXAMPLE}`);
  } else {
    const why = credentialsIn(iri);
    if (why) fail(`must not carry credentials: ${why}; ${NO_CREDENTIALS_HINT}`);
  }
}

export const courseSchema = z.strictObject({
  id: idSchema.meta({
    description:
      "The course's id: a-z, 0-9, - and _, starting with a letter. Names the packages and keys LMS reports; keep it once published.",
    examples: ["sales-manager-training"],
  }),
  title: textSchema.max(200).meta({
    description: "The course title learners and the LMS catalogue see.",
    examples: ["Sales Manager Training"],
  }),
  // SCORM Cloud's import warns above 1,000 characters (exelearning/iteexe#96).
  description: textSchema
    .max(1000, { message: "must be at most 1,000 characters (LMS catalogues truncate longer ones)" })
    .meta({
      description: "What the LMS catalogue shows about the course (at most 1,000 characters).",
      examples: ["Practical training for front-line sales managers."],
    }),
  language: languageTag.default("en").meta({
    description: "BCP 47 language tag: picks the interface strings and the text direction.",
    examples: ["en", "de-CH"],
  }),
  languages: z
    .array(languageTag)
    .min(1)
    .optional()
    .describe(
      "Languages to build, `language` among them: each gets its own packages (dist/<id>-de-scorm12.zip…) from the translations in i18n/<language>/ (coursepack translate).",
    ),
  languageIds: z
    .enum(LANGUAGE_ID_POLICIES)
    .default("separate")
    .describe(
      "How LMSs tell the language versions apart: separate (each translation is its own course, ids <id>-<lang> and <activityId>/<lang>) or shared (every language keeps the course's ids: one record, progress carries over).",
    ),
  version: z
    .string()
    .min(1)
    .superRefine(refuseControlCharacters)
    .default("1.0.0")
    .meta({ description: "The course's version, shown in LMS metadata.", examples: ["1.0.0"] }),
  author: textSchema.optional().meta({ description: "Who wrote the course.", examples: ["Jane Smith"] }),
  organisation: textSchema
    .optional()
    .meta({ description: "Who publishes the course.", examples: ["Example Sales Academy"] }),
  keywords: z
    .array(textSchema)
    .default([])
    .meta({ description: "Catalogue keywords.", examples: [["sales management", "coaching"]] }),
  minutes: positiveMinutes.optional().meta({
    description: "Estimated duration in minutes; defaults to the sum of the pages' minutes.",
    examples: [95],
  }),
  passingScore: percentSchema
    .default(80)
    .meta({ description: "Percent needed to pass; the default pass mark of every quiz.", examples: [80] }),
  completion: z.enum(COMPLETION_RULES).optional().meta({
    description:
      "When the course is complete: every lesson viewed (lessons), every graded quiz passed or out of attempts (quiz), or both. Default: lessons-and-quiz with a graded quiz, else lessons.",
  }),
  scoring: z.enum(SCORE_COMBINATIONS).default("weighted-average").meta({
    description: "How several graded quizzes combine into the course's score and pass/fail.",
  }),
  formats: z
    .array(z.enum(FORMAT_IDS))
    .min(1)
    .default(["web"])
    .meta({
      description: "The packages `coursepack build` makes.",
      examples: [["web", "scorm12", "scorm2004", "xapi", "cmi5"]],
    }),
  navigation: z.enum(["free", "sequential"]).default("free").meta({
    description:
      "free: learners open any page in any order; sequential: each page opens once the pages before it are done (a learner who has passed may review everything).",
  }),
  outline: z
    .array(z.string().min(1))
    .min(1, { message: "must list at least one lesson" })
    .meta({
      description: "The learner's order: lessons (.md) and quizzes (.yml), relative to course.yml.",
      examples: [["lessons/01-welcome.md", "quizzes/final-assessment.yml"]],
    }),
  theme: themeSchema.prefault({}),
  strings: z
    .record(z.string(), z.string())
    .default({})
    .meta({
      description: "Overrides of the learner interface's strings, by key (see templates/strings/en.yml).",
      examples: [{ next: "Continue" }],
    }),
  tracking: trackingSchema
    .prefault({})
    .meta({ description: "LMS reporting options (docs/scorm.md, docs/xapi-cmi5.md)." }),
  lms: z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta({
      description:
        "The LMS the course is for: a profile id (`coursepack lms` lists them) or the path of a profile file. Sets the formats, SCORM 2004 edition, reporting defaults and upload limits. Default: generic.",
      examples: ["moodle", "successfactors"],
    }),
  activityId: z
    .string()
    .superRefine(checkActivityId)
    .optional()
    .meta({
      description:
        "xAPI/cmi5: the IRI that identifies the course, under a domain your organisation controls. Default: urn:coursepack:<id>.",
      examples: ["https://learning.example.com/courses/sales-manager-training"],
    }),
});

export type CourseConfig = z.infer<typeof courseSchema>;
