/**
 * Validates a YAML document against a schema and reports each problem at its exact place, in words
 * an author understands. zod gives typed results and paths; this file turns its issues into
 * `file:line:col` diagnostics (zod's own messages speak of types, not of course files).
 */
import { distance } from "fastest-levenshtein";
import type { z } from "zod";
import type { Diagnostics } from "../diagnostics.js";
import type { Source, SourcePath } from "../load/source.js";

type Issue = z.core.$ZodIssue;

/**
 * Every key a schema knows at any depth, with the mappings it belongs in (their keys joined by
 * dots, "" for the top), for "did you mean" suggestions and for a key written at the wrong depth.
 */
const keyCache = new WeakMap<object, Map<string, Set<string>>>();
function keysOf(schema: z.ZodType): Map<string, Set<string>> {
  let keys = keyCache.get(schema);
  if (keys) return keys;
  const found = new Map<string, Set<string>>();
  const seen = new Set<unknown>();
  const walk = (s: unknown, parent: string): void => {
    if (!s || typeof s !== "object" || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === "object") {
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        found.set(k, (found.get(k) ?? new Set()).add(parent));
        walk(v, parent ? `${parent}.${k}` : k);
      }
    }
    for (const child of ["innerType", "element", "in", "out", "valueType", "schema"]) walk(def[child], parent);
    if (Array.isArray(def.options)) for (const option of def.options) walk(option, parent);
  };
  walk(schema, "");
  keys = found;
  keyCache.set(schema, keys);
  return keys;
}

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
  const keys = keysOf(schema);
  for (const issue of result.error.issues) reportIssue(issue, source, diagnostics, what, base, keys);
  return undefined;
}

function reportIssue(
  issue: Issue,
  src: Source,
  d: Diagnostics,
  what: string,
  base: SourcePath,
  keys: Map<string, Set<string>>,
): void {
  const path = [...base, ...(issue.path as (string | number)[])];
  const name = label(path);
  switch (issue.code) {
    case "unrecognized_keys":
      for (const key of issue.keys) {
        d.error(
          src.keyPosition(path, key),
          `unknown key "${key}" in ${what}${suggest(key, label(path.filter((p) => typeof p === "string")), keys)}`,
        );
      }
      return;
    case "invalid_type":
      if (issue.input === undefined) {
        const parent = label(path.slice(0, -1));
        const key = String(path[path.length - 1]);
        d.error(
          src.position(path.slice(0, -1)),
          parent ? `"${parent}" is missing "${key}"` : `${what} is missing "${key}"`,
        );
      } else {
        d.error(src.position(path), `${q(name)} must be ${article(issue.expected)}, not ${describe(issue.input)}`);
      }
      return;
    case "invalid_value":
      d.error(src.position(path), `${q(name)} must be one of: ${issue.values.map(String).join(", ")}`);
      return;
    case "invalid_union":
      if (issue.discriminator && "options" in issue && issue.options) {
        const at = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
        d.error(src.position(at), `${q(label(at))} must be one of: ${issue.options.join(", ")}`);
      } else {
        d.error(src.position(path), `${q(name)} has an unexpected form`);
      }
      return;
    case "too_small":
    case "too_big":
      d.error(src.position(path), `${q(name)} ${sizeMessage(issue)}`);
      return;
    default:
      d.error(src.position(path), name ? `${q(name)} ${issue.message}` : issue.message);
  }
}

function sizeMessage(issue: Extract<Issue, { code: "too_small" | "too_big" }>): string {
  if (issue.message && !issue.message.startsWith("Too ")) return issue.message;
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case "string":
      return limit <= 1 && small ? "must not be empty" : `must be at ${small ? "least" : "most"} ${limit} characters`;
    case "array":
      return `must have at ${small ? "least" : "most"} ${limit} item${limit === 1 ? "" : "s"}`;
    default:
      return `must be ${small ? (issue.inclusive ? "at least" : "more than") : issue.inclusive ? "at most" : "less than"} ${limit}`;
  }
}

/** `["choices", 1, "text"]` → `choices[1].text` (0-based like YAML tools show). */
export function label(path: readonly (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${p}` : p), "");
}

function q(name: string): string {
  return name ? `"${name}"` : "the document";
}

function article(type: string): string {
  const names: Record<string, string> = { object: "a mapping (key: value lines)", array: "a list", string: "text" };
  return names[type] ?? `a ${type}`;
}

function describe(v: unknown): string {
  if (v === null) return "empty";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `text "${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

/** Where a known key belongs when it was written elsewhere, or the nearest known key. */
function suggest(key: string, at: string, vocabulary: Map<string, Set<string>>): string {
  const places = [...(vocabulary.get(key) ?? [])].filter((place) => place !== at);
  if (places.length > 0) {
    const where = places.map((place) => (place ? `under "${place}:"` : "at the top level")).slice(0, 2);
    return `; "${key}" belongs ${where.join(" or ")}`;
  }
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const known of vocabulary.keys()) {
    const dist = distance(key.toLowerCase(), known.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [known, dist];
  }
  return best ? ` (did you mean "${best}"?)` : "";
}
