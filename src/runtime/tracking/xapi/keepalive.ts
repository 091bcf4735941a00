/**
 * The last requests of a page, sent from its `pagehide` handler: `fetch(…, {keepalive: true})`
 * called synchronously, inside the handler. @xapi/xapi starts its requests a few promise hops later
 * (axios's interceptor chain), and Firefox drops a fetch started after the handler of a closing tab
 * has returned: a cmi5 tab closed mid-course lost its `terminated` statement (issue 12: 3 of 8
 * runs; 3 of 4 in our Firefox test before this). sendBeacon cannot carry the Authorization header
 * an LRS needs, so keepalive fetch it is; the URL and headers are the ones @xapi/xapi sends
 * (xAPI 1.0.3 §7: /statements, /activities/state; the version header on every request).
 */
import type { LrsConnection } from "./client.js";

export interface StateParams {
  activityId: string;
  agent: unknown;
  registration?: string | undefined;
  stateId: string;
}

function send(connection: LrsConnection, resource: string, method: "POST" | "PUT", body: unknown): void {
  const headers: Record<string, string> = {
    "X-Experience-API-Version": "1.0.3",
    "Content-Type": "application/json",
    ...(connection.auth ? { Authorization: connection.auth } : {}),
  };
  const base = connection.endpoint.endsWith("/") ? connection.endpoint : `${connection.endpoint}/`;
  try {
    void fetch(base + resource, {
      method,
      headers,
      body: JSON.stringify(body),
      keepalive: true,
      credentials: "omit",
      cache: "no-store",
    }).catch(() => undefined);
  } catch {
    // A body over the keepalive budget throws at once: the queue keeps the statements for the next launch.
  }
}

export function postStatementsKeepalive(connection: LrsConnection, statements: unknown[]): void {
  send(connection, "statements", "POST", statements);
}

export function putStateKeepalive(connection: LrsConnection, params: StateParams, document: unknown): void {
  const query = new URLSearchParams({
    activityId: params.activityId,
    agent: JSON.stringify(params.agent),
    stateId: params.stateId,
  });
  if (params.registration) query.set("registration", params.registration);
  send(connection, `activities/state?${query}`, "PUT", document);
}
