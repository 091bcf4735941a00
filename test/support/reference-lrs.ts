/**
 * A real LRS on 127.0.0.1 for the tests: the npm package xapi-statements (Learning Locker's
 * statements service) in memory mode. Statements only — the local LMS (src/preview/server/lrs)
 * serves State, Agent Profile and the cmi5 launch endpoints and forwards statements here, so this
 * LRS's own validator judges every statement. Each test file starts its own and stops it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { freePort } from "../../src/shared/node/free-port.js";
import XAPI, { type StatementsResponse } from "@xapi/xapi";
import { ROOT, tempDir } from "./build.js";

export interface ReferenceLrs {
  /** Ends with "/". */
  endpoint: string;
  /** Any Basic credentials work in its test auth mode. */
  auth: string;
  /** Statements stored for a registration, oldest first. */
  statements(registration: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export { freePort };

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  // Generous: on a shared two-core machine the LRS, a build and Chromium start at once.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`xapi-statements exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`xapi-statements did not start within 60 s:\n${log()}`);
}

export async function startReferenceLrs(): Promise<ReferenceLrs> {
  const port = await freePort();
  const storage = await tempDir("lrs");
  let output = "";
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/xapi-statements/dist/server.js")], {
    cwd: storage,
    env: {
      ...process.env,
      EXPRESS_PORT: String(port),
      AUTH_REPO: "test",
      EVENTS_REPO: "test",
      MODELS_REPO: "memory",
      STORAGE_REPO: "local",
      FS_LOCAL_STORAGE_DIR: storage,
      EXPRESS_MORGAN_DIRECTORY: path.join(storage, "access-logs"),
      WINSTON_CONSOLE_LEVEL: "warning",
      NODE_NO_WARNINGS: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const endpoint = `http://127.0.0.1:${port}/xAPI/`;
  const auth = `Basic ${Buffer.from("coursepack-tests:secret").toString("base64")}`;
  try {
    await waitUntilUp(`${endpoint}about`, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    endpoint,
    auth,
    async statements(registration) {
      // Read back with @xapi/xapi, a client independent of the runtime's own (src/runtime/tracking/xapi/client.ts),
      // following `more` until the last page.
      const xapi = new XAPI({ endpoint, auth });
      const out: Record<string, unknown>[] = [];
      let page: StatementsResponse = (await xapi.getStatements({ registration, ascending: true, limit: 500 })).data;
      out.push(...(page.statements as unknown as Record<string, unknown>[]));
      while (page.more) {
        page = (await xapi.getMoreStatements({ more: page.more })).data as StatementsResponse;
        out.push(...(page.statements as unknown as Record<string, unknown>[]));
      }
      return out;
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await rm(storage, { recursive: true, force: true });
    },
  };
}
