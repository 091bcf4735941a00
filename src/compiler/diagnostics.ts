/**
 * Diagnostics: every problem found in a course, with the place it was found, so authors can fix
 * all of them in one go. Formatted like compilers do: `path:line:col: error: message`.
 */
import path from "node:path";
import { compareIn } from "../shared/collate.js";

export type Severity = "error" | "warning";

export interface Position {
  /** Absolute file path. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

export interface Diagnostic extends Position {
  severity: Severity;
  message: string;
}

export class Diagnostics {
  readonly list: Diagnostic[] = [];

  error(at: Position, message: string): void {
    this.list.push({ ...at, severity: "error", message });
  }

  warning(at: Position, message: string): void {
    this.list.push({ ...at, severity: "warning", message });
  }

  get errorCount(): number {
    return this.list.filter((d) => d.severity === "error").length;
  }

  get warningCount(): number {
    return this.list.length - this.errorCount;
  }

  /** Sorted by file, then position; errors and warnings interleaved as they occur in the file. */
  sorted(): Diagnostic[] {
    return sortDiagnostics(this.list);
  }
}

// English collation whatever the machine's locale, so every machine lists a build's messages alike.
const byFileName = compareIn("en");

/** `list` by file, then position. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => byFileName(a.file, b.file) || a.line - b.line || a.col - b.col);
}

export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const rel = path.relative(cwd, d.file) || d.file;
  return `${rel}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}

/** Thrown when the build must stop; carries the diagnostics collected so far. */
export class BuildFailed extends Error {
  constructor(readonly diagnostics: Diagnostics) {
    super(`${diagnostics.errorCount} error(s)`);
  }
}

/** Position of a whole file (for problems that are about the file itself). */
export function fileStart(file: string): Position {
  return { file, line: 1, col: 1 };
}
