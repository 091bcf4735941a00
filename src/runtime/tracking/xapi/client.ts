/**
 * The LRS client: the four xAPI resources the trackers use (statements, activity state, agent
 * profile), over fetch. Every request carries X-Experience-API-Version (checklist #55) and the
 * launch's Authorization; query parameters are JSON where xAPI says so (agent) and URI-encoded.
 *
 * Written by hand rather than with @xapi/xapi: that library inlines axios into its only browser build
 * (≈18 KB gzipped, most of the xAPI/cmi5 runtime), while these four calls are a few lines of fetch;
 * and its adapters could not tell an LRS refusal (4xx: never retry) from an outage (5xx, timeout, no
 * network: retry), nor send with keepalive for the final flush on pagehide (checklist #40), nor time
 * out (checklist #59), which our queue needs.
 */
import { XAPI_VERSION } from "../../../shared/xapi-vocabulary.js";

export class LrsError extends Error {
  /** HTTP status, or 0 when no response came back (network error, timeout, blocked). */
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface LrsConnection {
  endpoint: string;
  /** Authorization header value; absent when the LRS needs none. */
  auth?: string | undefined;
}

export interface LrsResponse<T = unknown> {
  data: T;
  status: number;
}

interface StateParams {
  agent: unknown;
  activityId: string;
  registration?: string;
  stateId: string;
}

export interface LrsClient {
  sendStatement(params: { statement: unknown }): Promise<LrsResponse>;
  /** One POST of several statements, in order. */
  sendStatements(params: { statements: unknown[] }): Promise<LrsResponse>;
  getState(params: StateParams): Promise<LrsResponse>;
  setState(params: StateParams & { state: unknown }): Promise<LrsResponse>;
  getAgentProfile(params: { agent: unknown; profileId: string }): Promise<LrsResponse>;
}

/** `?agent={"mbox":…}&stateId=…`: objects as JSON, everything URI-encoded (xAPI §2.2 of part three). */
function query(params: Record<string, unknown>): string {
  return Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === "object" ? JSON.stringify(v) : String(v))}`)
    .join("&");
}

export function connect(
  connection: LrsConnection,
  options: { keepalive?: boolean; timeoutMs?: number } = {},
): LrsClient {
  const base = connection.endpoint.endsWith("/") ? connection.endpoint : `${connection.endpoint}/`;
  const keepalive = options.keepalive ?? false;
  const request = async (method: string, resource: string, params: Record<string, unknown>, body?: unknown) => {
    const controller = typeof AbortController === "function" ? new AbortController() : undefined;
    const timer =
      controller && !keepalive ? setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000) : undefined;
    const search = query(params);
    try {
      const response = await fetch(`${base}${resource}${search ? `?${search}` : ""}`, {
        method,
        headers: {
          "X-Experience-API-Version": XAPI_VERSION,
          "Content-Type": "application/json",
          ...(connection.auth ? { Authorization: connection.auth } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        keepalive,
        // Never send cookies to the LRS: CORS with credentials breaks on most LRSs (checklist #56).
        credentials: "omit",
        cache: "no-store",
        ...(controller ? { signal: controller.signal } : {}),
      });
      const text = await response.text();
      if (!response.ok) throw new LrsError(response.status, text.slice(0, 500));
      let data: unknown = text;
      try {
        data = text ? JSON.parse(text) : text;
      } catch {
        // Not JSON: keep the text.
      }
      return { data, status: response.status };
    } catch (error) {
      throw error instanceof LrsError ? error : new LrsError(0, String(error));
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  };
  return {
    sendStatement: ({ statement }) => request("POST", "statements", {}, statement),
    sendStatements: ({ statements }) => request("POST", "statements", {}, statements),
    getState: (p) => request("GET", "activities/state", { ...p }),
    setState: ({ state, ...p }) => request("PUT", "activities/state", { ...p }, state),
    getAgentProfile: (p) => request("GET", "agents/profile", { ...p }),
  };
}
