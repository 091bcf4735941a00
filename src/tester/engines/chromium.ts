/**
 * Chromium, Chrome or Edge, driven over the Chrome DevTools Protocol on a pipe
 * (`--remote-debugging-pipe`: commands on file descriptor 3, answers and events on 4, each message
 * ended by a NUL). Written here rather than with playwright-core because Coursepack ships with no
 * dependencies and playwright-core cannot be bundled (it loads its own files by computed paths); the
 * surface `coursepack test` needs is small (engine.ts). Each learner gets a browser context, the
 * DevTools equivalent of a fresh profile. It only drives the installed browser browsers.ts finds.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { CHROMIUM_ARGS } from "../../shared/node/chromium.js";
import { type BrowserSession, DESKTOP, type Engine, jsonResult, type Tab, unwrap, type Viewport } from "./engine.js";

type Params = Record<string, unknown>;
type Listener = (method: string, params: Params, sessionId: string | undefined) => void;

/** One DevTools connection; `sessionId` addresses a page attached with `flatten: true`. */
class Cdp {
  private next = 0;
  private buffer = "";
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly listeners = new Set<Listener>();

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding("utf8");
    output.on("data", (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf("\0"); end >= 0; end = this.buffer.indexOf("\0")) {
        this.receive(this.buffer.slice(0, end));
        this.buffer = this.buffer.slice(end + 1);
      }
    });
    output.on("close", () => {
      for (const p of this.pending.values()) p.reject(new Error("the browser closed the DevTools connection"));
      this.pending.clear();
    });
  }

  private receive(text: string): void {
    const msg = JSON.parse(text) as {
      id?: number;
      method?: string;
      params?: Params;
      sessionId?: string;
      result?: unknown;
      error?: { message: string };
    };
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
    } else if (msg.method) for (const l of this.listeners) l(msg.method, msg.params ?? {}, msg.sessionId);
  }

  send<T>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Resolves with the first event `method` whose params pass `test`, or rejects after `ms`. */
  waitFor(method: string, test: (params: Params, sessionId: string | undefined) => boolean, ms: number) {
    return new Promise<Params>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${method} within ${ms / 1000} s`));
      }, ms);
      const listener: Listener = (m, params, sessionId) => {
        if (m !== method || !test(params, sessionId)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(params);
      };
      this.listeners.add(listener);
    });
  }
}

function tab(cdp: Cdp, targetId: string, sessionId: string): Tab {
  return {
    async evaluate<T>(expression: string) {
      const r = await cdp.send<{ result: { value?: unknown }; exceptionDetails?: { text?: string } }>(
        "Runtime.evaluate",
        { expression: jsonResult(expression), awaitPromise: true, returnByValue: true, userGesture: true },
        sessionId,
      );
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.text ?? "script error");
      return unwrap<T>(r.result.value);
    },
    async click(selector) {
      // Script with a user gesture: the click counts as the learner's, so the page may open a popup.
      await cdp.send(
        "Runtime.evaluate",
        { expression: `document.querySelector(${JSON.stringify(selector)}).click()`, userGesture: true },
        sessionId,
      );
    },
    async screenshot() {
      const { data } = await cdp.send<{ data: string }>("Page.captureScreenshot", { format: "png" }, sessionId);
      return Buffer.from(data, "base64");
    },
    async close() {
      // Page.close runs the page's unload handlers, as a learner closing the tab does.
      const gone = cdp.waitFor("Target.targetDestroyed", (p) => p.targetId === targetId, 10_000);
      await cdp.send("Page.close", {}, sessionId).catch(() => undefined);
      await gone.catch(() => cdp.send("Target.closeTarget", { targetId }).catch(() => undefined));
    },
  };
}

/** Attaches to a page target and readies it: events for errors, the session's viewport. */
async function attach(cdp: Cdp, targetId: string, viewport: Viewport): Promise<string> {
  const { sessionId } = await cdp.send<{ sessionId: string }>("Target.attachToTarget", { targetId, flatten: true });
  await Promise.all([
    cdp.send("Page.enable", {}, sessionId),
    cdp.send("Runtime.enable", {}, sessionId),
    cdp.send(
      "Emulation.setDeviceMetricsOverride",
      { width: viewport.width, height: viewport.height, deviceScaleFactor: 1, mobile: viewport.mobile },
      sessionId,
    ),
  ]);
  return sessionId;
}

/**
 * Resolves once the page of `sessionId` has loaded (it may have loaded before we asked). A window
 * opened with a URL holds about:blank at first, which does not count.
 */
async function loaded(cdp: Cdp, sessionId: string): Promise<void> {
  const fired = cdp.waitFor("Page.loadEventFired", (_, s) => s === sessionId, 30_000);
  fired.catch(() => undefined);
  const r = await cdp.send<{ result: { value?: boolean } }>(
    "Runtime.evaluate",
    { expression: 'document.readyState === "complete" && location.href !== "about:blank"', returnByValue: true },
    sessionId,
  );
  if (r.result.value !== true) await fired;
}

/**
 * Chromium keeps a spare renderer process ready for the next navigation, in the default profile;
 * every learner here gets a fresh context, so each spare went unused (issue 13: 19 renderers for 5
 * visits instead of 10, and a moodle run took 132 core-seconds instead of 113).
 */
const NO_SPARE_RENDERER = "--disable-features=SpareRendererForSitePerProcess";

async function launch(executable: string): Promise<{ child: ChildProcess; cdp: Cdp; profile: string }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), "coursepack-chromium-"));
  const child = spawn(
    executable,
    [
      ...CHROMIUM_ARGS,
      NO_SPARE_RENDERER,
      "--headless",
      "--remote-debugging-pipe",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] },
  );
  let output = "";
  child.stderr!.on("data", (d: Buffer) => {
    if (output.length < 10_000) output += d;
  });
  const cdp = new Cdp(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`Chromium exited (${code}) before it could be driven:\n${output}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([cdp.send("Browser.getVersion"), exited]);
  return { child, cdp, profile };
}

