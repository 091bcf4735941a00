/**
 * zod's issues in words an author understands, each with the path of the value (or the key) it is
 * about: zod's own messages speak of types, not of course files. The compiler places them in course
 * files (compiler/schema/validate.ts), the LMS profiles in profile files.
 */
import type { z } from "zod";
import { didYouMean } from "./nearest.js";

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

export type IssuePath = readonly (string | number)[];

/** One problem: at the value at `path`, or at the key `key` of the mapping at `path`. */
export interface IssueReport {
  path: IssuePath;
  key?: string;
  message: string;
}

/**
 * @param what the document, for messages ("course.yml", "quiz")
 * @param base where the validated value sits in its document
 */
export function issueReports(
  schema: z.ZodType,
  issues: readonly Issue[],
  what: string,
  base: IssuePath = [],
): IssueReport[] {
  const keys = keysOf(schema);
  return issues.flatMap((issue) => reportsOf(issue, what, base, keys));
}

function reportsOf(issue: Issue, what: string, base: IssuePath, keys: Map<string, Set<string>>): IssueReport[] {
  const path = [...base, ...(issue.path as (string | number)[])];
  const name = label(path);
  const at = (message: string, where: IssuePath = path): IssueReport[] => [{ path: where, message }];
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path,
        key,
        message: `unknown key "${key}" in ${what}${suggest(key, label(path.filter((p) => typeof p === "string")), keys)}`,
      }));
    case "invalid_type":
      if (issue.input === undefined) {
        const parent = label(path.slice(0, -1));
        const key = String(path[path.length - 1]);
        return at(parent ? `"${parent}" is missing "${key}"` : `${what} is missing "${key}"`, path.slice(0, -1));
      }
      return at(
        `${q(name)} must be ${article(issue.expected)}, not ${describe(issue.input)}${hint(issue.expected, issue.input)}`,
      );
    case "invalid_value": {
      const choices = issue.values.map(String).join(", ");
      if (issue.input !== undefined || path.length === 0)
        return at(`${q(name)} must be one of: ${choices}${nearestChoice(issue.input, issue.values)}`);
      // A required choice left out (or its key misspelt): said like any missing key.
      const parent = label(path.slice(0, -1));
      const key = String(path[path.length - 1]);
      return at(`${parent ? `"${parent}"` : what} is missing "${key}" (one of: ${choices})`, path.slice(0, -1));
    }
    case "invalid_union":
      if (issue.discriminator && "options" in issue && issue.options) {
        const where = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
        const written = (issue.input as Record<PropertyKey, unknown> | undefined)?.[issue.discriminator];
        return at(
          `${q(label(where))} must be one of: ${issue.options.join(", ")}${nearestChoice(written, issue.options)}`,
          where,
        );
      }
      return at(`${q(name)} has an unexpected form`);
    case "too_small":
    case "too_big":
      return at(`${q(name)} ${sizeMessage(issue)}`);
    default:
      return at(name ? `${q(name)} ${issue.message}` : issue.message);
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

/** YAML 1.1's booleans: course files are YAML 1.2, which reads them as text. */
const YAML11_BOOLEANS: Record<string, boolean> = { yes: true, y: true, on: true, no: false, n: false, off: false };

/**
 * How to write the value that was meant, when the text says it: `correct: yes` (true in YAML 1.1,
 * text in YAML 1.2), a quoted `"true"` or `"80"`, `passingScore: 80%`.
 */
function hint(expected: string, input: unknown): string {
  if (typeof input !== "string") return "";
  const word = input.trim().toLowerCase();
  if (expected === "boolean") {
    if (word === "true" || word === "false") return `; write ${word} without quotes`;
    const meant = YAML11_BOOLEANS[word];
    return meant === undefined ? "" : `; write ${meant} (${input} is text in YAML 1.2)`;
  }
  if (expected === "number") {
    const number = word.replace(/\s*%$/, "");
    if (number !== "" && Number.isFinite(Number(number)))
      return number === word ? `; write ${number} without quotes` : `; write ${number}, without the %`;
  }
  return "";
}

/** Where a known key belongs when it was written elsewhere, or the nearest known key. */
function suggest(key: string, at: string, vocabulary: Map<string, Set<string>>): string {
  const places = [...(vocabulary.get(key) ?? [])].filter((place) => place !== at);
  if (places.length > 0) {
    const where = places.map((place) => (place ? `under "${place}:"` : "at the top level")).slice(0, 2);
    return `; "${key}" belongs ${where.join(" or ")}`;
  }
  return didYouMean(key, vocabulary.keys());
}

/** A choice close to what was written (`scorm1.2` → scorm12), as " (did you mean …?)", or "". */
function nearestChoice(written: unknown, choices: readonly unknown[]): string {
  return typeof written === "string" ? didYouMean(written, choices.map(String)) : "";
}
