/**
 * Reading manifests: bytes to text in the declared encoding, text to a DOM with line numbers
 * (@xmldom/xmldom; it never expands DTD entities, so "billion laughs" documents stay small), and
 * the few namespace-aware look-ups the checks need.
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import type { Findings } from "./findings.js";

export type { Document, Element };

export const NS = {
  xml: "http://www.w3.org/XML/1998/namespace",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  cp12: "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
  adlcp12: "http://www.adlnet.org/xsd/adlcp_rootv1p2",
  imsmd12: "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
  cp2004: "http://www.imsglobal.org/xsd/imscp_v1p1",
  adlcp2004: "http://www.adlnet.org/xsd/adlcp_v1p3",
  adlseq2004: "http://www.adlnet.org/xsd/adlseq_v1p3",
  adlnav2004: "http://www.adlnet.org/xsd/adlnav_v1p3",
  imsss: "http://www.imsglobal.org/xsd/imsss",
  lom: "http://ltsc.ieee.org/xsd/LOM",
  cmi5: "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd",
  tincan: "http://projecttincan.com/tincan.xsd",
} as const;

/**
 * Decodes an XML file: byte-order mark first, then the encoding declaration, UTF-8 otherwise.
 * The returned text declares UTF-8, because that is how it is handed on (to the XSD validator).
 */
export function decodeXml(bytes: Buffer): string {
  let encoding = "utf-8";
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ["utf-16le", 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ["utf-16be", 2];
  else {
    const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
      bytes.subarray(0, 200).toString("latin1"),
    )?.[1];
    if (declared && isSupportedEncoding(declared)) encoding = declared.toLowerCase();
  }
  const text = new TextDecoder(encoding).decode(bytes.subarray(start));
  return text.replace(/^(<\?xml[^>]*\bencoding\s*=\s*)(["'])[^"']*\2/, "$1$2UTF-8$2");
}

function isSupportedEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** An entity declaration after a DOCTYPE (wherever its internal subset ends: a "]" may hide in a comment). */
const ENTITY_DECLARATION = /<!DOCTYPE[\s\S]*?<!ENTITY/;

/**
 * Parses a document; well-formedness errors become `xml-malformed` findings. Undefined if unusable.
 * A document that declares entities is refused before it is parsed: no manifest needs them, and
 * they are how "billion laughs" documents (a few KB that expand to gigabytes in libxml2, which the
 * schema check and many LMSs use) and external-entity attacks are written.
 */
export function parseXml(text: string, file: string, findings: Findings): Document | undefined {
  const entity = ENTITY_DECLARATION.exec(text);
  if (entity) {
    const line = text.slice(0, entity.index + entity[0].length).split("\n").length;
    findings.add("xml-entities", { file, line }, `${file} declares an entity (<!ENTITY>); it was not read further`);
    return undefined;
  }
  let reported = false;
  const parser = new DOMParser({
    onError(level, message, context: { locator?: { lineNumber?: number } } | undefined) {
      if (level === "warning") return;
      reported = true;
      findings.add(
        "xml-malformed",
        { file, ...lineAt(context?.locator?.lineNumber) },
        `${file} is not well-formed XML: ${message.replace(/\n@#\[line.*$/s, "")}`,
      );
      // xmldom stops on fatal errors by throwing from here.
      if (level === "fatalError") throw new Error(message);
    },
  });
  try {
    const doc = parser.parseFromString(text, "text/xml");
    return doc.documentElement ? doc : undefined;
  } catch (error) {
    if (!reported)
      findings.add("xml-malformed", { file }, `${file} is not well-formed XML: ${(error as Error).message}`);
    return undefined;
  }
}

function lineAt(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/** Child elements with this local name (and namespace, if given). */
export function children(parent: Element, localName: string, ns?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (el.localName === localName && (ns === undefined || el.namespaceURI === ns)) out.push(el);
    }
  }
  return out;
}

export function child(parent: Element, localName: string, ns?: string): Element | undefined {
  return children(parent, localName, ns)[0];
}

/** Every element with this local name below `root` (any namespace if none is given), in document order. */
export function descendants(root: Element | Document, localName: string, ns?: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns ?? "*", localName));
}

/** Trimmed text content. */
export function textOf(el: Element | undefined): string {
  return (el?.textContent ?? "").trim();
}

/** Every element of the document, in document order. */
export function allElements(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName("*"));
}
