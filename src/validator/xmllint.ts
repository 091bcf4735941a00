/**
 * xmllint — libxml2 compiled to WebAssembly, as xmllint-wasm ships it — on long-lived worker threads.
 * xmllint-wasm's own `validateXML` starts a worker and compiles the 0.8 MB WebAssembly module for
 * every call, which costs as much CPU as validating a manifest; here the module is compiled once per
 * process and each run only instantiates it, on one of at most two workers kept for the process
 * (idle workers never keep it alive). We use xmllint-wasm's Emscripten factory (xmllint-node.js) and
 * its command line exactly as `validateXML` does; only the worker around them is ours.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

export interface XmllintFile {
  fileName: string;
  contents: string;
}

export interface XmllintRun {
  /** The documents to validate, in order. */
  xml: XmllintFile[];
  /** The schema to validate them against. */
  schema: XmllintFile;
  /** Files the schema imports or includes. */
  preload: XmllintFile[];
  /** Memory limit in 64 KiB pages. */
  maxMemoryPages: number;
}

/** What xmllint printed to stderr (one status line per document, and every problem) and its exit code. */
export interface XmllintOutput {
  exitCode: number;
  stderr: string;
}

const resolveHere = createRequire(import.meta.url).resolve;
const FACTORY = resolveHere("xmllint-wasm/xmllint-node.js");
const WASM = path.join(path.dirname(FACTORY), "xmllint.wasm");
const INITIAL_MEMORY_PAGES = 256;

/** A compiled WebAssembly.Module, opaque here: it is only handed to the workers. */
type CompiledModule = object;
// Node's types declare WebAssembly's types but not the global itself.
const { WebAssembly } = globalThis as unknown as {
  WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledModule> };
};

/**
 * Runs in each worker: instantiates the compiled module for every job and reports xmllint's exit.
 * Requiring the factory also installs xmllint-wasm's own message handler, which ignores messages
 * that lack its "xmllint-wasm" tag, as ours do.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const factory = require(workerData.factory);
parentPort.on("message", (job) => {
  if (!job || job.kind !== "coursepack-xmllint") return;
  let stderr = "";
  let settled = false;
  const settle = (exitCode) => {
    if (settled) return;
    settled = true;
    parentPort.postMessage({ kind: "coursepack-xmllint", id: job.id, exitCode, stderr });
  };
  factory({
    inputFiles: job.inputFiles,
    arguments: job.args,
    print() {},
    printErr(text) { stderr += text + "\\n"; },
    onExit: settle,
    onAbort(reason) { stderr += "WASM Abort: " + reason + "\\n"; settle(-1); },
    wasmMemory: new WebAssembly.Memory({ initial: job.initialMemory, maximum: job.maxMemory }),
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(workerData.module, imports).then((instance) => receive(instance, workerData.module));
      return {};
    },
  }).catch((error) => { stderr += String(error) + "\\n"; settle(-1); });
});
`;

interface Job {
  id: number;
  resolve: (output: XmllintOutput) => void;
  reject: (error: unknown) => void;
}

class XmllintWorker {
  private readonly worker: Worker;
  readonly jobs = new Map<number, Job>();

  constructor(module: CompiledModule, onGone: (w: XmllintWorker) => void) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { factory: FACTORY, module } });
    this.worker.unref();
    this.worker.on("message", (message: { kind?: string; id: number } & XmllintOutput) => {
      if (message?.kind !== "coursepack-xmllint") return;
      const job = this.jobs.get(message.id);
      if (!job) return;
      this.jobs.delete(message.id);
      if (this.jobs.size === 0) this.worker.unref();
      job.resolve({ exitCode: message.exitCode, stderr: message.stderr });
    });
    const fail = (error: unknown) => {
      onGone(this);
      for (const job of this.jobs.values()) job.reject(error);
      this.jobs.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the xmllint worker stopped (exit code ${code})`)));
  }

  run(id: number, run: XmllintRun, job: Job): void {
    this.jobs.set(id, job);
    this.worker.ref();
    this.worker.postMessage({
      kind: "coursepack-xmllint",
      id,
      inputFiles: [...run.xml, run.schema, ...run.preload],
      // The command line xmllint-wasm's validateXML builds for one schema and no output.
      args: ["--schema", run.schema.fileName, "--noout", ...run.xml.map((f) => f.fileName)],
      initialMemory: INITIAL_MEMORY_PAGES,
      maxMemory: Math.max(run.maxMemoryPages, INITIAL_MEMORY_PAGES),
    });
  }
}

let compiled: Promise<CompiledModule> | undefined;
const workers: XmllintWorker[] = [];
const POOL_SIZE = Math.min(2, availableParallelism());
let nextId = 0;

/** Runs xmllint on the least busy worker, starting one while the pool is not full. */
export async function xmllint(run: XmllintRun): Promise<XmllintOutput> {
  compiled ??= readFile(WASM).then((bytes) => WebAssembly.compile(bytes));
  const module = await compiled;
  let worker = workers.find((w) => w.jobs.size === 0);
  if (!worker && workers.length < POOL_SIZE) {
    worker = new XmllintWorker(module, (gone) => workers.splice(workers.indexOf(gone) >>> 0, 1));
    workers.push(worker);
  }
  worker ??= workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  const id = nextId++;
  const chosen = worker;
  return new Promise((resolve, reject) => chosen.run(id, run, { id, resolve, reject }));
}
