/**
 * Which standard a package follows, from the manifest it ships: imsmanifest.xml (SCORM),
 * cmi5.xml (cmi5) or tincan.xml (xAPI with Tin Can launch), at the root of the zip (checklist #1).
 * A manifest inside a wrapper folder is reported and the package is then validated from that
 * folder, so one run shows every other problem too.
 */
import { BUILD_STAMP_FILE } from "../shared/build-stamp.js";
import type { Findings } from "./findings.js";
import { isJunk } from "./package/names.js";
import type { PackageSource } from "./package/source.js";
import { PackageView } from "./package/view.js";
import { decodeXml } from "./xml.js";

export type ManifestKind = "scorm" | "cmi5" | "xapi";

export const MANIFEST_FILES: Record<ManifestKind, string> = {
  cmi5: "cmi5.xml",
  scorm: "imsmanifest.xml",
  xapi: "tincan.xml",
};
/** When a package ships several manifests, the one an LMS most likely imports it by. */
const PRIORITY: ManifestKind[] = ["cmi5", "scorm", "xapi"];
const ROOT_ELEMENTS: Record<string, ManifestKind> = { manifest: "scorm", courseStructure: "cmi5", tincan: "xapi" };

export interface Located {
  kind: ManifestKind;
  view: PackageView;
  /** Path of the manifest inside `view`. */
  manifest: string;
}

/**
 * Coursepack's own web package: its build stamp and index.html at the root, and no manifest at
 * any depth. `validate dist/*.zip` after a build checks it as the website it is, rather than
 * failing it for the manifest it never had; a zip of any other tool without a manifest is still
 * reported as one an LMS cannot import (checklist #1).
 */
export function isCoursepackWebPackage(source: PackageSource): boolean {
  if (source.kind === "document") return false;
  const manifests = new Set(Object.values(MANIFEST_FILES));
  const names = source.files.map((f) => f.name);
  return (
    names.includes(BUILD_STAMP_FILE) &&
    names.includes("index.html") &&
    !names.some((name) => manifests.has(name.slice(name.lastIndexOf("/") + 1).toLowerCase()))
  );
}

export async function locateManifest(source: PackageSource, findings: Findings): Promise<Located | undefined> {
  if (source.kind === "document") return locateDocument(source, findings);
  const files = source.files.map((f) => f.name).filter((name) => !isJunk(name));
  const names = new Set(files);
  const located = atRoot(source, names, findings) ?? inWrapper(source, files, findings);
  if (!located) {
    findings.add(
      "no-manifest",
      { file: "" },
      "no imsmanifest.xml, cmi5.xml or tincan.xml at the root of the package, nor in a folder of it; LMSs cannot import it",
    );
    return undefined;
  }
  if (located.kind === "xapi") {
    const all = files.filter((name) => name === "tincan.xml" || name.endsWith("/tincan.xml"));
    if (all.length > 1)
      findings.add(
        "several-tincan-xml",
        { file: all[1]! },
        `the package holds ${all.length} tincan.xml files (${all.join(", ")}); it must hold exactly one`,
      );
  }
  return located;
}

function atRoot(source: PackageSource, names: Set<string>, findings: Findings): Located | undefined {
  const present = PRIORITY.filter((kind) => names.has(MANIFEST_FILES[kind]));
  if (present.length > 0) {
    const [kind, ...others] = present as [ManifestKind, ...ManifestKind[]];
    if (others.length > 0) {
      findings.add(
        "several-manifests",
        { file: MANIFEST_FILES[others[0]!] },
        `the package ships ${present.map((k) => MANIFEST_FILES[k]).join(" and ")}; it was validated as ${MANIFEST_FILES[kind]}, but an LMS may import it by the other`,
      );
    }
    return { kind, view: new PackageView(source, ""), manifest: MANIFEST_FILES[kind] };
  }
  for (const kind of PRIORITY) {
    const wrongCase = [...names].find((name) => !name.includes("/") && name.toLowerCase() === MANIFEST_FILES[kind]);
    if (wrongCase) {
      findings.add(
        "manifest-name-case",
        { file: wrongCase },
        `"${wrongCase}" must be named exactly ${MANIFEST_FILES[kind]}; LMSs on case-sensitive servers will not find it`,
      );
      return { kind, view: new PackageView(source, ""), manifest: wrongCase };
    }
  }
  return undefined;
}

/** A manifest one or more folders down: the shallowest one wins. */
function inWrapper(source: PackageSource, files: string[], findings: Findings): Located | undefined {
  const candidates = files
    .map((name) => ({ name, kind: PRIORITY.find((k) => name.endsWith(`/${MANIFEST_FILES[k]}`)) }))
    .filter((c): c is { name: string; kind: ManifestKind } => c.kind !== undefined)
    .sort(
      (a, b) =>
        a.name.split("/").length - b.name.split("/").length || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind),
    );
  const found = candidates[0];
  if (!found) return undefined;
  const root = found.name.slice(0, found.name.lastIndexOf("/") + 1);
  const manifest = MANIFEST_FILES[found.kind];
  // Tin Can allows a nested tincan.xml when every folder above it holds only that one folder.
  const onlyWrapper = files.every((name) => name.startsWith(root));
  const tolerated = found.kind === "xapi" && onlyWrapper;
  findings.add(
    "manifest-not-at-root",
    { file: found.name },
    `${manifest} is in the folder "${root}", not at the root of the package${onlyWrapper ? " (the zip wraps the course in a folder)" : ""}; ${tolerated ? "Tin Can allows this, but some LMSs do not" : "LMSs look for it at the root"}`,
    tolerated ? { severity: "warning" } : {},
  );
  return { kind: found.kind, view: new PackageView(source, root), manifest };
}

/** A lone XML file: its root element says which manifest it is. */
async function locateDocument(source: PackageSource, findings: Findings): Promise<Located | undefined> {
  const file = source.files[0]!;
  const text = decodeXml(await source.read(file.name))
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, "");
  const rootName = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(text)?.[1] ?? "";
  const kind = ROOT_ELEMENTS[rootName];
  if (!kind) {
    findings.add(
      "no-manifest",
      { file: file.name },
      `${file.name} is XML, but its root element <${rootName}> is not that of an imsmanifest.xml (<manifest>), cmi5.xml (<courseStructure>) or tincan.xml (<tincan>)`,
    );
    return undefined;
  }
  return { kind, view: new PackageView(source, ""), manifest: file.name };
}
