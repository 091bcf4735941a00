/**
 * What an LMS profile file (profiles/<id>.yml) may say: the formats and SCORM 2004 edition the LMS
 * takes, the reporting it needs, how it launches content, the limits an upload must stay within,
 * its known quirks and the settings to choose in its admin screens — every fact citing one of the
 * profile's sources. The compiler, `validate --lms` and `coursepack test` read profiles; none of
 * them branches on an LMS's name.
 */
import { z } from "zod";
import { SCORM12_STATUS_PAIRS } from "../shared/course-data.js";
import { isSimulatedLms, type Quirk, type RecordQuirk, SIMULATED_LMS } from "../shared/lms-quirks.js";

/** Formats an LMS can take (`scorm2004` in course.yml means the profile's preferred edition). */
export const LMS_FORMATS = ["scorm12", "scorm2004-3rd", "scorm2004-4th", "xapi", "cmi5"] as const;
export type LmsFormat = (typeof LMS_FORMATS)[number];

/**
 * How the LMS opens content: in a frame of its page; in a frame below a player frame (framesets,
 * LTI tools); in a sized popup; in a new tab. The API lives in the LMS page (or its opener).
 */
export const LAUNCH_MODES = ["frame", "frameset", "popup", "new-window"] as const;
export type LaunchMode = (typeof LAUNCH_MODES)[number];

export { SCORM12_STATUS_PAIRS };

const sourceKey = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: "must be a source key (a-z, 0-9, -)" });
const sources = z.array(sourceKey).min(1, { message: "must cite at least one source" });
const note = z.string().trim().min(1).optional();
const standards = z.array(z.enum(["scorm12", "scorm2004"])).min(1);
const regex = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be a valid regular expression" },
);

/** A page that states the fact, or (no url) a first-hand observation described in `note`. */
const sourceSchema = z
  .strictObject({
    title: z.string().trim().min(1),
    url: z.url().optional(),
    /** Where the fact stands when the page is long, or what was observed and how. */
    note,
  })
  .refine((s) => s.url !== undefined || s.note !== undefined, {
    message: "needs a url, or a note saying how the fact was observed",
  });

const limitSchema = z.discriminatedUnion("rule", [
  z.strictObject({ rule: z.literal("zip-size"), bytes: z.number().int().positive(), note, source: sourceKey }),
  z.strictObject({ rule: z.literal("unzipped-size"), bytes: z.number().int().positive(), note, source: sourceKey }),
  z.strictObject({ rule: z.literal("file-count"), max: z.number().int().positive(), note, source: sourceKey }),
  z.strictObject({ rule: z.literal("compression-ratio"), max: z.number().positive(), note, source: sourceKey }),
  z.strictObject({
    rule: z.literal("compression-methods"),
    methods: z.array(z.enum(["stored", "deflate"])).min(1),
    note,
    source: sourceKey,
  }),
  z.strictObject({
    rule: z.literal("rejected-extensions"),
    extensions: z
      .array(z.string().regex(/^\.[a-z0-9]+$/, { message: 'must be a lower-case extension such as ".php"' }))
      .min(1),
    note,
    source: sourceKey,
  }),
  z.strictObject({ rule: z.literal("ascii-names"), note, source: sourceKey }),
  z.strictObject({ rule: z.literal("single-sco"), standards, note, source: sourceKey }),
  z.strictObject({ rule: z.literal("https-only"), note, source: sourceKey }),
]);
export type LmsLimit = z.infer<typeof limitSchema>;

const standard = z.enum(["scorm12", "scorm2004"]);
const base = { note: z.string().trim().min(1), source: sourceKey };

/** What the LMS records differs from what the SCO sent: judged by `coursepack test` after a session. */
const recordQuirkSchema: z.ZodType<RecordQuirk> = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("score-lost-when-status-first"), standards, ...base }),
  z.strictObject({
    kind: z.literal("commit-refused-before-terminate"),
    standards,
    error: z.string().regex(/^\d+$/),
    ...base,
  }),
  z.strictObject({ kind: z.literal("completes-on-exit-unless-content-sets-completion"), ...base }),
]);

/**
 * A runtime quirk written in the profile itself (profiles Coursepack ships name a simulated LMS
 * instead, src/shared/lms-quirks.ts); `source` is a key of the profile's sources.
 */
const runtimeQuirkSchema: z.ZodType<Quirk> = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("refuse"),
    standard,
    elements: z.array(z.string().regex(/^(cmi|adl)\./)).min(1),
    accept: regex.optional(),
    delimiters: z.array(z.string().min(1)).optional(),
    interactionTypes: z.array(z.string()).min(1).optional(),
    code: z.string().regex(/^\d+$/),
    source: sourceKey,
  }),
  z.strictObject({
    kind: z.literal("terminate-throws"),
    standard,
    element: z.string(),
    values: z.array(z.string()).min(1),
    source: sourceKey,
  }),
  z.strictObject({ kind: z.literal("late-commit-entry"), standard, entry: z.string(), source: sourceKey }),
  z.strictObject({
    kind: z.literal("api-late"),
    standard,
    ms: z.number().int().positive().max(10_000),
    source: sourceKey,
  }),
  z.strictObject({ kind: z.literal("empty-element"), standard, element: z.string(), source: sourceKey }),
]);

