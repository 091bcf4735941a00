/**
 * What a scenario states the LMS must have recorded, next to what it did record: one Check per
 * fact (status, score, interactions, bookmark, session end…). A scenario passes when every check
 * does. Expected and recorded values are words and numbers a reader of the report can compare.
 */

export interface Check {
  what: string;
  expected: string;
  recorded: string;
  ok: boolean;
  /** Passed, but worth a reader's attention (a package that does not talk to the LMS at all…). */
  warning?: boolean | undefined;
  /** Why it matters or what to do, shown when the check fails. */
  note?: string | undefined;
}

export class Checks {
  readonly list: Check[] = [];

  /** `recorded` must equal `expected`. */
  equal(what: string, expected: string, recorded: string | undefined, note?: string): this {
    return this.add(what, expected, recorded ?? "(nothing)", recorded === expected, note);
  }

  /** A check judged by the caller. */
  add(what: string, expected: string, recorded: string, ok: boolean, note?: string): this {
    this.list.push({ what, expected, recorded, ok, ...(note ? { note } : {}) });
    return this;
  }

  /** Not a failure, but shown as a warning. */
  warn(what: string, expected: string, recorded: string, note: string): this {
    this.list.push({ what, expected, recorded, ok: true, warning: true, note });
    return this;
  }

  /** Nothing of the kind happened (refused values, script errors…): the first few are listed. */
  none(what: string, found: string[], note?: string): this {
    const shown = found.slice(0, 5).join("; ") + (found.length > 5 ? `; and ${found.length - 5} more` : "");
    return this.add(what, "none", found.length ? shown : "none", found.length === 0, note);
  }

  get ok(): boolean {
    return this.list.every((c) => c.ok);
  }
}
