/**
 * The parts of an IMS content package manifest the checks walk: identifiers, organizations and
 * items, resources with their effective xml:base and files. Shared by SCORM 1.2 and 2004, which
 * differ only in namespaces and in their own extensions.
 */
import { NS, children, descendants, textOf, type Element } from "../../xml.js";

export interface ManifestResource {
  el: Element;
  identifier: string;
  href: string | undefined;
  /** xml:base values that apply to the resource's hrefs, outermost first. */
  bases: string[];
  scormType: string | undefined;
  files: Element[];
}

export interface ManifestItem {
  el: Element;
  identifier: string;
  identifierref: string | undefined;
  resource: ManifestResource | undefined;
}

export interface Manifest {
  root: Element;
  /** Content-packaging namespace of this version. */
  cp: string;
  organizations: Element | undefined;
  organizationElements: Element[];
  items: ManifestItem[];
  resources: Map<string, ManifestResource>;
  /** Every element with an identifier attribute, in document order. */
  identified: Element[];
}

export function readManifest(root: Element, cp: string, adlcp: string, scormTypeAttribute: string): Manifest {
  const xmlBase = (el: Element | undefined) => el?.getAttributeNS(NS.xml, "base") || undefined;
  const resources = new Map<string, ManifestResource>();
  for (const el of descendants(root, "resource", cp)) {
    const identifier = token(el.getAttribute("identifier"));
    if (resources.has(identifier)) continue;
    resources.set(identifier, {
      el,
      identifier,
      href: el.getAttribute("href") ?? undefined,
      bases: [xmlBase(root), xmlBase(el.parentNode as Element), xmlBase(el)].filter(
        (b): b is string => b !== undefined,
      ),
      scormType: el.getAttributeNS(adlcp, scormTypeAttribute) ?? undefined,
      files: children(el, "file", cp),
    });
  }
  const organizations = children(root, "organizations", cp)[0];
  const organizationElements = organizations ? children(organizations, "organization", cp) : [];
  const items = organizationElements
    .flatMap((o) => descendants(o, "item", cp))
    .map((el): ManifestItem => {
      const identifierref = token(el.getAttribute("identifierref")) || undefined;
      return {
        el,
        identifier: token(el.getAttribute("identifier")),
        identifierref,
        resource: identifierref ? resources.get(identifierref) : undefined,
      };
    });
  const identified = descendants(root, "*", cp).filter((el) => el.hasAttribute("identifier"));
  if (root.hasAttribute("identifier")) identified.unshift(root);
  return { root, cp, organizations, organizationElements, items, resources, identified };
}

/**
 * An attribute of type xs:ID, xs:IDREF or xs:token as the schema sees it: whitespace collapsed,
 * so `identifier="  item_1 "` is "item_1" (the ADL test suite checks that LMSs do this).
 */
export function token(value: string | null | undefined): string {
  return (value ?? "").replace(/\s+/g, " ").trim();
}

/** Text of the manifest's `<metadata><schemaversion>`. */
export function schemaVersion(root: Element, cp: string): { value: string; el: Element } | undefined {
  const metadata = children(root, "metadata", cp)[0];
  const el = metadata && children(metadata, "schemaversion", cp)[0];
  return el ? { value: textOf(el), el } : undefined;
}
