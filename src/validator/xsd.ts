/**
 * Validates manifests against the official XSDs (copied into schemas/, see schemas/PROVENANCE.md)
 * with xmllint-wasm, i.e. libxml2 in WebAssembly: no native build, no network (--nonet semantics,
 * every imported schema is preloaded from disk).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PACKAGE_ROOT } from "../shared/node/paths.js";
import { runXmllint, type XmllintFile } from "./xmllint-pool.js";

export { warmXmllint as warmXsd } from "./xmllint-pool.js";

export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, "schemas");

/** Schema sets and the wrapper schema that imports every namespace a document may use. */
export const SCHEMA_SETS = {
  scorm12: "scorm12/scorm12_all.xsd",
  "scorm2004-4th": "scorm2004-4th/scorm2004_4th_all.xsd",
  "scorm2004-3rd": "scorm2004-3rd/scorm2004_3rd_all.xsd",
  cmi5: "cmi5/CourseStructure.xsd",
  /** Translation files `coursepack translate export` writes (src/translation/). */
  xliff20: "xliff20/xliff_core_2.0.xsd",
  xliff12: "xliff12/xliff-core-1.2-strict.xsd",
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

const loaded = new Map<SchemaSet, Promise<{ schema: XmllintFile; preload: XmllintFile[] }>>();

function loadSet(set: SchemaSet) {
  let files = loaded.get(set);
  if (!files) {
    files = (async () => {
      const dir = path.join(SCHEMAS_DIR, path.dirname(SCHEMA_SETS[set]));
      const names = (await readdir(dir, { recursive: true })).filter((f) => /\.(xsd|dtd)$/.test(f)).sort();
      const all = await Promise.all(
        names.map(async (name) => ({
          fileName: name.split(path.sep).join("/"),
          contents: await readFile(path.join(dir, name), "utf8"),
        })),
      );
      const wrapper = path.basename(SCHEMA_SETS[set]);
      return { schema: all.find((f) => f.fileName === wrapper)!, preload: all.filter((f) => f.fileName !== wrapper) };
    })();
    loaded.set(set, files);
  }
  return files;
}

interface Pending {
  documents: { file: string; xml: string }[];
  resolve: (results: XsdResult[]) => void;
  reject: (error: unknown) => void;
}

/** Requests waiting for the next xmllint run of each schema set. */
const queues = new Map<SchemaSet, { waiting: Pending[]; running: boolean }>();

/**
 * Validates documents against one schema set. Compiling the schemas costs about 250 ms per xmllint
 * run, and one run validates hundreds of documents in about the same time, so calls that arrive
 * while a run is being prepared or is in progress are merged into the next run.
 */
export function validateXsd(set: SchemaSet, documents: { file: string; xml: string }[]): Promise<XsdResult[]> {
  if (documents.length === 0) return Promise.resolve([]);
  let queue = queues.get(set);
  if (!queue) queues.set(set, (queue = { waiting: [], running: false }));
  const result = new Promise<XsdResult[]>((resolve, reject) => queue.waiting.push({ documents, resolve, reject }));
  if (!queue.running) void drain(set, queue);
  return result;
}

async function drain(set: SchemaSet, queue: { waiting: Pending[]; running: boolean }): Promise<void> {
  queue.running = true;
  // Let calls made in the same turn of the event loop join this run.
  await new Promise((resolve) => setImmediate(resolve));
  while (queue.waiting.length > 0) {
    const batch = queue.waiting.splice(0);
    try {
      const results = await validateBatch(
        set,
        batch.flatMap((p) => p.documents),
      );
      let i = 0;
      for (const p of batch) {
        p.resolve(results.slice(i, i + p.documents.length));
        i += p.documents.length;
      }
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
  queue.running = false;
}

const STATUS = /^(document-\d+\.xml) (validates|fails to validate)$/;
const PROBLEM = /^(document-\d+\.xml):(\d+): (.*)$/;

/** xmllint's exit codes: 0 valid, 3 and 4 validation errors, 1 and others parse errors (same report). */
async function validateBatch(set: SchemaSet, documents: { file: string; xml: string }[]): Promise<XsdResult[]> {
  const { schema, preload } = await loadSet(set);
  const names = documents.map((_, i) => `document-${i}.xml`);
  const { stderr: output } = await runXmllint({
    inputFiles: [...documents.map((d, i) => ({ fileName: names[i]!, contents: d.xml })), schema, ...preload],
    args: ["--schema", schema.fileName, "--noout", ...names],
    // Manifests of thousands of items need more than the default 32 MB.
    maxMemoryPages: 4096,
  });
  const valid = new Set<string>();
  const seen = new Set<string>();
  const problems = new Map<string, XsdProblem[]>(names.map((n) => [n, []]));
  for (const line of output.split("\n")) {
    const status = STATUS.exec(line);
    if (status) {
      seen.add(status[1]!);
      if (status[2] === "validates") valid.add(status[1]!);
      continue;
    }
    const problem = PROBLEM.exec(line);
    if (problem) problems.get(problem[1]!)?.push({ message: tidy(problem[3]!), line: Number(problem[2]) });
  }
  if (seen.size === 0 && [...problems.values()].every((p) => p.length === 0)) {
    throw new Error(`xmllint could not validate against ${SCHEMA_SETS[set]}:\n${output}`);
  }
  return documents.map((doc, i) => {
    const name = names[i]!;
    const list = problems.get(name)!;
    // A document that is not well-formed gets no status line, only its parser errors.
    if (!valid.has(name) && list.length === 0)
      list.push({ message: "the document could not be validated", line: undefined });
    return { file: doc.file, valid: valid.has(name), problems: list };
  });
}

/** libxml2's wording without its prefixes, and `{namespace}name` shortened to `name`. */
function tidy(message: string): string {
  return message
    .replace(/^(element \S+: )?Schemas validity error : /, "")
    .replace(/^parser error : /, "")
    .replace(/\{[^}\s]+\}(?=[A-Za-z_])/g, "")
    .trim();
}