const adminSettingSchema = z.strictObject({
  /** Where the setting is, in the LMS's own words ("Site administration > Plugins > SCORM package"). */
  where: z.string().trim().min(1),
  setting: z.string().trim().min(1),
  value: z.string().trim().min(1),
  why: z.string().trim().min(1),
  source: sourceKey,
});

export const profileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: "must be a-z, 0-9 and -" }),
    name: z.string().trim().min(1),
    summary: z.string().trim().min(1),
    sources: z.record(sourceKey, sourceSchema),
    formats: z.strictObject({
      /** What the LMS imports. */
      accepts: z.array(z.enum(LMS_FORMATS)).min(1),
      /** The edition `scorm2004` builds (default: 3rd when accepted — the safe choice — else 4th). */
      scorm2004Edition: z.enum(["3rd", "4th"]).optional(),
      /** The format to choose for this LMS, and why. */
      recommended: z.enum(LMS_FORMATS),
      why: z.string().trim().min(1),
      sources,
    }),
    reporting: z
      .strictObject({
        /** The SCORM 1.2 status pair the LMS needs (course.yml's tracking.scorm12Status overrides it). */
        scorm12Status: z.enum(SCORM12_STATUS_PAIRS).optional(),
        /** Whether the manifest should carry the pass mark (course.yml overrides it). */
        masteryScoreInManifest: z.boolean().optional(),
        /** Exit value once complete (course.yml overrides it). */
        exitWhenComplete: z.enum(["normal", "suspend"]).optional(),
        why: z.string().trim().min(1),
        sources,
      })
      .optional(),
    launch: z.strictObject({
      /** Every way the LMS can open content; `coursepack test` runs each. The first is the usual one. */
      modes: z.array(z.enum(LAUNCH_MODES)).min(1),
      sources,
    }),
    limits: z.array(limitSchema).default([]),
    /** The simulated LMS whose API this LMS's behaves like (src/shared/lms-quirks.ts SIMULATED_LMS). */
    simulation: z
      .strictObject({
        lms: z.string().refine(isSimulatedLms, {
          message: `must name a simulated LMS: ${Object.keys(SIMULATED_LMS).join(", ")}`,
        }),
        sources,
      })
      .optional(),
    /** Runtime quirks of an LMS no simulation covers (a profile of your own). */
    runtime: z.array(runtimeQuirkSchema).default([]),
    /** What the LMS records differently from what the content sent. */
    quirks: z.array(recordQuirkSchema).default([]),
    admin: z.array(adminSettingSchema).default([]),
  })
  .superRefine((profile, ctx) => {
    const cited = new Set<string>();
    const cite = (key: string, path: (string | number)[]) => {
      cited.add(key);
      if (!(key in profile.sources))
        ctx.addIssue({ code: "custom", path, message: `cites "${key}", which is not one of the profile's sources` });
    };
    for (const [i, k] of profile.formats.sources.entries()) cite(k, ["formats", "sources", i]);
    for (const [i, k] of (profile.reporting?.sources ?? []).entries()) cite(k, ["reporting", "sources", i]);
    for (const [i, k] of profile.launch.sources.entries()) cite(k, ["launch", "sources", i]);
    for (const [i, k] of (profile.simulation?.sources ?? []).entries()) cite(k, ["simulation", "sources", i]);
    for (const [i, l] of profile.limits.entries()) cite(l.source, ["limits", i, "source"]);
    for (const [i, q] of profile.quirks.entries()) cite(q.source, ["quirks", i, "source"]);
    for (const [i, q] of profile.runtime.entries()) cite(q.source, ["runtime", i, "source"]);
    for (const [i, a] of profile.admin.entries()) cite(a.source, ["admin", i, "source"]);
    for (const key of Object.keys(profile.sources))
      if (!cited.has(key))
        ctx.addIssue({ code: "custom", path: ["sources", key], message: "is cited by no fact of the profile" });
    if (!profile.formats.accepts.includes(profile.formats.recommended))
      ctx.addIssue({
        code: "custom",
        path: ["formats", "recommended"],
        message: "must be one of the formats the LMS accepts",
      });
    const edition = profile.formats.scorm2004Edition;
    if (edition && !profile.formats.accepts.includes(`scorm2004-${edition}`))
      ctx.addIssue({
        code: "custom",
        path: ["formats", "scorm2004Edition"],
        message: `the LMS does not accept SCORM 2004 ${edition} edition`,
      });
  });

export type LmsProfile = z.infer<typeof profileSchema>;
export type LmsSource = LmsProfile["sources"][string];
export type AdminSetting = LmsProfile["admin"][number];
