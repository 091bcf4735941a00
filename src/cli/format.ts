/** Terminal output helpers: sizes, durations, colour when wanted, and the quiet switch. */

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

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
