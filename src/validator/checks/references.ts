/**
 * References from a manifest to files in the package (SCORM hrefs with their xml:base, cmi5 AU
 * urls, Tin Can launch paths): resolved like a browser would inside the package root, and checked
 * to exist byte for byte (checklist #3, #6).
 */
import type { FindingCode, Findings, Where } from "../findings.js";
import type { PackageView } from "../package/view.js";

export type Reference =
  /** An absolute URL: content hosted outside the package. */
  | { kind: "url"; url: string }
  /** Starts with "/": resolves against the LMS server root, not the package. */
  | { kind: "rooted" }
  /** Climbs above the package root with "..". */
  | { kind: "outside" }
  | { kind: "path"; path: string; query: string };

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Resolves `href` against xml:base values, outermost first (RFC 3986 merge for relative paths). */
export function parseReference(href: string, bases: string[] = []): Reference {
  const [, pathPart = "", query = ""] = /^([^?#]*)(.*)$/s.exec(href) ?? [];
  if (SCHEME.test(href)) return { kind: "url", url: href };
  if (href.startsWith("/")) return { kind: "rooted" };
  let dir = "";
  for (const base of bases) {
    if (SCHEME.test(base)) return { kind: "url", url: base + href };
    if (base.startsWith("/")) return { kind: "rooted" };
    const joined = dir + base;
    dir = joined.slice(0, joined.lastIndexOf("/") + 1);
  }
  const segments: string[] = [];
  for (const segment of (dir + pathPart).split("/")) {
    if (segment === "." || segment === "") continue;
    if (segment === "..") {
      if (segments.length === 0) return { kind: "outside" };
      segments.pop();
    } else segments.push(segment);
  }
  return { kind: "path", path: segments.join("/"), query };
}

export interface ReferenceCheck {
  view: PackageView;
  findings: Findings;
  /** Where the reference is written (the manifest and line). */
  where: Where;
  /** What the reference is, for messages: "file", "launch file", "AU url"… */
  what: string;
  /** Checklist item to cite for a missing file. */
  checklist?: number;
}

/**
 * Checks that a relative reference names a file of the package. Returns the package path it
 * names (also when only nearly matching), so callers can count the file as referenced.
 */
export function checkPackagePath(
  ref: Reference & { kind: "path" },
  raw: string,
  check: ReferenceCheck,
): string | undefined {
  const { view, findings, where, what } = check;
  if (view.scope === "document") return undefined;
  const missing = (code: FindingCode, message: string) =>
    findings.add(
      code,
      where,
      message,
      check.checklist === undefined || code !== "missing-file" ? {} : { checklist: check.checklist },
    );
  if (ref.path === "") {
    missing("missing-file", `${what} "${raw}" names no file`);
    return undefined;
  }
  const found = view.lookup(ref.path);
  if (found.found) return found.name;
  if (found.near?.by === "case") {
    missing(
      "href-case-mismatch",
      `${what} "${raw}" does not match the file "${view.real(found.near.name)}" in letter case; case-sensitive servers will not find it`,
    );
    return found.near.name;
  }
  if (found.near?.by === "encoding") {
    missing(
      "href-encoded",
      `${what} "${raw}" is URL-encoded but the file is named "${view.real(found.near.name)}"; some LMSs look for the encoded name`,
    );
    return found.near.name;
  }
  missing(
    "missing-file",
    `${what} "${raw}" is not in the package${ref.path !== raw ? ` (looked for "${view.real(ref.path)}")` : ""}`,
  );
  return undefined;
}

/** Reports references that cannot point into the package; true when the reference was bad. */
export function reportUnusable(
  ref: Reference,
  raw: string,
  check: ReferenceCheck,
  code: FindingCode = "missing-file",
): boolean {
  const checklist = check.checklist === undefined ? {} : { checklist: check.checklist };
  if (ref.kind === "rooted") {
    check.findings.add(
      code,
      check.where,
      `${check.what} "${raw}" starts with "/", so it points at the LMS server's root, not into the package`,
      { fix: 'write the path relative to the package root, without a leading "/"', ...checklist },
    );
    return true;
  }
  if (ref.kind === "outside") {
    check.findings.add(code, check.where, `${check.what} "${raw}" climbs out of the package with ".."`, {
      fix: 'write the path relative to the package root, without ".." segments',
      ...checklist,
    });
    return true;
  }
  return false;
}
