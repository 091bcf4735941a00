/**
 * Firefox over WebDriver BiDi, the W3C protocol Firefox speaks natively: the installed Firefox is
 * started headless with a throwaway profile and its remote agent, and driven over one WebSocket.
 * Each learner gets a user context (a separate cookie and storage jar, like a fresh browser
 * profile). Written here because playwright-core's BiDi driver needs commands this Firefox lacks,
 * and the surface `coursepack test` needs is small (engine.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { type BrowserSession, DESKTOP, type Engine, jsonResult, type Tab, unwrap } from "./engine.js";

const PREFS = [
  // The LMS page opens popups from a script, as LMSs do after the learner's click.
  'user_pref("dom.disable_open_during_load", false);',
  'user_pref("browser.shell.checkDefaultBrowser", false);',
  'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
  'user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);',
  'user_pref("browser.aboutwelcome.enabled", false);',
  'user_pref("app.update.disabledForTesting", true);',
  'user_pref("network.captive-portal-service.enabled", false);',
  // Firefox's own console messages in English whatever language packs are installed: isScriptError reads them.
  'user_pref("intl.locale.requested", "en-US");',
].join("\n");

type Message = {
  id?: number;
  type?: string;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: string;
  message?: string;
};

export class Bidi {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly listeners = new Set<(method: string, params: Record<string, unknown>) => void>();

  constructor(private readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const msg = JSON.parse(String(data)) as Message;
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.type === "error") p?.reject(new Error(`${msg.error}: ${msg.message}`));
        else p?.resolve(msg.result);
      } else if (msg.method) for (const l of this.listeners) l(msg.method, msg.params ?? {});
    });
    ws.on("close", () => {
      for (const p of this.pending.values()) p.reject(new Error("Firefox closed the connection"));
      this.pending.clear();
    });
  }

  /**
   * Sends a command; one that Firefox turned away before it reached the page (NOT_SENT) is sent
   * again. Firefox's remote agent gives up on a tab whose document it cannot reach within 100 ms
   * (`waitForCurrentWindowGlobal` in its RootTransport), which a loaded machine can exceed while
   * the tab is alive: CI once lost a scenario to it. Any other error names the command.
   */
  async send<T>(method: string, params: Record<string, unknown>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sendOnce<T>(method, params);
      } catch (error) {
        const message = (error as Error).message;
        if (!NOT_SENT.test(message) || attempt === RETRIES) throw new Error(`${method}: ${message}`);
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  private sendOnce<T>(method: string, params: Record<string, unknown>): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
}

/**
 * The remote agent's error when a tab had no document to take the command (exactly this text; a
 * tab that is really gone is named with its id, and a command cut off mid-way says so), so the
 * command never ran and may be sent again.
 */
const NOT_SENT = /^no such frame: DiscardedBrowsingContextError: BrowsingContext does no longer exist$/;
/** Six tries, 1.5 s of waiting in all (100, 200, … 500 ms), for a machine busy enough to need it. */
const RETRIES = 6;

function tab(bidi: Bidi, context: string): Tab {
  return {
    async evaluate<T>(expression: string) {
      const r = await bidi.send<{ type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } }>(
        "script.evaluate",
        {
          expression: jsonResult(expression),
          target: { context },
          awaitPromise: true,
          userActivation: true,
        },
      );
      if (r.type === "exception") throw new Error(r.exceptionDetails?.text ?? "script error");
      return unwrap<T>(r.result?.value);
    },
    async click(selector) {
      // Script with user activation: the click counts as the learner's gesture.
      await bidi.send("script.evaluate", {
        expression: `document.querySelector(${JSON.stringify(selector)}).click()`,
        target: { context },
        awaitPromise: false,
        userActivation: true,
      });
    },
    async screenshot() {
      const { data } = await bidi.send<{ data: string }>("browsingContext.captureScreenshot", { context });
      return Buffer.from(data, "base64");
    },
    async close() {
      await bidi.send("browsingContext.close", { context, promptUnload: false }).catch(() => undefined);
    },
  };
}

