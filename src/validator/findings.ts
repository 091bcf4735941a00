/**
 * What `coursepack validate` reports: one finding per problem, each with a stable code, the
 * checklist item it relates to (/docs/validate.md lists every code; the numbers are those of the
 * LMS compatibility checklist, sections A–I) and how to fix it.
 */

export type Severity = "error" | "warning";

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** Item of the LMS compatibility checklist this finding relates to. */
  checklist?: number;
  /** Path inside the package ("" for the package as a whole). */
  file: string;
  line?: number;
  message: string;
  fix: string;
  /** For a limit of one LMS (`validate --lms`): the profile and the source that states the limit. */
  lms?: LmsCitation | undefined;
}

export interface LmsCitation {
  /** Profile id. */
  profile: string;
  /** The LMS's name. */
  name: string;
  source: { title: string; url?: string | undefined };
}

interface CodeInfo {
  severity: Severity;
  checklist?: number;
  /** The usual fix; a finding may give a more specific one. */
  fix: string;
}

/** Every finding code with its default severity, checklist item and fix. */
export const CODES = {
  // The input itself
  "not-found": { severity: "error", fix: "check the path" },
  "not-a-package": { severity: "error", fix: "give a .zip package, its unzipped folder, or a manifest XML file" },
  "zip-corrupt": { severity: "error", fix: "zip the package again" },
  "zip-too-large": {
    severity: "error",
    fix: "keep packages well under 2 GB uncompressed; host large media outside the package",
  },
  "zip-too-many-entries": { severity: "error", fix: "ship fewer files (bundle scripts, use sprites)" },
  "zip-bomb": { severity: "error", fix: "this archive expands far beyond its size; rebuild it from the real files" },
  "validator-failed": {
    severity: "error",
    fix: "a Coursepack bug: please report it with the package; the other packages were validated",
  },
  "package-empty": { severity: "error", fix: "add the course files" },
  // Zip entries and file names (checklist #2, #3)
  "unsafe-zip-entry": {
    severity: "error",
    checklist: 2,
    fix: 'zip entry names must be relative, use "/" only, and contain no ".." segment or drive letter',
  },
  "zip-symlink": {
    severity: "error",
    checklist: 2,
    fix: "zip the files themselves, not symbolic links to them (zip -r without -y; most zip tools do so by default)",
  },
  "duplicate-zip-entry": { severity: "error", checklist: 2, fix: "zip each file once" },
  "zip-compression-method": { severity: "error", checklist: 2, fix: "use Deflate or Stored compression only" },
  "zip-encrypted": { severity: "error", checklist: 2, fix: "zip the package without a password" },
  zip64: {
    severity: "warning",
    checklist: 2,
    fix: "write a plain (32-bit) zip unless the package exceeds 4 GB or 65,535 files",
  },
  "unsafe-file-name": {
    severity: "warning",
    checklist: 3,
    fix: 'rename files to letters, digits, ".", "_" and "-" only, and update every reference',
  },
  "file-name-case-clash": {
    severity: "warning",
    checklist: 3,
    fix: "give files names that differ by more than letter case",
  },
  "windows-reserved-name": {
    severity: "warning",
    checklist: 3,
    fix: "rename the file (CON, PRN, AUX, NUL, COM1–9 and LPT1–9 are device names on Windows, with any extension; no name may end with a dot or space) and update every reference",
  },
  "junk-file": { severity: "warning", fix: "zip without operating-system metadata (__MACOSX/, .DS_Store, Thumbs.db)" },
  symlink: { severity: "warning", fix: "replace symbolic links with the files themselves" },
  "file-unreadable": { severity: "error", fix: "zip the package again with Deflate or Stored compression" },
  // Finding the manifest (checklist #1)
  "no-manifest": {
    severity: "error",
    checklist: 1,
    fix: "put imsmanifest.xml (SCORM), cmi5.xml (cmi5) or tincan.xml (xAPI) at the root of the zip",
  },
  "manifest-not-at-root": {
    severity: "error",
    checklist: 1,
    fix: "zip the contents of the folder, not the folder itself",
  },
  "manifest-name-case": {
    severity: "error",
    checklist: 1,
    fix: "name the file exactly imsmanifest.xml, cmi5.xml or tincan.xml (lower case)",
  },
  "several-manifests": {
    severity: "warning",
    checklist: 1,
    fix: "ship one manifest per package, so every LMS imports it as the same standard",
  },
  "wrong-standard": { severity: "error", fix: "build the package for the format you meant" },
  // XML
  "xml-malformed": { severity: "error", fix: "fix the XML syntax" },
  "xml-entities": {
    severity: "error",
    fix: "remove the DOCTYPE and its <!ENTITY> declarations: manifests need none, and LMSs refuse them or expand them without limit (billion laughs, external entities)",
  },
  "xsd-invalid": { severity: "error", checklist: 5, fix: "make the document match the official schema" },
  "manifest-structure": { severity: "error", fix: "follow the standard's manifest structure" },
  // SCORM content packaging (checklist #4–#10)
  "scorm-version-mismatch": {
    severity: "error",
    checklist: 5,
    fix: "use the namespaces and schemaversion of one SCORM version",
  },
  "schemaversion-missing": {
    severity: "warning",
    checklist: 5,
    fix: "declare <schemaversion> (1.2, 2004 3rd Edition or 2004 4th Edition)",
  },
  "scormtype-casing": {
    severity: "error",
    checklist: 5,
    fix: "SCORM 1.2 uses adlcp:scormtype, SCORM 2004 uses adlcp:scormType",
  },
  "duplicate-identifier": { severity: "error", checklist: 4, fix: "give every element its own identifier" },
  "identifier-not-ncname": {
    severity: "error",
    checklist: 4,
    fix: 'start identifiers with a letter or "_" and use only letters, digits, ".", "_" and "-"',
  },
  "unresolved-identifierref": {
    severity: "error",
    checklist: 4,
    fix: "point identifierref at the identifier of an existing resource",
  },
  "bad-default-organization": {
    severity: "error",
    checklist: 4,
    fix: "set organizations/@default to the identifier of an organization",
  },
  "missing-file": { severity: "error", checklist: 6, fix: "add the file to the package or correct the reference" },
  "href-case-mismatch": {
    severity: "error",
    checklist: 3,
    fix: "make the href byte-identical to the file name (LMS servers are case-sensitive)",
  },
  "href-encoded": {
    severity: "warning",
    checklist: 3,
    fix: "make the href byte-identical to the file name: rename the file to a safe name instead of URL-encoding it",
  },
  "file-not-listed": {
    severity: "warning",
    checklist: 6,
    fix: "list the file in a <file href> of the resource that uses it, or remove it",
  },
  "xml-base": {
    severity: "warning",
    checklist: 7,
    fix: "remove xml:base and write the full relative path in each href",
  },
  "schema-not-shipped": {
    severity: "warning",
    checklist: 6,
    fix: "ship the schema file at the package root, or remove it from xsi:schemaLocation",
  },
  "no-launchable-item": { severity: "error", fix: "reference a resource with an href from at least one item" },
  masteryscore: {
    severity: "warning",
    checklist: 9,
    fix: "remove adlcp:masteryscore unless it equals the course's own pass mark and the course always sends a score",
  },
  "sequencing-defaults": {
    severity: "warning",
    checklist: 8,
    fix: 'add <imsss:sequencing><imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/></imsss:sequencing> to the item',
  },
  "satisfied-by-measure": {
    severity: "warning",
    checklist: 8,
    fix: 'remove satisfiedByMeasure="true" unless the LMS should decide pass/fail from the score',
  },
  "multiple-scos": {
    severity: "warning",
    checklist: 10,
    fix: "ship one SCO per package (one package per module); several LMSs show only the first SCO",
  },
  "metadata-too-long": {
    severity: "warning",
    fix: "shorten the text; LMSs truncate or reject values over the SCORM limits",
  },
  // cmi5 (checklist #61, #70) and xAPI Tin Can launch (#52, #54)
  "iri-not-absolute": {
    severity: "error",
    checklist: 70,
    fix: "use an absolute IRI with a scheme you control, e.g. https://example.com/courses/my-course",
  },
  "launch-url-invalid": {
    severity: "error",
    checklist: 70,
    fix: "write the launch URL as a path relative to the package root, or as a valid absolute URL",
  },
  "relative-url-without-package": {
    severity: "error",
    checklist: 70,
    fix: "zip the course structure with its content, or use absolute URLs",
  },
  "launch-url-reserved-parameter": {
    severity: "error",
    checklist: 61,
    fix: "remove that parameter from the launch URL; the LMS adds its launch parameters (endpoint, fetch or auth, actor, registration, activity id) itself",
  },
  "launch-count": { severity: "error", checklist: 54, fix: "declare exactly one activity with a <launch> element" },
  "launch-outside-package": {
    severity: "warning",
    checklist: 54,
    fix: "launch a file inside the package with a relative path",
  },
  "several-tincan-xml": { severity: "error", checklist: 54, fix: "ship exactly one tincan.xml" },
  "credentials-in-package": {
    severity: "error",
    checklist: 52,
    fix: "remove LRS credentials from the package: the LMS passes endpoint and auth at launch",
  },
  "build-stamp-unreadable": {
    severity: "warning",
    fix: "rebuild the package with Coursepack; coursepack-build.json is written by the build",
  },
  "build-stamp-mismatch": {
    severity: "warning",
    fix: "rebuild the package instead of editing its files, so support can tell which build a learner took",
  },
  "hardcoded-lrs-endpoint": {
    severity: "warning",
    checklist: 52,
    fix: "read the LRS endpoint from the launch URL instead of hard-coding it",
  },
  // Limits of one LMS (validate --lms, from its profile)
  "lms-format": { severity: "error", fix: "build the package in a format the LMS imports (`coursepack lms <name>`)" },
  "lms-zip-size": { severity: "error", fix: "make the package smaller: host large media outside it, or compress it" },
  "lms-unzipped-size": { severity: "error", fix: "make the package smaller: host large media outside it" },
  "lms-file-count": { severity: "error", fix: "ship fewer files (bundle scripts, use sprites)" },
  "lms-compression": { severity: "error", fix: "zip the package again with the compression methods the LMS extracts" },
  "lms-compression-ratio": {
    severity: "error",
    fix: "store files that compress extremely well (or pad them less); the LMS suspects a zip bomb",
  },
  "lms-file-type": { severity: "error", fix: "remove the file from the package; the LMS refuses the whole upload" },
  "lms-file-name": {
    severity: "error",
    fix: "rename the zip and its files to plain ASCII letters, digits, '.', '_' and '-'",
  },
  "lms-multiple-scos": { severity: "error", checklist: 10, fix: "ship one SCO per package" },
  "lms-http-reference": {
    severity: "error",
    fix: "use https: for every external file, or ship the file inside the package",
  },
  "lms-content-completion": {
    severity: "error",
    checklist: 8,
    fix: 'add <imsss:sequencing><imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/></imsss:sequencing> to every SCO item',
  },
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof CODES;

export interface Where {
  file: string;
  line?: number;
}

/** Findings of one validation, in the order they were found. */
export class Findings {
  readonly list: Finding[] = [];

  /**
   * Records a finding with its code's severity, checklist item and fix unless given. `override`
   * is for codes whose weight depends on the standard (a wrapper folder is tolerated by Tin Can).
   */
  add(
    code: FindingCode,
    where: Where,
    message: string,
    override: Partial<Pick<Finding, "severity" | "checklist" | "fix" | "lms">> = {},
  ): void {
    const info: CodeInfo = CODES[code];
    const checklist = override.checklist ?? info.checklist;
    this.list.push({
      severity: override.severity ?? info.severity,
      code,
      ...(checklist === undefined ? {} : { checklist }),
      file: where.file,
      ...(where.line === undefined ? {} : { line: where.line }),
      message,
      fix: override.fix ?? info.fix,
      ...(override.lms ? { lms: override.lms } : {}),
    });
  }

  get errorCount(): number {
    return this.list.filter((f) => f.severity === "error").length;
  }

  get warningCount(): number {
    return this.list.length - this.errorCount;
  }
}

/**
 * `imsmanifest.xml:12: error [checklist #4] message — fix (code)`, and for an LMS limit
 * `… (code) [docebo: <source url>]`; `where` stands in for a package-wide finding.
 */
export function formatFinding(f: Finding, where: string, code = (c: string) => `(${c})`): string {
  const at = f.file ? `${f.file}${f.line === undefined ? "" : `:${f.line}`}` : where;
  const checklist = f.checklist === undefined ? "" : ` [checklist #${f.checklist}]`;
  const lms = f.lms ? ` [${f.lms.profile}: ${f.lms.source.url ?? f.lms.source.title}]` : "";
  return `${at}: ${f.severity}${checklist} ${f.message} — ${f.fix} ${code(f.code)}${lms}`;
}
