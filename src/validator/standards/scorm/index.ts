/**
 * SCORM: tells 1.2 from 2004 (and the 2004 edition) by the manifest's namespace and
 * schemaversion, flags manifests that mix the two (checklist #5), then runs the shared content
 * packaging checks, the version's own checks and its official schema.
 */
import { startSchemaCheck } from "../../checks/schema.js";
import { NS, allElements, type Element } from "../../xml.js";
import { at, loadXml, type CheckContext, type Standard, type StandardResult } from "../standard.js";
import { checkContentPackage, type ScormProfile } from "./content-package.js";
import { readManifest, schemaVersion } from "./manifest.js";
import { scorm12 } from "./scorm12.js";
import { edition2004, scorm2004 } from "./scorm2004.js";

const ONLY_2004 = [NS.adlcp2004, NS.imsss, NS.adlseq2004, NS.adlnav2004];
const ONLY_12 = [NS.adlcp12];

export const scorm: Standard = {
  async validate(ctx) {
    const loaded = await loadXml(ctx, ctx.manifest);
    if (!loaded) return undefined;
    const root = loaded.doc.documentElement!;
    const file = ctx.view.real(ctx.manifest);
    if (root.localName !== "manifest") {
      ctx.findings.add(
        "manifest-structure",
        at(ctx, ctx.manifest, root.lineNumber),
        `${file}'s root element is <${root.tagName}>, not <manifest>`,
      );
      return undefined;
    }
    const profile = chooseProfile(ctx, root);
    if (!profile) return undefined;
    const finishSchema = startSchemaCheck(profile.xsd, file, loaded.text, 5);
    const sctx = {
      ...ctx,
      doc: loaded.doc,
      m: readManifest(root, profile.cp, profile.adlcp, profile.scormTypeAttribute),
      profile,
    };
    await checkContentPackage(sctx);
    profile.check(sctx);
    await finishSchema(ctx.findings);
    return profile.result satisfies StandardResult;
  },
};

/** The SCORM version and edition a manifest declares (problems become findings). */
export function chooseProfile(ctx: CheckContext, root: Element): ScormProfile | undefined {
  const file = ctx.view.real(ctx.manifest);
  const ns = root.namespaceURI ?? "";
  const declared = schemaVersion(root, ns);
  const mismatch = (line: number | undefined, message: string) =>
    ctx.findings.add("scorm-version-mismatch", at(ctx, ctx.manifest, line), message);
  if (ns === NS.cp12) {
    if (!declared)
      ctx.findings.add(
        "schemaversion-missing",
        at(ctx, ctx.manifest, root.lineNumber),
        `${file} declares no <schemaversion>; LMSs have to guess the SCORM version`,
      );
    else if (/2004|CAM/i.test(declared.value))
      mismatch(
        declared.el.lineNumber,
        `schemaversion "${declared.value}" is SCORM 2004, but the manifest uses the SCORM 1.2 namespace ${NS.cp12}`,
      );
    const foreign = usingNamespace(root, ONLY_2004);
    if (foreign)
      mismatch(
        foreign.lineNumber,
        `this SCORM 1.2 manifest uses the SCORM 2004 namespace ${foreign.namespaceURI}; LMSs then misdetect the version`,
      );
    return scorm12;
  }
  if (ns === NS.cp2004) {
    const edition = declared ? edition2004(declared.value) : undefined;
    if (!declared)
      ctx.findings.add(
        "schemaversion-missing",
        at(ctx, ctx.manifest, root.lineNumber),
        `${file} declares no <schemaversion>; LMSs have to guess the SCORM 2004 edition (validated as 4th Edition)`,
      );
    else if (declared.value === "1.2")
      mismatch(declared.el.lineNumber, `schemaversion "1.2" contradicts the SCORM 2004 namespace ${NS.cp2004}`);
    else if (!edition)
      ctx.findings.add(
        "schemaversion-missing",
        at(ctx, ctx.manifest, declared.el.lineNumber),
        `schemaversion "${declared.value}" is not a SCORM 2004 edition ("2004 4th Edition", "2004 3rd Edition" or "CAM 1.3"; validated as 4th Edition)`,
      );
    const foreign = usingNamespace(root, ONLY_12);
    if (foreign)
      mismatch(
        foreign.lineNumber,
        `this SCORM 2004 manifest uses the SCORM 1.2 namespace ${foreign.namespaceURI}; LMSs then fall back to default rollup`,
      );
    return scorm2004(edition ?? "4th");
  }
  ctx.findings.add(
    "manifest-structure",
    at(ctx, ctx.manifest, root.lineNumber),
    `${file}'s root element is in namespace "${ns}", which is neither SCORM 1.2's (${NS.cp12}) nor SCORM 2004's (${NS.cp2004})`,
    { checklist: 5 },
  );
  return undefined;
}

/** The first element or attribute in one of the namespaces, if any. */
function usingNamespace(
  root: Element,
  namespaces: string[],
): { namespaceURI: string; lineNumber?: number } | undefined {
  for (const el of allElements(root.ownerDocument!)) {
    if (el.namespaceURI && namespaces.includes(el.namespaceURI))
      return { namespaceURI: el.namespaceURI, lineNumber: el.lineNumber };
    for (const attr of Array.from(el.attributes)) {
      if (attr.namespaceURI && namespaces.includes(attr.namespaceURI))
        return { namespaceURI: attr.namespaceURI, lineNumber: el.lineNumber };
    }
  }
  return undefined;
}
