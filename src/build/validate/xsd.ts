/**
 * Validates manifests against the official XSDs (copied into schemas/, see schemas/PROVENANCE.md)
 * with xmllint-wasm, i.e. libxml2 in WebAssembly: no native build, no network (--nonet semantics,
 * every imported schema is preloaded from disk).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";
import { PACKAGE_ROOT } from "../paths.js";

export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, "schemas");

/** Schema sets and the wrapper schema that imports every namespace a document may use. */
export const SCHEMA_SETS = {
  scorm12: "scorm12/scorm12_all.xsd",
  "scorm2004-4th": "scorm2004-4th/scorm2004_4th_all.xsd",
  "scorm2004-3rd": "scorm2004-3rd/scorm2004_3rd_all.xsd",
  cmi5: "cmi5/CourseStructure.xsd",
} as const;

export type SchemaSet = keyof typeof SCHEMA_SETS;

export interface XsdProblem {
  message: string;
  line: number | undefined;
}

export interface XsdResult {
  file: string;
  valid: boolean;
  problems: XsdProblem[];
}

const loaded = new Map<SchemaSet, Promise<{ schema: XMLFileInfo; preload: XMLFileInfo[] }>>();

function loadSet(set: SchemaSet) {
  let files = loaded.get(set);
  if (!files) {
    files = (async () => {
      const dir = path.join(SCHEMAS_DIR, path.dirname(SCHEMA_SETS[set]));
      const names = (await readdir(dir, { recursive: true })).filter((f) => /\.(xsd|dtd)$/.test(f)).sort();
      const all = await Promise.all(names.map(async (name) => ({
        fileName: name.split(path.sep).join("/"),
        contents: await readFile(path.join(dir, name), "utf8"),
      })));
      const wrapper = path.basename(SCHEMA_SETS[set]);
      return { schema: all.find((f) => f.fileName === wrapper)!, preload: all.filter((f) => f.fileName !== wrapper) };
    })();
    loaded.set(set, files);
  }
  return files;
}

/**
 * Validates documents against one schema set. Several documents per call: each call compiles the
 * schema again (80-200 ms).
 */
export async function validateXsd(set: SchemaSet, documents: { file: string; xml: string }[]): Promise<XsdResult[]> {
  const { schema, preload } = await loadSet(set);
  const results: XsdResult[] = [];
  // xmllint reports per call; validate one by one so each result is attributable, but reuse the loaded schema files.
  for (const doc of documents) {
    const fileName = `document-${results.length}.xml`;
    const out = await validateXML({ xml: [{ fileName, contents: doc.xml }], schema: [schema], preload });
    results.push({
      file: doc.file,
      valid: out.valid,
      problems: out.errors
        // libxml2 warns about the wrappers importing xml.xsd twice; that is about our schemas, not the document.
        .filter((e) => !e.message.includes("parser warning"))
        .map((e) => ({ message: e.message.trim(), line: e.loc?.lineNumber })),
    });
  }
  return results;
}
