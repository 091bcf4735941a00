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
  xml: string;
  resolve: (result: Verdict) => void;
  reject: (error: unknown) => void;
}

/** What a schema says of a document, whichever file it came from. */
type Verdict = Omit<XsdResult, "file">;

/** Requests waiting for the next xmllint run of each schema set. */
const queues = new Map<SchemaSet, { waiting: Pending[]; running: boolean }>();

/**
 * Verdicts by schema set and document text. The build validates each manifest before rendering
 * (packaging/assemble.ts) and its package check validates the same text again, from the zip; a
 * document's verdict is a function of its text, so the check is answered from the first run.
 * Bounded, since a preview session validates the course after every edit.
 */
const verdicts = new Map<string, Promise<Verdict>>();
const VERDICTS_KEPT = 64;

/**
 * Validates documents against one schema set. Compiling the schemas costs about 250 ms per xmllint
 * run, and one run validates hundreds of documents in about the same time, so calls that arrive
 * while a run is being prepared or is in progress are merged into the next run.
 */
export function validateXsd(set: SchemaSet, documents: { file: string; xml: string }[]): Promise<XsdResult[]> {
  return Promise.all(
    documents.map(async (doc) => {
      const { valid, problems } = await verdict(set, doc.xml);
      return { file: doc.file, valid, problems: [...problems] };
    }),
  );
}

function verdict(set: SchemaSet, xml: string): Promise<Verdict> {
  const key = `${set}\n${xml}`;
  const known = verdicts.get(key);
  if (known) return known;
  let queue = queues.get(set);
  if (!queue) queues.set(set, (queue = { waiting: [], running: false }));
  const waiting = queue.waiting;
  const result = new Promise<Verdict>((resolve, reject) => waiting.push({ xml, resolve, reject }));
  if (!queue.running) void drain(set, queue);
  verdicts.set(key, result);
  if (verdicts.size > VERDICTS_KEPT) verdicts.delete(verdicts.keys().next().value!);
  // A run that failed (xmllint crashed) is tried again next time.
  result.catch(() => verdicts.delete(key));
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
        batch.map((p) => p.xml),
      );
      for (const [i, p] of batch.entries()) p.resolve(results[i]!);
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
  queue.running = false;
}

const STATUS = /^(document-\d+\.xml) (validates|fails to validate)$/;
const PROBLEM = /^(document-\d+\.xml):(\d+): (.*)$/;

/** xmllint's exit codes: 0 valid, 3 and 4 validation errors, 1 and others parse errors (same report). */
async function validateBatch(set: SchemaSet, documents: string[]): Promise<Verdict[]> {
  const { schema, preload } = await loadSet(set);
  const names = documents.map((_, i) => `document-${i}.xml`);
  const { stderr: output } = await runXmllint({
    inputFiles: [...documents.map((xml, i) => ({ fileName: names[i]!, contents: xml })), schema, ...preload],
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
  return names.map((name) => {
    const list = problems.get(name)!;
    // A document that is not well-formed gets no status line, only its parser errors.
    if (!valid.has(name) && list.length === 0)
      list.push({ message: "the document could not be validated", line: undefined });
    return { valid: valid.has(name), problems: list };
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
