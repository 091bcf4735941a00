/**
 * "Did you mean" for every name an author or a user types: keys, choices, blocks, attributes,
 * strings, LMS ids, commands, options. One rule everywhere: the nearest known name, ignoring case,
 * when it is a typo away (at most 2 edits, or a third of the word's length for longer words).
 */
import { distance } from "fastest-levenshtein";

export function nearest(
  written: string,
  known: Iterable<string>,
  /** How many edits away a name may be; file paths pass less, since their folders and extension match anyway. */
  most = Math.max(2, Math.floor(written.length / 3)),
): string | undefined {
  let best: string | undefined;
  let bestDistance = most + 1;
  for (const candidate of known) {
    const dist = distance(written.toLowerCase(), candidate.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [candidate, dist];
  }
  return best;
}

/** ` (did you mean "x"?)` for the nearest known name, or "" when none is near. */
export function didYouMean(written: string, known: Iterable<string>): string {
  return youMeant(nearest(written, known));
}

/** ` (did you mean "x"?)` for a suggestion found another way, or "" without one. */
export function youMeant(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
}
