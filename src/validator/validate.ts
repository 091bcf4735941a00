/**
 * `validatePackage`: checks any e-learning package, ours or not. Opens it (zip, folder or lone
 * manifest) → checks its files → finds the manifest and so the standard → runs that standard's
 * module → scans xAPI/cmi5 packages for credentials. Never writes the package to disk.
 */
import type { FormatId } from "../shared/course-data.js";
import type { LmsProfile } from "../lms-profiles/index.js";
import { checkLmsLimits } from "./checks/lms-limits.js";
import { scanForCredentials } from "./checks/credentials.js";
import { readCoursepackBuild } from "./checks/build-stamp.js";
import { checkPackageFiles } from "./checks/package-files.js";
import { isCoursepackWebPackage, locateManifest, type ManifestKind } from "./detect.js";
import { type Finding, Findings } from "./findings.js";
import { openPackage } from "./package/open.js";
import { DEFAULT_LIMITS, type Limits, PackageRefused, type PackageSource } from "./package/source.js";
import { PackageView } from "./package/view.js";
import { cmi5 } from "./standards/cmi5.js";
import { scorm } from "./standards/scorm/index.js";
import type { Standard, StandardId, StandardResult } from "./standards/standard.js";
import { tincan } from "./standards/tincan.js";
import { web } from "./standards/web.js";

export type { Finding, StandardId };

export interface ValidateOptions {
  /** Name of the package in messages and in the result (default: the path, or "package.zip"). */
  label?: string;
  /**
   * The format the package was built as. Its standard (and SCORM 2004 edition) must be the one
   * found; "web" checks a plain website (index.html at the root) instead of looking for a manifest.
   */
  format?: FormatId;
  /** Sanity limits (tests lower them). */
  limits?: Partial<Limits>;
  /** Also check the limits of this LMS (`validate --lms`); each finding cites the profile's source. */
  lms?: LmsProfile | undefined;
}

export interface ValidationResult {
  package: string;
  standard: StandardId | null;
  edition: string | null;
  /** "document" when only a manifest was given: references to files were not checked. */
  scope: "package" | "document";
  /** No errors (warnings allowed). */
  valid: boolean;
  findings: Finding[];
  /** The Coursepack build, for packages Coursepack made (from coursepack-build.json). */
  build?: { course: string; version: string; content: string; generator: string };
}

const STANDARDS: Record<ManifestKind, Standard> = { scorm, cmi5, xapi: tincan };

const FORMAT_STANDARDS: Record<FormatId, StandardResult> = {
  web: { standard: "web", edition: null },
  scorm12: { standard: "scorm12", edition: "1.2" },
  // Either edition: the LMS profile chooses which one `scorm2004` builds.
  scorm2004: { standard: "scorm2004", edition: null },
  "scorm2004-3rd": { standard: "scorm2004", edition: "2004 3rd Edition" },
  "scorm2004-4th": { standard: "scorm2004", edition: "2004 4th Edition" },
  xapi: { standard: "xapi", edition: null },
  cmi5: { standard: "cmi5", edition: null },
};

/**
 * @param input a path (zip, folder or manifest), a zip's or manifest's bytes, or a package already
 *   open (the build's just-written zip, writtenZipSource)
 */
export async function validatePackage(
  input: string | Buffer | PackageSource,
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const label = options.label ?? (typeof input === "string" ? input : "package.zip");
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const findings = new Findings();
  let source: PackageSource | undefined;
  let found: StandardResult | undefined;
  let build: ValidationResult["build"];
  try {
    source =
      typeof input === "string" || Buffer.isBuffer(input) ? await openPackage(input, label, limits, findings) : input;
    const checked = await validateSource(source, options.format, findings);
    found = checked.found;
    if (checked.view && source.kind !== "document") {
      const { stamp } = await readCoursepackBuild(checked.view, findings);
      if (stamp)
        build = { course: stamp.course, version: stamp.version, content: stamp.content, generator: stamp.generator };
    }
    if (options.lms) await checkLmsLimits({ profile: options.lms, source, found, label, findings });
  } catch (error) {
    // Whatever goes wrong with one package is its finding: a run over many packages goes on.
    if (error instanceof PackageRefused) findings.add(error.code, { file: "" }, error.message);
    else findings.add("validator-failed", { file: "" }, `the validator could not finish: ${firstLine(error)}`);
  } finally {
    await source?.close();
  }
  if (options.format) {
    const expected = FORMAT_STANDARDS[options.format];
    if (found && (found.standard !== expected.standard || (expected.edition && found.edition !== expected.edition))) {
      findings.add(
        "wrong-standard",
        { file: "" },
        `expected a ${describe(expected)} package, found ${describe(found)}`,
      );
    }
  }
  const sorted = [...findings.list].sort((a, b) =>
    a.file === b.file
      ? (a.line ?? 0) - (b.line ?? 0)
      : a.file === ""
        ? -1
        : b.file === ""
          ? 1
          : a.file < b.file
            ? -1
            : 1,
  );
  return {
    package: label,
    standard: found?.standard ?? null,
    edition: found?.edition ?? null,
    scope: source?.kind === "document" ? "document" : "package",
    valid: findings.errorCount === 0,
    findings: sorted,
    ...(build ? { build } : {}),
  };
}

/** Validates the package; returns the standard found and the view rooted at its manifest's folder. */
async function validateSource(
  source: PackageSource,
  format: FormatId | undefined,
  findings: Findings,
): Promise<{ found?: StandardResult | undefined; view?: PackageView }> {
  checkPackageFiles(source, findings);
  if (format === "web" || (format === undefined && isCoursepackWebPackage(source))) {
    const view = new PackageView(source, "");
    return { found: await web.validate({ view, manifest: "index.html", findings }), view };
  }
  const located = await locateManifest(source, findings);
  if (!located) return {};
  const ctx = { view: located.view, manifest: located.manifest, findings };
  const result = await STANDARDS[located.kind].validate(ctx);
  if (source.zip64 && located.kind !== "cmi5") {
    // cmi5 requires LMSs to read ZIP64 (cmi5 §14); SCORM and Tin Can LMSs may not.
    findings.add("zip64", { file: "" }, "the zip uses ZIP64 records, which some SCORM and Tin Can LMSs cannot read");
  }
  if (located.kind === "xapi" || located.kind === "cmi5") await scanForCredentials(located.view, findings);
  return { found: result, view: located.view };
}

export function describe(result: StandardResult): string {
  const names: Record<StandardId, string> = {
    scorm12: "SCORM",
    scorm2004: "SCORM",
    cmi5: "cmi5",
    xapi: "xAPI (Tin Can)",
    web: "web",
  };
  return result.edition ? `${names[result.standard]} ${result.edition}` : names[result.standard];
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}
