/**
 * The last requests of a page, sent from its `pagehide` handler with `fetch(…, {keepalive: true})`
 * and started synchronously, inside the handler: Firefox drops a fetch started after the handler of
 * a closing tab has returned, and may end the page's process a few milliseconds into it (a cmi5 tab
 * closed mid-course lost its `terminated` statement, issue 12). sendBeacon cannot carry the
 * Authorization header an LRS needs, so keepalive fetch it is. The client's `request` calls fetch
 * before its first await, so the request is on its way when these functions return.
 */
import { connect, type LrsConnection } from "./client.js";

export interface StateParams {
  activityId: string;
  agent: unknown;
  registration?: string | undefined;
  stateId: string;
}

export function postStatementsKeepalive(connection: LrsConnection, statements: unknown[]): void {
  // A body over the keepalive budget is refused: the queue keeps the statements for the next launch.
  void connect(connection, { keepalive: true })
    .sendStatements({ statements })
    .catch(() => undefined);
}

export function putStateKeepalive(connection: LrsConnection, params: StateParams, document: unknown): void {
  const { registration, ...rest } = params;
  void connect(connection, { keepalive: true })
    .setState({ ...rest, ...(registration ? { registration } : {}), state: document })
    .catch(() => undefined);
}
