/**
 * Official-schema validation as findings. Where a more specific finding already reports the same
 * value on the same line (a duplicate identifier, an identifier that is not an NCName), the
 * schema's own wording of that problem is left out, so each problem is reported once, in the
 * clearer words.
 */
import type { Finding, Findings, Where } from "../findings.js";
import { decodeXml } from "../xml.js";
import { type SchemaSet, type XsdProblem, validateXsd } from "../xsd.js";

export const SCHEMA_NAMES: Record<SchemaSet, string> = {
  scorm12: "SCORM 1.2",
  "scorm2004-4th": "SCORM 2004 4th Edition",
  "scorm2004-3rd": "SCORM 2004 3rd Edition",
  cmi5: "cmi5 CourseStructure.xsd",
  xliff20: "XLIFF 2.0",
  xliff12: "XLIFF 1.2 (strict)",
};

/**
 * The schema problem is about the same element and the same quoted value as the finding. Findings
 * give the line where an element's start tag begins, libxml2 the line where it ends.
 */
function restates(finding: Finding, problem: XsdProblem, tagEnds: Map<number, Set<number>>): boolean {
  if (
    finding.line !== problem.line &&
    !(finding.line !== undefined && problem.line !== undefined && tagEnds.get(finding.line)?.has(problem.line))
  )
    return false;
  const values = [...finding.message.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  return values.some((v) => problem.message.includes(`'${v}'`));
}

/** For each line where start tags begin, the lines where they end. */
function startTagEndLines(text: string): Map<number, Set<number>> {
  const ends = new Map<number, Set<number>>();
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(/<[A-Za-z_][^>]*>/g)) {
    for (let i = counted; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    counted = match.index;
    const end = line + (match[0].match(/\n/g)?.length ?? 0);
    if (end !== line) {
      if (!ends.has(line)) ends.set(line, new Set());
      ends.get(line)!.add(end);
    }
  }
  return ends;
}

/**
 * Validates a file's bytes against a schema set ahead of the package checks, as they will read it
 * from the package (decoded, its encoding declared as UTF-8); xsd.ts keeps the verdict for them.
 */
export function validateSchemaAhead(set: SchemaSet, file: string, bytes: Buffer): void {
  validateXsd(set, [{ file, xml: decodeXml(bytes) }]).catch(() => undefined);
}

/** Starts validation now (it is the slow part) and returns a function that records its findings. */
export function startSchemaCheck(
  set: SchemaSet,
  file: string,
  text: string,
  checklist: number,
): (findings: Findings) => Promise<void> {
  const pending = validateXsd(set, [{ file, xml: text }]);
  // Keep an early rejection from being reported as unhandled; it is rethrown when awaited.
  pending.catch(() => undefined);
  return async (findings) => {
    const [result] = await pending;
    if (!result || result.valid) return;
    const specific = findings.list.filter((f) => f.file === file && f.severity === "error" && f.line !== undefined);
    const tagEnds = startTagEndLines(text);
    const problems = result.problems.filter((p) => !specific.some((f) => restates(f, p, tagEnds)));
    for (const p of problems) {
      const where: Where = { file, ...(p.line === undefined ? {} : { line: p.line }) };
      findings.add("xsd-invalid", where, `not valid against the ${SCHEMA_NAMES[set]} schema: ${p.message}`, {
        checklist,
      });
    }
    if (problems.length === 0 && result.problems.length === 0) {
      findings.add("xsd-invalid", { file }, `not valid against the ${SCHEMA_NAMES[set]} schema`, { checklist });
    }
  };
}
