/**
 * WebKit (Safari's engine family) over W3C WebDriver: WebKitGTK's WebKitWebDriver on Linux (its
 * MiniBrowser needs an X display, so an Xvfb is started when there is none), safaridriver on
 * macOS. Each learner is a WebDriver session — a fresh browser process with its own storage. One
 * session has one current window, so commands to a tab switch to it first, one at a time.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../shared/node/free-port.js";
import { type BrowserSession, DESKTOP, type Engine, jsonResult, type Tab, unwrap } from "./engine.js";

const SAFARI = /safaridriver$/;

async function until(test: () => Promise<boolean>, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test().catch(() => false))) {
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An X display for WebKitGTK when the machine has none (a server, CI): Xvfb on a free number. */
async function display(): Promise<{ env: NodeJS.ProcessEnv; xvfb?: ChildProcess }> {
  if (process.platform !== "linux" || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return { env: process.env };
  const xvfb = ["/usr/bin/Xvfb", "/usr/local/bin/Xvfb"].find(existsSync);
  if (!xvfb) throw new Error("WebKitGTK needs a display: install Xvfb (sudo apt-get install -y xvfb) or set DISPLAY");
  for (let n = 90 + Math.floor(Math.random() * 200); ; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const child = spawn(xvfb, [`:${n}`, "-screen", "0", "1280x900x24", "-nolisten", "tcp"], { stdio: "ignore" });
    await until(async () => existsSync(`/tmp/.X11-unix/X${n}`), "Xvfb start", 10_000);
    return { env: { ...process.env, DISPLAY: `:${n}` }, xvfb: child };
  }
}

type Call = <T>(method: string, route: string, body?: unknown) => Promise<T>;

/**
 * One WebDriver server for one session: WebKitWebDriver answers "invalid session id" to a second
 * session started beside the first (seen with 2.50), so each learner gets a driver of its own.
 */
async function startDriver(executable: string, env: NodeJS.ProcessEnv): Promise<{ call: Call; stop(): void }> {
  const port = await freePort();
  const driver = spawn(executable, [`--port=${port}`], { env, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  const call: Call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok)
      // WebKitWebDriver may answer with an empty message: the error code still says what failed.
      throw new Error(
        `WebDriver ${route}: ${[json.value?.error, json.value?.message].filter(Boolean).join(": ") || response.status}`,
      );
    return json.value;
  };
  try {
    await until(async () => (await fetch(`${base}/status`)).ok, "WebKit's WebDriver start", 20_000);
  } catch (error) {
    driver.kill();
    throw error;
  }
  return { call, stop: () => driver.kill() };
}

export async function webkitEngine(executable: string): Promise<Engine> {
  const { env, xvfb } = await display();
  const drivers = new Set<{ stop(): void }>();
  const capabilities = SAFARI.test(executable)
    ? { browserName: "safari" }
    : {
        "webkitgtk:browserOptions": {
          binary: path.join(path.dirname(executable), "..", "lib", "x86_64-linux-gnu", "webkit2gtk-4.1", "MiniBrowser"),
          args: ["--automation"],
        },
      };
  let version = "WebKit";
  return {
    name: "webkit",
    get version() {
      return version;
    },
    async newSession(viewport = DESKTOP): Promise<BrowserSession> {
      const driver = await startDriver(executable, env);
      drivers.add(driver);
      const { call } = driver;
      const caps = existsSync(
        (capabilities as { "webkitgtk:browserOptions"?: { binary: string } })["webkitgtk:browserOptions"]?.binary ?? "",
      )
        ? capabilities
        : SAFARI.test(executable)
          ? capabilities
          : {};
      type Created = { sessionId: string; capabilities: { browserName: string; browserVersion: string } };
      let created: Created;
      try {
        created = await call<Created>("POST", "/session", { capabilities: { alwaysMatch: caps } });
        await call("POST", `/session/${created.sessionId}/timeouts`, { script: 120_000 });
      } catch (error) {
        driver.stop();
        drivers.delete(driver);
        throw error;
      }
      version = `${created.capabilities.browserName} (WebKit) ${created.capabilities.browserVersion}`;
      const s = `/session/${created.sessionId}`;
      let queue: Promise<unknown> = Promise.resolve();
      /** Runs `fn` with `handle` as the current window, one command sequence at a time. */
      const on = <T>(handle: string, fn: () => Promise<T>): Promise<T> => {
        const run = queue.then(async () => {
          await call("POST", `${s}/window`, { handle });
          return fn();
        });
        queue = run.catch(() => undefined);
        return run;
      };
      const tab = (handle: string): Tab => ({
        evaluate: async <T>(expression: string) =>
          unwrap<T>(
            await on(handle, () =>
              call<string>("POST", `${s}/execute/async`, {
                script: `const done = arguments[arguments.length - 1]; ${jsonResult(expression)}.then(done);`,
                args: [],
              }),
            ),
          ),
        click: (selector) =>
          on(handle, async () => {
            const el = await call<Record<string, string>>("POST", `${s}/element`, {
              using: "css selector",
              value: selector,
            });
            await call("POST", `${s}/element/${Object.values(el)[0]}/click`, {});
          }),
        screenshot: async () => Buffer.from(await on(handle, () => call<string>("GET", `${s}/screenshot`)), "base64"),
        close: () =>
          on(handle, () => call("DELETE", `${s}/window`)).then(
            () => undefined,
            () => undefined,
          ),
      });
      const handles = () => call<string[]>("GET", `${s}/window/handles`);
      const known = new Set(await handles());
      // WebDriver sizes windows, not viewports, and has no phone emulation: a phone is its size
      // (MiniBrowser keeps its window at least about 450 px wide, still a phone's layout).
      await call("POST", `${s}/window/rect`, { width: viewport.width, height: viewport.height });
      return {
        async open(url) {
          const [handle] = [...known];
          await on(handle!, () => call("POST", `${s}/url`, { url }));
          return tab(handle!);
        },
        async nextPopup() {
          let found: string | undefined;
          await until(
            async () => {
              found = (await handles()).find((h) => !known.has(h));
              return found !== undefined;
            },
            "a popup window",
            10_000,
          );
          known.add(found!);
          return tab(found!);
        },
        errors: () => [],
        close: async () => {
          await call("DELETE", s).catch(() => undefined);
          driver.stop();
          drivers.delete(driver);
        },
      };
    },
    async close() {
      for (const driver of drivers) driver.stop();
      xvfb?.kill();
    },
  };
}
