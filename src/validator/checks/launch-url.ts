/**
 * Launch URLs of cmi5 AUs and Tin Can activities: an absolute URL that parses, or a path inside
 * the package that exists; never a query parameter the LMS adds itself (checklist #61).
 */
import type { Findings, Where } from "../findings.js";
import type { PackageView } from "../package/view.js";
import { checkPackagePath, parseReference, reportUnusable } from "./references.js";

/** Characters that cannot appear in a URI, even in a lenient reading. */
const NOT_IN_URI = /[\s<>"{}|\\^`]/;

export interface LaunchUrlCheck {
  view: PackageView;
  findings: Findings;
  where: Where;
  /** "AU url", "launch"… */
  what: string;
  checklist: number;
  /** Query parameters reserved for the LMS, and the checklist item that says so. */
  reserved: readonly string[];
  reservedChecklist: number;
  /** Whether an absolute URL (content outside the package) deserves a warning. */
  warnAbsolute: boolean;
}

export function checkLaunchUrl(raw: string, check: LaunchUrlCheck): void {
  const { findings, where, what, checklist } = check;
  const invalid = (message: string) => findings.add("launch-url-invalid", where, message, { checklist });
  if (raw === "") return invalid(`${what} is empty`);
  if (NOT_IN_URI.test(raw))
    return invalid(`${what} "${raw}" is not a valid URL: it contains a space or a character URLs cannot hold`);
  const ref = parseReference(raw);
  let query = "";
  if (ref.kind === "url") {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return invalid(`${what} "${raw}" is not a valid absolute URL`);
    }
    query = url.search;
    if (check.warnAbsolute)
      findings.add(
        "launch-outside-package",
        where,
        `${what} "${raw}" is an absolute URL, so the LMS launches content outside the package`,
        { checklist },
      );
  } else if (ref.kind === "path") {
    query = ref.query.replace(/#.*$/s, "");
    if (check.view.scope === "document") {
      findings.add(
        "relative-url-without-package",
        where,
        `${what} "${raw}" is relative, but there is no package for it to point into: a course structure imported on its own needs absolute URLs`,
        { checklist },
      );
    } else {
      checkPackagePath(ref, raw, { view: check.view, findings, where, what, checklist });
    }
  } else if (reportUnusable(ref, raw, { view: check.view, findings, where, what, checklist }, "launch-url-invalid")) {
    return;
  }
  const params = new URLSearchParams(query.replace(/^\?/, ""));
  for (const name of check.reserved) {
    if (params.has(name)) {
      findings.add(
        "launch-url-reserved-parameter",
        where,
        `${what} "${raw}" already has a "${name}" parameter, which collides with the one the LMS adds at launch`,
        { checklist: check.reservedChecklist },
      );
    }
  }
}
