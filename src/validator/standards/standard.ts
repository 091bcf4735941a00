/** One module per standard behind one interface: given the package and its manifest, report findings. */
import type { Findings, Where } from "../findings.js";
import type { PackageView } from "../package/view.js";
import { decodeXml, parseXml, type Document } from "../xml.js";

/** The standards `validate` recognises; "web" is a plain website (only when asked for with --expect web). */
export type StandardId = "scorm12" | "scorm2004" | "cmi5" | "xapi" | "web";

export interface CheckContext {
  /** The package, rooted at the folder holding the manifest. */
  view: PackageView;
  /** Path of the manifest in `view`. */
  manifest: string;
  findings: Findings;
}

export interface StandardResult {
  standard: StandardId;
  /** "1.2", "2004 3rd Edition", "2004 4th Edition"…; null where a standard has no editions. */
  edition: string | null;
}

export interface Standard {
  validate(ctx: CheckContext): Promise<StandardResult | undefined>;
}

/** A finding location inside the package. */
export function at(ctx: CheckContext, file: string, line?: number): Where {
  return { file: ctx.view.real(file), ...(line === undefined ? {} : { line }) };
}

export interface LoadedXml {
  text: string;
  doc: Document;
}

/** Reads and parses an XML file of the package; problems become findings. */
export async function loadXml(ctx: CheckContext, file: string): Promise<LoadedXml | undefined> {
  let bytes: Buffer;
  try {
    bytes = await ctx.view.read(file);
  } catch (error) {
    ctx.findings.add(
      "file-unreadable",
      at(ctx, file),
      `${ctx.view.real(file)} could not be read: ${(error as Error).message}`,
    );
    return undefined;
  }
  const text = decodeXml(bytes);
  const doc = parseXml(text, ctx.view.real(file), ctx.findings);
  return doc ? { text, doc } : undefined;
}
