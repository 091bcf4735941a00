/** Terminal output helpers: sizes, durations, colour when wanted, the quiet switch, doc pointers. */
import path from "node:path";
import { PACKAGE_ROOT } from "../shared/node/paths.js";

/**
 * Colour follows the common conventions: FORCE_COLOR (any value but 0/false) turns it on, NO_COLOR
 * (any non-empty value, no-color.org) off; otherwise only when stdout is a terminal.
 */
export function colorWanted(env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stdout.isTTY)): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR) return false;
  return isTTY;
}

const useColor = colorWanted();

const paint = (code: number) => (s: string) => (useColor ? `\u001b[${code}m${s}\u001b[0m` : s);
export const bold = paint(1);
export const dim = paint(2);
export const red = paint(31);
export const green = paint(32);
export const yellow = paint(33);

let quiet = false;

/** `--quiet`: commands print only problems (warnings, errors) and machine output (`--json`). */
export function setQuiet(value: boolean): void {
  quiet = value;
}

/** A line of the human report on stdout; silent with --quiet. */
export function info(...parts: unknown[]): void {
  if (!quiet) console.log(...parts);
}

/** A line of the human report on stderr, for commands whose stdout carries --json; silent with --quiet. */
export function infoOnStderr(...parts: unknown[]): void {
  if (!quiet) console.error(...parts);
}

export function isQuiet(): boolean {
  return quiet;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** The checklist that `[checklist #N]` in findings refers to, as the repository and the npm package hold it. */
const CHECKLIST_DOC = "docs/lms-checklist.md";

/**
 * Where the checklist items cited by findings are explained (what goes wrong, what to do, sources):
 * one line of `docs/lms-checklist.md#N` links and the file's path in this install; undefined when
 * no finding cites one.
 */
export function checklistPointer(findings: readonly { checklist?: number }[]): string | undefined {
  const items = [...new Set(findings.flatMap((f) => (f.checklist === undefined ? [] : [f.checklist])))];
  if (items.length === 0) return undefined;
  const links = items.sort((a, b) => a - b).map((n) => `${CHECKLIST_DOC}#${n}`);
  return `${dim("Checklist items cited:")} ${links.join(", ")} ${dim("(what goes wrong, what to do, sources)")}\n  ${dim(`in this install: ${path.join(PACKAGE_ROOT, CHECKLIST_DOC)}`)}`;
}
