/**
 * A stand-in translation agency for the round-trip tests: fills every unit's target with its
 * source, each run of translatable text wrapped as «…» (text inside native codes — 1.2's
 * <bpt>/<ept>/<ph> — is Markdown, and left alone). Works on the XML itself, like a CAT tool,
 * for XLIFF 2.0 and 1.2.
 */
import { DOMParser, XMLSerializer, type Element, type Node } from "@xmldom/xmldom";

/** Elements whose text is not translatable: 1.2 native codes hold Markdown. */
const NATIVE = new Set(["bpt", "ept", "ph", "it"]);

export function wrapText(text: string): string {
  return text.trim() === "" ? text : text.replace(/^(\s*)(.*?)(\s*)$/s, "$1«$2»$3");
}

export function translateXliff(xml: string, transform: (text: string) => string = wrapText): string {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const sources = Array.from(doc.getElementsByTagNameNS("*", "source"));
  for (const source of sources) {
    const target = source.cloneNode(true) as Element;
    // Same namespace, other name: rename by creating a target element and moving the children.
    const renamed = doc.createElementNS(source.namespaceURI, "target");
    while (target.firstChild) renamed.appendChild(target.firstChild);
    rewrite(renamed, transform);
    source.parentNode!.insertBefore(renamed, source.nextSibling);
  }
  return new XMLSerializer().serializeToString(doc);
}

function rewrite(node: Node, transform: (text: string) => string): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) child.nodeValue = transform(child.nodeValue ?? "");
    else if (child.nodeType === 1 && !NATIVE.has((child as Element).localName ?? "")) rewrite(child, transform);
  }
}
