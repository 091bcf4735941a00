/** Command-line usage and its errors. */
import type { Command } from "./command.js";

export class UsageError extends Error {}

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