async function launch(executable: string): Promise<{ child: ChildProcess; url: string; profile: string }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), "coursepack-firefox-"));
  await writeFile(path.join(profile, "user.js"), PREFS);
  const child = spawn(executable, ["--headless", "--no-remote", "--profile", profile, "--remote-debugging-port=0"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its remote agent:\n${output}`)), 30_000);
    child.stderr!.on("data", (d: Buffer) => {
      output += d;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(`${m[1]}/session`);
      }
    });
    child.once("exit", (code) => reject(new Error(`Firefox exited (${code}):\n${output}`)));
  });
  return { child, url, profile };
}

export async function firefoxEngine(executable: string): Promise<Engine> {
  const { child, url, profile } = await launch(executable);
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  const bidi = new Bidi(ws);
  const { capabilities } = await bidi.send<{ capabilities: { browserVersion?: string } }>("session.new", {
    capabilities: { alwaysMatch: { acceptInsecureCerts: true } },
  });
  await bidi.send("session.subscribe", { events: ["browsingContext.contextCreated", "log.entryAdded"] });
  return {
    name: "firefox",
    version: `Firefox ${capabilities.browserVersion ?? ""}`.trim(),
    async newSession(viewport = DESKTOP): Promise<BrowserSession> {
      const { userContext } = await bidi.send<{ userContext: string }>("browser.createUserContext", {});
      const contexts = new Set<string>();
      const errors: string[] = [];
      const popups: ((context: string) => void)[] = [];
      const listener = (method: string, p: Record<string, unknown>) => {
        if (method === "browsingContext.contextCreated" && p.userContext === userContext) {
          const context = String(p.context);
          const known = contexts.has(context);
          contexts.add(context);
          if (!known && p.parent === null && popups.length) popups.shift()!(context);
        }
        const source = (p.source as { context?: string } | undefined)?.context;
        if (method === "log.entryAdded" && isScriptError(p) && source && contexts.has(source))
          errors.push(String(p.text));
      };
      bidi.listeners.add(listener);
      // Firefox has no phone emulation over BiDi: a phone is its screen's size.
      const size = (context: string) =>
        bidi.send("browsingContext.setViewport", {
          context,
          viewport: { width: viewport.width, height: viewport.height },
        });
      return {
        async open(pageUrl) {
          const { context } = await bidi.send<{ context: string }>("browsingContext.create", {
            type: "tab",
            userContext,
          });
          contexts.add(context);
          await size(context);
          await bidi.send("browsingContext.navigate", { context, url: pageUrl, wait: "complete" });
          return tab(bidi, context);
        },
        nextPopup() {
          return new Promise<Tab>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error("no popup window opened within 10 s")), 10_000);
            popups.push((context) => {
              clearTimeout(timer);
              size(context).then(() => resolve(tab(bidi, context)), reject);
            });
          });
        },
        errors: () => [...errors],
        async close() {
          bidi.listeners.delete(listener);
          await bidi.send("browser.removeUserContext", { userContext }).catch(() => undefined);
        },
      };
    },
    async close() {
      await bidi.send("session.end", {}).catch(() => undefined);
      ws.close();
      child.kill();
      await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(undefined)));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Firefox logs a cross-origin request that got no answer at all as a script error ("Cross-Origin
 * Request Blocked: … (Reason: CORS request did not succeed). Status code: (null)"): a tab killed
 * mid-request, as the background scenario does, or an LRS outage the course rides out. Chromium and
 * WebKit report these as network events, which no engine counts as the course's script errors, and
 * the scenarios check the statements themselves. A refusal that did get an answer (a missing
 * Access-Control-Allow-Origin) is still counted.
 */
export function isScriptError(entry: Record<string, unknown>): boolean {
  return (
    entry.type === "javascript" &&
    entry.level === "error" &&
    !/\(Reason: CORS request did not succeed\)/.test(String(entry.text))
  );
}
