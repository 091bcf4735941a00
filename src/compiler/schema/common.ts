/** Building blocks shared by the course, lesson, quiz and question schemas. */
import { z } from "zod";

export const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

/** Stable ids: LMS reports and saved learner state key on them, and they must be NCName-safe. */
export const idSchema = z.string().max(64, { message: "must be at most 64 characters" }).regex(ID_PATTERN, {
  message: "must start with a lowercase letter and use only a-z, 0-9, '-' and '_' (for example \"pipeline-basics\")",
});

/**
 * Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE/U+FFFF, unpaired
 * surrogates). Titles and descriptions go into every manifest, where one makes the package invalid;
 * they usually arrive by copying text from a terminal or a PDF, or as a YAML escape like "\a".
 */
const NOT_IN_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Refuses text that holds a character no manifest can carry, naming it and where it is. */
export function refuseControlCharacters(text: string, ctx: z.core.$RefinementCtx<string>): void {
  const match = NOT_IN_XML.exec(text);
  if (!match) return;
  const code = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  ctx.addIssue({
    code: "custom",
    message: `must not contain the control character ${code} (character ${match.index + 1} of the text): delete it; LMSs refuse manifests that carry it`,
  });
}

export const textSchema = z
  .string()
  .trim()
  .min(1, { message: "must not be empty" })
  .superRefine(refuseControlCharacters);

export const percentSchema = z.number().min(0).max(100);

export const positiveMinutes = z.number().positive();
