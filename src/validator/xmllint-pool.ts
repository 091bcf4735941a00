/**
 * Runs xmllint (libxml2 compiled to WebAssembly by xmllint-wasm) on worker threads that live while
 * there is work for them (XMLLINT_IDLE_MS). xmllint-wasm's own validateXML() starts a worker and
 * compiles the 780 KB WebAssembly module for every call, which cost a default build most of its
 * time; here each worker compiles it once, runs any number of xmllint invocations, and the first
 * worker can be started (`warmXmllint`) while the build is still reading the course. The worker
 * uses the Emscripten module that xmllint-wasm exports (`xmllint-node.js`) with the options its
 * own worker passes; compile.mjs copies it into lib/xmllint/, so the published package has no
 * dependencies.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { PACKAGE_ROOT } from "../shared/node/paths.js";

export interface XmllintFile {
  fileName: string;
  contents: string;
}

export interface XmllintRun {
  /** Files the run may open: documents, schemas and everything they import. */
  inputFiles: XmllintFile[];
  args: string[];
  /** WebAssembly memory limit in 64 KiB pages. */
  maxMemoryPages: number;
}

export interface XmllintResult {
  exitCode: number;
  stderr: string;
}

/** The part of the WebAssembly API the worker uses (Node's types do not declare it without DOM's). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<object>;
  Memory: new (descriptor: { initial: number; maximum: number }) => object;
}

/** The worker's code, run with `eval` so it works from src/ (tests) and from the bundle alike. */
function workerMain(): void {
  // No `require` or imports here: bundlers rewrite those, and this function runs as source text.
  const { parentPort, workerData } = process.getBuiltinModule("node:worker_threads");
  const { readFileSync } = process.getBuiltinModule("node:fs");
  const { createRequire } = process.getBuiltinModule("node:module");
  const factory = createRequire(workerData.moduleFile)(workerData.moduleFile) as (options: object) => Promise<unknown>;
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const compiled = wasm.compile(readFileSync(workerData.wasmFile));
  parentPort!.on("message", (job: { id: number; inputFiles: unknown[]; args: string[]; maxMemoryPages: number }) => {
    // Only our jobs: xmllint-node.js listens on the same port for messages tagged as its own.
    if (typeof job?.id !== "number") return;
    let stderr = "";
    const done = (exitCode: number) => parentPort!.postMessage({ id: job.id, exitCode, stderr });
    void factory({
      inputFiles: job.inputFiles,
      arguments: job.args,
      print: () => undefined,
      printErr: (text: string) => {
        stderr += `${text}\n`;
      },
      onExit: done,
      onAbort: (reason: unknown) => {
        stderr += `WASM Abort: ${String(reason)}\n`;
        done(-1);
      },
      wasmMemory: new wasm.Memory({ initial: 256, maximum: Math.max(256, job.maxMemoryPages) }),
      instantiateWasm(imports: object, receive: (instance: object, module: object) => void) {
        void compiled.then(async (module) => receive(await wasm.instantiate(module, imports), module));
        return {};
      },
    }).catch((error: unknown) => {
      stderr += `${String(error)}\n`;
      done(-1);
    });
  });
}

/** Copied from xmllint-wasm (pinned: the worker relies on its module's options) by scripts/compile.mjs. */
const MODULE_FILE = path.join(PACKAGE_ROOT, "lib", "xmllint", "xmllint-node.cjs");
const WASM_FILE = path.join(PACKAGE_ROOT, "lib", "xmllint", "xmllint.wasm");
const SIZE = Math.max(1, Math.min(3, availableParallelism() - 1));
/**
 * A worker idle this long stops. Its WebAssembly heap and compiled module hold about 15 MB that a
 * large build would otherwise carry to its end (the schema checks finish well before packaging, the
 * build's peak), and a long-lived preview between rebuilds; the next build warms a new one while it
 * reads the course. Runs queued back to back never leave a worker idle.
 */
export const XMLLINT_IDLE_MS = 150;

interface Slot {
  worker: Worker;
  busy: boolean;
  idleTimer?: NodeJS.Timeout;
}

const slots: Slot[] = [];
const waiting: { run: XmllintRun; resolve: (r: XmllintResult) => void; reject: (e: unknown) => void }[] = [];
const pending = new Map<number, { slot: Slot; resolve: (r: XmllintResult) => void; reject: (e: unknown) => void }>();
let nextId = 0;

function startWorker(): Slot {
  const worker = new Worker(`(${workerMain.toString()})()`, {
    eval: true,
    workerData: { moduleFile: MODULE_FILE, wasmFile: WASM_FILE },
  });
  const slot: Slot = { worker, busy: false };
  worker.on("message", (message: { id: number } & XmllintResult) => {
    const job = pending.get(message.id);
    if (!job) return;
    pending.delete(message.id);
    release(slot);
    job.resolve({ exitCode: message.exitCode, stderr: message.stderr });
  });
  worker.on("error", (error) => {
    forget(slot);
    for (const [id, job] of pending) {
      if (job.slot !== slot) continue;
      pending.delete(id);
      job.reject(error);
    }
    pump();
  });
  // After the listeners: adding a "message" listener refs the worker again.
  worker.unref();
  slots.push(slot);
  return slot;
}

function release(slot: Slot): void {
  slot.busy = false;
  slot.worker.unref();
  pump();
  if (!slot.busy) slot.idleTimer = setTimeout(() => stop(slot), XMLLINT_IDLE_MS).unref();
}

function stop(slot: Slot): void {
  forget(slot);
  void slot.worker.terminate();
}

function forget(slot: Slot): void {
  clearTimeout(slot.idleTimer);
  const index = slots.indexOf(slot);
  if (index >= 0) slots.splice(index, 1);
}

function pump(): void {
  while (waiting.length > 0) {
    const slot = slots.find((s) => !s.busy) ?? (slots.length < SIZE ? startWorker() : undefined);
    if (!slot) return;
    const { run, resolve, reject } = waiting.shift()!;
    const id = nextId++;
    slot.busy = true;
    clearTimeout(slot.idleTimer);
    // A worker with a job keeps the process alive until it answers.
    slot.worker.ref();
    pending.set(id, { slot, resolve, reject });
    slot.worker.postMessage({ id, ...run });
  }
}

/** Starts a worker (and its WebAssembly compilation) now, so the first run does not wait for it. */
export function warmXmllint(): void {
  if (slots.length === 0) startWorker();
}

/** How many xmllint workers are running (for tests and measurements). */
export function xmllintWorkerCount(): number {
  return slots.length;
}

/** One xmllint invocation. */
export function runXmllint(run: XmllintRun): Promise<XmllintResult> {
  return new Promise((resolve, reject) => {
    waiting.push({ run, resolve, reject });
    pump();
  });
}
