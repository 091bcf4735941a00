/**
 * Validates a YAML document against a schema and reports each problem at its exact place, in words
 * an author understands (shared/schema-issues.ts words them), as `file:line:col` diagnostics.
 */
import type { z } from "zod";
import { issueReports } from "../../shared/schema-issues.js";
import type { Diagnostics } from "../diagnostics.js";
import type { Source, SourcePath } from "../load/source.js";

export function validateSource<S extends z.ZodType>(
  schema: S,
  source: Source,
  diagnostics: Diagnostics,
  what: string,
  base: SourcePath = [],
  value: unknown = source.value,
): z.infer<S> | undefined {
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (result.success) return result.data;
  for (const { path, key, message } of issueReports(schema, result.error.issues, what, base))
    diagnostics.error(key === undefined ? source.position(path) : source.keyPosition(path, key), message);
  return undefined;
}