export async function chromiumEngine(executablePath: string): Promise<Engine> {
  const { child, cdp, profile } = await launch(executablePath);
  const { product } = await cdp.send<{ product: string }>("Browser.getVersion");
  // Popups are announced as new targets; they are attached when a session asks for one.
  await cdp.send("Target.setDiscoverTargets", { discover: true });
  return {
    name: "chromium",
    version: product.replace(/^(Headless)?Chrome\//, "Chromium "),
    async newSession(viewport = DESKTOP): Promise<BrowserSession> {
      const { browserContextId } = await cdp.send<{ browserContextId: string }>("Target.createBrowserContext", {
        disposeOnDetach: true,
      });
      const sessions = new Set<string>();
      const errors: string[] = [];
      const popups: string[] = [];
      const waiting: ((targetId: string) => void)[] = [];
      const listener: Listener = (method, p, sessionId) => {
        if (method === "Runtime.exceptionThrown" && sessionId && sessions.has(sessionId)) {
          const details = p.exceptionDetails as { text?: string; exception?: { description?: string } };
          errors.push(details.exception?.description?.split("\n")[0] ?? details.text ?? "script error");
        }
        if (method !== "Target.targetCreated") return;
        const info = p.targetInfo as { targetId: string; type: string; openerId?: string; browserContextId?: string };
        // A window a page of this session opened (the tabs we open ourselves have no opener).
        if (info.type === "page" && info.openerId && info.browserContextId === browserContextId) {
          const take = waiting.shift();
          if (take) take(info.targetId);
          else popups.push(info.targetId);
        }
      };
      cdp.listeners.add(listener);
      const open = async (targetId: string) => {
        const sessionId = await attach(cdp, targetId, viewport);
        sessions.add(sessionId);
        return sessionId;
      };
      return {
        async open(url) {
          const { targetId } = await cdp.send<{ targetId: string }>("Target.createTarget", {
            url: "about:blank",
            browserContextId,
          });
          const sessionId = await open(targetId);
          const done = cdp.waitFor("Page.loadEventFired", (_, s) => s === sessionId, 30_000);
          const { errorText } = await cdp.send<{ errorText?: string }>("Page.navigate", { url }, sessionId);
          if (errorText) throw new Error(`${url}: ${errorText}`);
          await done;
          return tab(cdp, targetId, sessionId);
        },
        async nextPopup() {
          const targetId =
            popups.shift() ??
            (await new Promise<string>((resolve, reject) => {
              const timer = setTimeout(() => reject(new Error("no popup window opened within 10 s")), 10_000);
              waiting.push((id) => {
                clearTimeout(timer);
                resolve(id);
              });
            }));
          const sessionId = await open(targetId);
          await loaded(cdp, sessionId);
          return tab(cdp, targetId, sessionId);
        },
        errors: () => [...errors],
        async close() {
          cdp.listeners.delete(listener);
          await cdp.send("Target.disposeBrowserContext", { browserContextId }).catch(() => undefined);
        },
      };
    },
    async close() {
      await cdp.send("Browser.close").catch(() => undefined);
      await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(undefined)));
      await rm(profile, { recursive: true, force: true });
    },
  };
}
