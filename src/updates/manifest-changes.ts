/**
 * What changed between two manifests (imsmanifest.xml, cmi5.xml, tincan.xml), by kind: LMSs differ
 * in which kinds they accept when a package is replaced in place (lms-updates.ts). Every attribute
 * and text of the document becomes a fact filed under a kind; a kind changed when its facts differ.
 */
import { type Element, parseXml } from "../validator/xml.js";
import { Findings } from "../validator/findings.js";

export const MANIFEST_CHANGES = ["identifiers", "launch", "edition", "metadata", "files", "tracking", "other"] as const;
export type ManifestChange = (typeof MANIFEST_CHANGES)[number];

/** What each kind means, for reports. */
export const MANIFEST_CHANGE_LABELS: Record<ManifestChange, string> = {
  identifiers: "identifiers (manifest, organisation, SCO, resource; course and AU ids)",
  launch: "launch file or launch settings",
  edition: "standard or edition",
  metadata: "title, description, keywords, language or duration",
  files: "list of files",
  tracking: "mastery score, completion threshold, moveOn or sequencing",
  other: "other elements",
};

const TRACKING = new Set([
  "masteryscore",
  "minnormalizedmeasure",
  "completionthreshold",
  "satisfiedbymeasure",
  "completedbymeasure",
  "minprogressmeasure",
  "moveon",
  "objectiveid",
  "completionsetbycontent",
  "objectivesetbycontent",
  "sequencing",
  "deliverycontrols",
  "primaryobjective",
]);
const LAUNCH = new Set([
  "url",
  "launch",
  "scormtype",
  "launchmethod",
  "launchparameters",
  "entitlementkey",
  "datafromlms",
]);
const METADATA = new Set(["title", "description", "keyword", "name", "langstring", "string", "language"]);

/** Kind of an attribute of element `el`, whose ancestors are `above` (nearest first). */
function kindOfAttribute(el: string, attr: string, above: readonly string[]): ManifestChange {
  if (attr === "xmlns" || attr === "schemalocation") return "edition";
  const inMetadata = above.includes("metadata") || above.includes("lom");
  if (["identifier", "identifierref", "default", "id"].includes(attr)) return inMetadata ? "metadata" : "identifiers";
  if (attr === "href") return el === "file" ? "files" : "launch";
  if (TRACKING.has(attr) || TRACKING.has(el) || above.some((a) => TRACKING.has(a))) return "tracking";
  if (LAUNCH.has(attr)) return "launch";
  return inMetadata || attr === "lang" ? "metadata" : "other";
}

/** Kind of the text of element `el`. */
function kindOfText(el: string, above: readonly string[]): ManifestChange {
  if (el === "schemaversion" || el === "schema") return "edition";
  if (TRACKING.has(el) || above.some((a) => TRACKING.has(a))) return "tracking";
  if (LAUNCH.has(el)) return "launch";
  const inMetadata = above.includes("metadata") || above.includes("lom");
  return inMetadata || METADATA.has(el) || above.some((a) => METADATA.has(a)) ? "metadata" : "other";
}

/** Every fact of a manifest as "kind\tpath\tvalue", sorted; undefined when it is not XML. */
export function manifestFacts(text: string): string[] | undefined {
  const doc = parseXml(text, "manifest", new Findings());
  if (!doc?.documentElement) return undefined;
  const facts: string[] = [];
  const walk = (el: Element, path: string, above: readonly string[]) => {
    const name = (el.localName ?? el.nodeName).toLowerCase();
    const here = `${path}/${name}`;
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i)!;
      const attr = a.name.toLowerCase().startsWith("xmlns") ? "xmlns" : (a.localName ?? a.name).toLowerCase();
      facts.push(`${kindOfAttribute(name, attr, above)}\t${here}@${a.name}\t${a.value}`);
    }
    let text = "";
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) walk(c as Element, here, [name, ...above]);
      else if (c.nodeType === 3 || c.nodeType === 4) text += c.nodeValue ?? "";
    }
    if (text.trim()) facts.push(`${kindOfText(name, above)}\t${here}\t${text.trim()}`);
  };
  walk(doc.documentElement, "", []);
  return facts.sort();
}

/** The kinds of change between two manifests; [] when they are byte-identical. */
export function manifestChanges(before: string, after: string): ManifestChange[] {
  if (before === after) return [];
  const [a, b] = [manifestFacts(before), manifestFacts(after)];
  if (!a || !b) return ["other"];
  const kinds = (facts: string[], other: Set<string>) =>
    facts.filter((f) => !other.has(f)).map((f) => f.slice(0, f.indexOf("\t")) as ManifestChange);
  const changed = new Set([...kinds(a, new Set(b)), ...kinds(b, new Set(a))]);
  // Same facts, different bytes (whitespace, attribute order): still not identical for "replace files".
  if (changed.size === 0) changed.add("other");
  return MANIFEST_CHANGES.filter((k) => changed.has(k));
}
