/** Command-line usage and its errors. */
import { FORMAT_IDS, type FormatId } from "../shared/course-data.js";
import { didYouMean } from "../shared/nearest.js";
import type { Command } from "./command.js";

export class UsageError extends Error {
  constructor(
    message: string,
    /** The message already names the help to read, so the general pointer is not added. */
    readonly namesHelp = false,
  ) {
    super(message);
  }
}

/**
 * `value` when it is one of `choices`; else a usage error that lists them and names the nearest,
 * e.g. unknown format "scorm1.2" (did you mean "scorm12"?); choose from web, scorm12, …
 */
export function oneOf<T extends string>(value: string, choices: readonly T[], noun: string, option?: string): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `unknown ${noun} "${value}"${option ? ` for ${option}` : ""}${didYouMean(value, choices)}; choose from ${choices.join(", ")}`,
  );
}

/** The items of a comma-separated option value (`de, fr` → de and fr), or undefined without one. */
export function commaList(value: string | undefined): string[] | undefined {
  return value
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The formats of a comma-separated --format value (undefined when the option is not given). */
export function formatList(value: string | undefined): FormatId[] | undefined {
  return commaList(value)?.map((f) => oneOf(f, FORMAT_IDS, "format"));
}

/**
 * node:util's parseArgs error for an option the command does not have, in our words, with the
 * nearest of the options its help lists.
 */
export function unknownOptionError(error: Error, command: Command): UsageError {
  // Node 20–24 word it "Unknown option '--outt'. To specify a positional argument …".
  const written = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  const name = command.names[0];
  const options = [...new Set(command.usage.match(/--[a-z][a-z0-9-]*/g) ?? []), "--quiet", "--help"];
  // An option of another of the command's forms (translate import's --course given to translate status).
  if (options.includes(written))
    return new UsageError(
      `option "${written}" does not go with this form of coursepack ${name}; \`coursepack ${name} --help\` shows which form takes it`,
      true,
    );
  return new UsageError(
    `unknown option "${written}" for coursepack ${name}${didYouMean(written, options)}; \`coursepack ${name} --help\` lists its options`,
    true,
  );
}

/** The whole help text, made from every command's own usage block. */
export function usage(commands: readonly Command[]): string {
  return `Coursepack: build e-learning packages from Markdown lessons and YAML quizzes.

Usage:
${commands.map((c) => c.usage).join("\n")}
  coursepack <command> --help Show one command's help.
  -q, --quiet                 With any command: print only problems (and --json output).
  NO_COLOR=1 / FORCE_COLOR=1  Turn colours off / on (default: on in a terminal).
  coursepack --help           Show this help.
  coursepack --version        Show the version.

Exit codes: 0 success, 1 errors (each printed as file:line:col: error: message;
validate prints file:line: error [checklist #N] message — fix; docs/lms-checklist.md#N
explains checklist item N).
`;
}
