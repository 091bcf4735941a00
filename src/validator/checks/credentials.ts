/**
 * LRS credentials shipped inside an xAPI or cmi5 package (checklist #52; LiaScript's exporter, for
 * one, can bake Basic auth into a package): anyone who downloads the package can then write
 * statements as anyone. The LMS hands endpoint and auth over at launch, so a package never needs
 * them. Only literal values count: code that reads `endpoint` and `auth` from the launch URL is fine.
 */
import type { Findings } from "../findings.js";
import { isJunk } from "../package/names.js";
import type { PackageView } from "../package/view.js";
import { once } from "../../shared/once.js";
import { textOf } from "../package/text.js";

const SCANNED = /\.(html?|xhtml|js|mjs|cjs|json|xml|txt|cfg|conf|ini|env|ya?ml|properties)$/i;
const MAX_SCANNED_BYTES = 8 * 1024 ** 2;
/** Enough to locate the problem in a minified file without flooding the report. */
const MAX_PER_FILE = 3;

interface Pattern {
  regex: RegExp;
  /** Describes a match, or undefined when it is not a credential after all. */
  describe(match: RegExpExecArray, text: string): string | undefined;
  severity: "credentials-in-package" | "hardcoded-lrs-endpoint";
}

const redact = (secret: string) => `${secret.slice(0, 4)}…`;

const ENDPOINT_LITERAL = /\bendpoint["']?\s*[:=]\s*["'](https?:\/\/[^"'\s]+)["']/gi;

const PATTERNS: Pattern[] = [
  {
    // https://user:password@lrs.example.com/
    regex: /\b(?:https?|wss?|ftp):\/\/([^\s/?#@"'<>:]+):([^\s/?#@"'<>]+)@/gi,
    describe: (m) => `a URL with a user name and password ("${m[1]}:${redact(m[2]!)}@")`,
    severity: "credentials-in-package",
  },
  {
    // Authorization: Basic dXNlcjpwYXNz
    regex: /\bBasic\s+([A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])/g,
    describe: (m) =>
      /^[\x20-\x7e]+:[\x20-\x7e]*$/.test(Buffer.from(m[1]!, "base64").toString("latin1"))
        ? `an HTTP Basic credential ("Basic ${redact(m[1]!)}")`
        : undefined,
    severity: "credentials-in-package",
  },
  {
    // A Tin Can launch link copied into the content: ?endpoint=…&auth=…
    regex: /[?&]auth=([^&\s"'<>]{8,})/g,
    describe: (m) => `a launch URL with an auth token ("auth=${redact(m[1]!)}")`,
    severity: "credentials-in-package",
  },
  {
    // TinCanJS-style configuration: { endpoint: "https://…", username: "…", password: "…" }
    regex: /\b(password|secret|lrs_?secret|lrs_?password)["']?\s*[:=]\s*["']([^"'\s]{3,})["']/gi,
    describe: (m, text) =>
      new RegExp(ENDPOINT_LITERAL.source, "i").test(text)
        ? `an LRS ${m[1]!.toLowerCase()} next to a hard-coded endpoint ("${redact(m[2]!)}")`
        : undefined,
    severity: "credentials-in-package",
  },
  {
    regex: ENDPOINT_LITERAL,
    describe: (m) => `a hard-coded LRS endpoint (${m[1]})`,
    severity: "hardcoded-lrs-endpoint",
  },
];

/** A credential or endpoint found in a file's text. */
interface Hit {
  severity: Pattern["severity"];
  line: number;
  what: string;
}

/**
 * Hits by the bytes scanned: the build checks every format's package from memory, and they share
 * one Buffer for the page (of the default course, 264 KB scanned six times per language).
 */
const hitsByContent = new WeakMap<Buffer, Hit[]>();

export async function scanForCredentials(view: PackageView, findings: Findings): Promise<void> {
  for (const file of view.files) {
    if (!SCANNED.test(file.name) || file.size > MAX_SCANNED_BYTES || isJunk(file.name)) continue;
    const bytes = await view.read(file.name).catch(() => undefined);
    if (bytes === undefined) continue;
    for (const hit of once(hitsByContent, bytes, () => hitsIn(textOf(bytes)))) {
      const message =
        hit.severity === "credentials-in-package"
          ? `${view.real(file.name)} contains ${hit.what}; anyone who gets the package can use it`
          : `${view.real(file.name)} contains ${hit.what}; the LMS's endpoint from the launch URL should be used`;
      findings.add(hit.severity, { file: view.real(file.name), line: hit.line }, message);
    }
  }
}

function hitsIn(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const pattern of PATTERNS) {
    const regex = new RegExp(pattern.regex.source, pattern.regex.flags);
    for (let m = regex.exec(text); m && hits.length < MAX_PER_FILE; m = regex.exec(text)) {
      const what = pattern.describe(m, text);
      if (!what) continue;
      hits.push({ severity: pattern.severity, line: text.slice(0, m.index).split("\n").length, what });
    }
  }
  return hits;
}
