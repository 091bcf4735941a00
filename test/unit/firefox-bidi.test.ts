/**
 * The Firefox driver's one retry rule: a command Firefox turned away before it reached the page
 * is sent again; any other error fails at once and names the command. Against a WebSocket server
 * that answers as Firefox's remote agent does. And which of Firefox's log entries count as the
 * course's script errors.
 */
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { Bidi, isScriptError } from "../../src/tester/engines/firefox.js";

const NOT_SENT = {
  error: "no such frame",
  message: "DiscardedBrowsingContextError: BrowsingContext does no longer exist",
};
const GONE = { error: "no such frame", message: 'Browsing context with id "42" not found' };

let server: WebSocketServer | undefined;
afterEach(() => server?.close());

/** A remote agent that answers the first `errors.length` commands with those errors, then succeeds. */
async function remote(errors: { error: string; message: string }[]) {
  const received: string[] = [];
  server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((resolve) => server!.once("listening", resolve));
  server.on("connection", (socket) =>
    socket.on("message", (data) => {
      const { id, method } = JSON.parse(String(data)) as { id: number; method: string };
      received.push(method);
      const error = errors[received.length - 1];
      socket.send(JSON.stringify(error ? { id, type: "error", ...error } : { id, type: "success", result: { ok: 1 } }));
    }),
  );
  const ws = new WebSocket(`ws://127.0.0.1:${(server.address() as { port: number }).port}`);
  await new Promise((resolve) => ws.once("open", resolve));
  return { bidi: new Bidi(ws), received, ws };
}

describe("the Firefox driver", () => {
  it("sends a command again that Firefox turned away before it reached the page", async () => {
    const { bidi, received, ws } = await remote([NOT_SENT, NOT_SENT]);
    await expect(bidi.send("script.evaluate", {})).resolves.toEqual({ ok: 1 });
    expect(received).toEqual(["script.evaluate", "script.evaluate", "script.evaluate"]);
    ws.close();
  });

  it("fails at once, naming the command, when the tab is gone, and gives up on a tab that stays away", async () => {
    const gone = await remote([GONE]);
    await expect(gone.bidi.send("script.evaluate", {})).rejects.toThrow(
      'script.evaluate: no such frame: Browsing context with id "42" not found',
    );
    expect(gone.received).toHaveLength(1);
    gone.ws.close();
    server?.close();

    const away = await remote(Array(10).fill(NOT_SENT));
    await expect(away.bidi.send("browsingContext.navigate", {})).rejects.toThrow(
      /^browsingContext\.navigate: no such frame/,
    );
    expect(away.received.length).toBeGreaterThan(1);
    expect(away.received.length).toBeLessThan(10);
    away.ws.close();
  });
});

describe("Firefox's log entries", () => {
  const entry = (text: string, type = "javascript", level = "error") => ({ type, level, text });

  it("counts script errors and CORS refusals, not a cross-origin request that got no answer", () => {
    expect(isScriptError(entry("TypeError: tracker is undefined"))).toBe(true);
    expect(
      isScriptError(
        entry(
          "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://127.0.0.1:40893/xapi/statements. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.",
        ),
      ),
    ).toBe(true);
    // Logged when the background scenario killed the tab while a statement was on its way (CI, 1 December).
    expect(
      isScriptError(
        entry(
          "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://127.0.0.1:40893/xapi/statements. (Reason: CORS request did not succeed). Status code: (null).",
        ),
      ),
    ).toBe(false);
    expect(isScriptError(entry("a warning", "javascript", "warn"))).toBe(false);
    expect(isScriptError(entry("console output", "console"))).toBe(false);
  });
});
