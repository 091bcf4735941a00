/**
 * XLIFF documents, 2.0 and 1.2, written and read with the `xliff` package (locize/xliff). One
 * `<file>` per course file, one unit per translatable text, inline codes as in codes.ts, notes
 * with context for translators and the source text's hash. Reading also finds where each unit and
 * its target are in the file (@xmldom/xmldom keeps line numbers), for messages about them.
 */
/// <reference path="./xliff-lib.d.ts" />
import { DOMParser, type Element } from "@xmldom/xmldom";
import type { XliffJs, XliffUnitJs } from "xliff/inline";
import js2xliff from "xliff/js2xliff";
import jsToXliff12 from "xliff/jsToXliff12";
import xliff2js from "xliff/xliff2js";
import xliff12ToJs from "xliff/xliff12ToJs";
import type { Position } from "../compiler/diagnostics.js";
import type { Part } from "../compiler/i18n/segment.js";
import { CodeError, fromInline, toInline, type XliffVersion } from "./codes.js";

export interface XliffUnit {
  id: string;
  source: Part[];
  target?: Part[];
  notes: string[];
}

export interface XliffFile {
  id: string;
  units: XliffUnit[];
}

export interface XliffDocument {
  sourceLanguage: string;
  targetLanguage: string;
  files: XliffFile[];
}

export async function writeXliff(doc: XliffDocument, version: XliffVersion): Promise<string> {
  const js: XliffJs = {
    sourceLanguage: doc.sourceLanguage,
    targetLanguage: doc.targetLanguage,
    resources: Object.fromEntries(
      doc.files.map((f) => [
        f.id,
        Object.fromEntries(
          f.units.map((u): [string, XliffUnitJs] => [
            u.id,
            {
              source: toInline(u.source, version),
              ...(u.target ? { target: toInline(u.target, version) } : {}),
              note: u.notes,
            },
          ]),
        ),
      ]),
    ),
  };
  // Unindented: the package's indentation would put whitespace inside <source> and <target>,
  // which translation tools read as part of the text. Lines are broken between elements below.
  const xml = version === "xliff2" ? await js2xliff(js, { indent: "" }) : await jsToXliff12(js, { indent: "" });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${breakLines(xml)}\n`;
}

/** Elements that hold only elements: each of their children starts a line. */
const CONTAINERS = new Set(["xliff", "file", "body", "group", "unit", "trans-unit", "notes", "segment"]);
/** Elements that hold text: they start a line but their content stays as it is. */
const LEAVES = new Set(["source", "target", "note"]);

/**
 * Puts each structural element on its own line, indented. Safe on the package's output: text and
 * attribute values never contain a raw `<` or `>` (codes.ts escapes attributes), so every `<…>`
 * found is a tag, and tags inside <source>, <target> and <note> are left alone.
 */
function breakLines(xml: string): string {
  let depth = 0;
  let leaf = 0;
  return xml.replace(/<(\/?)([\w:-]+)[^>]*?(\/?)>/g, (tag, closing: string, name: string, empty: string) => {
    if (leaf > 0 && !(closing && LEAVES.has(name))) return tag;
    if (LEAVES.has(name)) {
      if (closing) {
        leaf--;
        return tag;
      }
      if (!empty) leaf++;
      return `\n${"  ".repeat(depth)}${tag}`;
    }
    if (!CONTAINERS.has(name)) return tag;
    if (closing) return `\n${"  ".repeat(--depth)}${tag}`;
    const out = `${depth === 0 ? "" : "\n"}${"  ".repeat(depth)}${tag}`;
    if (!empty) depth++;
    return out;
  });
}

export interface ReadUnit {
  id: string;
  source: Part[];
  /** Undefined when the unit has no target; an error when its codes cannot be read. */
  target: Part[] | CodeError | undefined;
  notes: string[];
  at: Position;
  /** Where the target is (the unit when it has none). */
  targetAt: Position;
}

export interface ReadFile {
  id: string;
  at: Position;
  units: ReadUnit[];
}

export interface ReadDocument {
  version: XliffVersion;
  sourceLanguage: string;
  targetLanguage: string | undefined;
  files: ReadFile[];
}

/** Thrown when a file is not an XLIFF document we can read; `at` says where. */
export class XliffError extends Error {
  constructor(
    readonly at: Position,
    message: string,
  ) {
    super(message);
  }
}

export async function readXliff(text: string, file: string): Promise<ReadDocument> {
  const places = locate(text, file);
  const version = places.version;
  let js: XliffJs;
  try {
    js = version === "xliff2" ? await xliff2js(text) : await xliff12ToJs(text);
  } catch (error) {
    throw new XliffError(places.root, `cannot read this XLIFF file: ${(error as Error).message.split("\n")[0]}`);
  }
  const files: ReadFile[] = Object.entries(js.resources ?? {}).map(([id, units]) => {
    const where = places.files.get(id);
    return {
      id,
      at: where?.at ?? places.root,
      units: Object.entries(units).map(([unitId, unit]) => {
        const at = where?.units.get(unitId) ?? { at: where?.at ?? places.root, target: undefined };
        return {
          id: unitId,
          source: readParts(unit.source, version) as Part[],
          target: unit.target === undefined ? undefined : readParts(unit.target, version),
          notes: unit.note === undefined ? [] : ([] as string[]).concat(unit.note).map(String),
          at: at.at,
          targetAt: at.target ?? at.at,
        };
      }),
    };
  });
  return { version, sourceLanguage: js.sourceLanguage ?? "", targetLanguage: js.targetLanguage, files };
}

function readParts(value: XliffUnitJs["source"], version: XliffVersion): Part[] | CodeError {
  try {
    return fromInline(value, version);
  } catch (error) {
    if (error instanceof CodeError) return error;
    throw error;
  }
}

interface Places {
  version: XliffVersion;
  root: Position;
  files: Map<string, { at: Position; units: Map<string, { at: Position; target: Position | undefined }> }>;
}

/** Parses with line numbers: the version, and where each file, unit and target is. */
function locate(text: string, file: string): Places {
  // xmldom says line 0 for a document with no element at all.
  const at = (el: { lineNumber?: number; columnNumber?: number }): Position => ({
    file,
    line: Math.max(1, el.lineNumber ?? 1),
    col: Math.max(1, el.columnNumber ?? 1),
  });
  let doc: ReturnType<DOMParser["parseFromString"]>;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(text, "text/xml");
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator ?? {};
    throw new XliffError(at(locator), `not well-formed XML: ${(error as Error).message.split("\n")[0]}`);
  }
  const root = doc.documentElement;
  if (root?.localName !== "xliff")
    throw new XliffError({ file, line: 1, col: 1 }, "not an XLIFF file: the root element must be <xliff>");
  const version = root.getAttribute("version") ?? "";
  if (!/^(1\.2|2\.[0-2])$/.test(version))
    throw new XliffError(at(root), `XLIFF version "${version}" is not supported; use XLIFF 2.0 or 1.2`);
  const files: Places["files"] = new Map();
  for (const f of elements(root, "file")) {
    const units = new Map<string, { at: Position; target: Position | undefined }>();
    for (const u of [...elements(f, "unit"), ...elements(f, "trans-unit")]) {
      const target = elements(u, "target")[0];
      units.set(u.getAttribute("id") ?? "", { at: at(u), target: target && at(target) });
    }
    files.set(f.getAttribute(version === "1.2" ? "original" : "id") ?? "", { at: at(f), units });
  }
  return { version: version === "1.2" ? "xliff12" : "xliff2", root: at(root), files };
}

function elements(parent: Element, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS("*", localName));
}
