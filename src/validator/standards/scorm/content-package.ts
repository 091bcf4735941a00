/**
 * Checks every SCORM version shares, because they come from IMS Content Packaging: identifiers
 * (checklist #4), references and files (#3, #6), xml:base (#7), schema files (#6), the launch
 * file, the number of SCOs (#10) and metadata lengths.
 */
import { isJunk } from "../../package/names.js";
import { checkPackagePath, parseReference, reportUnusable } from "../../checks/references.js";
import type { SchemaSet } from "../../xsd.js";
import { NS, allElements, children, descendants, textOf, type Document, type Element } from "../../xml.js";
import { at, loadXml, type CheckContext, type StandardResult } from "../standard.js";
import { token, type Manifest } from "./manifest.js";

export interface ScormProfile {
  result: StandardResult;
  xsd: SchemaSet;
  cp: string;
  adlcp: string;
  /** `scormtype` in 1.2, `scormType` in 2004 (checklist #5). */
  scormTypeAttribute: string;
  wrongScormTypeAttribute: string;
  /** Longest organization and item title LMSs must keep, where the schema does not enforce it. */
  maxTitle: number | undefined;
  /** Longest metadata description before LMSs warn or truncate, and why. */
  maxDescription: { length: number; source: string };
  /** Checks of this version only. */
  check(ctx: ScormContext): void;
}

export interface ScormContext extends CheckContext {
  doc: Document;
  m: Manifest;
  profile: ScormProfile;
}

/** Any Unicode NCName: a letter or "_" first, then letters, digits, ".", "-", "_" and combining marks. */
const NCNAME = /^[\p{L}_][\p{L}\p{N}\p{M}._\-\u00B7\u203F\u2040]*$/u;

/** Longest title in a LOM record (CAM smallest permitted maximum). */
const MAX_METADATA_TITLE = 1000;

export async function checkContentPackage(ctx: ScormContext): Promise<void> {
  checkIdentifiers(ctx);
  checkOrganizations(ctx);
  const referenced = checkResources(ctx);
  for (const file of await checkMetadataLocations(ctx)) referenced.add(file);
  checkXmlBase(ctx);
  checkScormTypeCasing(ctx);
  checkScoCount(ctx);
  checkTitles(ctx);
  checkMetadataLengths(ctx, ctx.doc, ctx.manifest);
  if (ctx.view.scope === "package") {
    checkSchemaLocations(ctx);
    checkUnlisted(ctx, referenced);
  }
}

function checkIdentifiers(ctx: ScormContext): void {
  const seen = new Map<string, Element>();
  for (const el of ctx.m.identified) {
    const id = token(el.getAttribute("identifier"));
    const where = at(ctx, ctx.manifest, el.lineNumber);
    if (!NCNAME.test(id)) {
      ctx.findings.add(
        "identifier-not-ncname",
        where,
        `${el.localName} identifier "${id}" is not a valid XML identifier (NCName)${/^[0-9.-]/.test(id) ? ': it must not start with a digit, "." or "-"' : /[\s']/.test(id) ? ": it contains a space or an apostrophe" : ""}`,
      );
    }
    const first = seen.get(id);
    if (first) {
      ctx.findings.add(
        "duplicate-identifier",
        where,
        `identifier "${id}" is already used by the ${first.localName} on line ${first.lineNumber ?? "?"}`,
      );
    } else seen.set(id, el);
  }
}

function checkOrganizations(ctx: ScormContext): void {
  const { m, findings } = ctx;
  const organizations = m.organizations;
  const def = token(organizations?.getAttribute("default"));
  if (organizations && def && !m.organizationElements.some((o) => token(o.getAttribute("identifier")) === def)) {
    findings.add(
      "bad-default-organization",
      at(ctx, ctx.manifest, organizations.lineNumber),
      `organizations default="${def}" names no organization`,
    );
  }
  const subManifests = new Set(descendants(m.root, "manifest", m.cp).map((el) => token(el.getAttribute("identifier"))));
  for (const item of m.items) {
    if (item.identifierref && !item.resource && !subManifests.has(item.identifierref)) {
      findings.add(
        "unresolved-identifierref",
        at(ctx, ctx.manifest, item.el.lineNumber),
        `item "${item.identifier}" has identifierref="${item.identifierref}", but no resource has that identifier`,
      );
    }
  }
  for (const dependency of descendants(m.root, "dependency", m.cp)) {
    const ref = token(dependency.getAttribute("identifierref"));
    if (!m.resources.has(ref)) {
      findings.add(
        "unresolved-identifierref",
        at(ctx, ctx.manifest, dependency.lineNumber),
        `dependency identifierref="${ref}" names no resource`,
      );
    }
  }
  if (!m.items.some((item) => item.resource?.href !== undefined)) {
    findings.add(
      "no-launchable-item",
      at(ctx, ctx.manifest, (organizations ?? m.root).lineNumber),
      "no item launches anything: no item references a resource that has an href, so an LMS has nothing to open",
    );
  }
}

/** Checks every resource href and file href; returns the package paths they name. */
function checkResources(ctx: ScormContext): Set<string> {
  const referenced = new Set<string>();
  const launched = new Set(ctx.m.items.map((i) => i.resource));
  for (const resource of ctx.m.resources.values()) {
    const hrefs: [string, Element, string][] = [];
    if (resource.href !== undefined)
      hrefs.push([resource.href, resource.el, launched.has(resource) ? "launch file" : "resource href"]);
    for (const file of resource.files) hrefs.push([file.getAttribute("href") ?? "", file, "file href"]);
    for (const [href, el, what] of hrefs) {
      const ref = parseReference(href, resource.bases);
      const check = { view: ctx.view, findings: ctx.findings, where: at(ctx, ctx.manifest, el.lineNumber), what };
      if (ref.kind === "url" || reportUnusable(ref, href, check)) continue;
      if (ref.kind !== "path") continue;
      const name = checkPackagePath(ref, href, check);
      if (name) referenced.add(name);
    }
  }
  return referenced;
}

/** `adlcp:location` metadata files (checklist #6): they must exist; their lengths are checked too. */
async function checkMetadataLocations(ctx: ScormContext): Promise<string[]> {
  const names: string[] = [];
  for (const el of descendants(ctx.m.root, "location", ctx.profile.adlcp)) {
    const href = textOf(el);
    const ref = parseReference(href);
    const check = {
      view: ctx.view,
      findings: ctx.findings,
      where: at(ctx, ctx.manifest, el.lineNumber),
      what: "metadata file",
    };
    if (ref.kind !== "path" || reportUnusable(ref, href, check)) continue;
    const name = checkPackagePath(ref, href, check);
    if (!name || !ctx.view.has(name)) continue;
    names.push(name);
    const metadata = await loadXml(ctx, name);
    if (metadata) checkMetadataLengths(ctx, metadata.doc, name);
  }
  return names;
}

function checkXmlBase(ctx: ScormContext): void {
  for (const el of allElements(ctx.doc)) {
    const base = el.getAttributeNS(NS.xml, "base");
    if (base) {
      ctx.findings.add(
        "xml-base",
        at(ctx, ctx.manifest, el.lineNumber),
        `${el.localName} uses xml:base="${base}"; some LMSs ignore it and then cannot find the files`,
      );
    }
  }
}

function checkScormTypeCasing(ctx: ScormContext): void {
  const { profile } = ctx;
  for (const resource of ctx.m.resources.values()) {
    if (resource.el.hasAttributeNS(profile.adlcp, profile.wrongScormTypeAttribute)) {
      ctx.findings.add(
        "scormtype-casing",
        at(ctx, ctx.manifest, resource.el.lineNumber),
        `resource "${resource.identifier}" uses adlcp:${profile.wrongScormTypeAttribute}; ${profile.result.edition === "1.2" ? "SCORM 1.2" : "SCORM 2004"} spells it adlcp:${profile.scormTypeAttribute}, so LMSs treat the resource as an asset that never reports`,
      );
    }
  }
}

function checkScoCount(ctx: ScormContext): void {
  const scos = ctx.m.items.filter((item) => item.resource?.scormType === "sco");
  if (scos.length > 1) {
    ctx.findings.add(
      "multiple-scos",
      at(ctx, ctx.manifest, scos[1]!.el.lineNumber),
      `the package has ${scos.length} SCOs; Open edX, Opigno and others show only the first, and Moodle tracks moves between SCOs poorly`,
    );
  }
}

function checkTitles(ctx: ScormContext): void {
  const max = ctx.profile.maxTitle;
  if (max === undefined) return;
  for (const owner of [...ctx.m.organizationElements, ...ctx.m.items.map((i) => i.el)]) {
    const title = children(owner, "title", ctx.m.cp)[0];
    const text = textOf(title);
    if (text.length > max) {
      ctx.findings.add(
        "metadata-too-long",
        at(ctx, ctx.manifest, title?.lineNumber),
        `${owner.localName} title is ${text.length} characters; SCORM only requires LMSs to keep ${max}`,
        { fix: `shorten the title to at most ${max} characters` },
      );
    }
  }
}

/** LOM/IMS metadata: titles and descriptions within the lengths LMSs keep (each profile says why). */
export function checkMetadataLengths(ctx: ScormContext, doc: Document, file: string): void {
  const { length, source } = ctx.profile.maxDescription;
  for (const ns of [NS.imsmd12, NS.lom]) {
    for (const [element, max, why] of [
      ["description", length, source],
      ["title", MAX_METADATA_TITLE, "the SCORM smallest permitted maximum"],
    ] as const) {
      for (const el of descendants(doc, element, ns)) {
        for (const text of [...children(el, "langstring", ns), ...children(el, "string", ns)]) {
          const value = textOf(text);
          if (value.length > max) {
            ctx.findings.add(
              "metadata-too-long",
              at(ctx, file, text.lineNumber),
              `metadata ${element} is ${value.length} characters, over ${max} (${why})`,
              { fix: `shorten the ${element} to at most ${max} characters` },
            );
          }
        }
      }
    }
  }
}

/** Every XSD named in xsi:schemaLocation must ship with the package (checklist #6). */
function checkSchemaLocations(ctx: ScormContext): void {
  const value = ctx.m.root.getAttributeNS(NS.xsi, "schemaLocation") ?? "";
  const tokens = value.trim().split(/\s+/).filter(Boolean);
  for (let i = 1; i < tokens.length; i += 2) {
    const location = tokens[i]!;
    const ref = parseReference(location);
    if (ref.kind !== "path" || ctx.view.has(ref.path)) continue;
    ctx.findings.add(
      "schema-not-shipped",
      at(ctx, ctx.manifest, ctx.m.root.lineNumber),
      `xsi:schemaLocation names ${location}, which is not in the package; some LMSs then reject the manifest`,
    );
  }
}

/** Every shipped file should be listed in a <file href> (checklist #6). Schemas and the manifest are control files. */
function checkUnlisted(ctx: ScormContext, referenced: Set<string>): void {
  for (const file of ctx.view.files) {
    if (referenced.has(file.name) || file.name === ctx.manifest || /\.(xsd|dtd)$/i.test(file.name) || isJunk(file.name))
      continue;
    ctx.findings.add(
      "file-not-listed",
      at(ctx, file.name),
      `${ctx.view.real(file.name)} is shipped but listed in no <file href>; LMSs that copy only listed files will leave it out`,
    );
  }
}
