/**
 * A local LMS + LRS front for tests and `coursepack preview`: it launches packages the way an LMS
 * does (Tin Can launch URLs, cmi5 launch sessions with fetch URL and LMS.LaunchData), serves the
 * State and Agent Profile APIs itself, and forwards statements to a real LRS (xapi-statements in the
 * tests) so a real validator judges every one — or, without one (the preview), keeps them in memory
 * and applies the same validator itself (Learning Locker's rules), refusing what it flags. It keeps a
 * log of every statement as it arrived, tells subscribers (the preview's debug panel) about each
 * one, and can play an unreachable or failing LRS. It runs on its own server (`start`) or inside
 * another one (`mount`, the preview's).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { readBody, send, sendJson, sendServerError } from "../http.js";
import { CMI5, VERBS, XAPI_VERSION } from "../../../shared/xapi-vocabulary.js";
import { type Cmi5LaunchOptions, type Cmi5Session, createCmi5Session, moveOnSatisfied, verbOf } from "./cmi5.js";
import { DocumentStore, documentRequest, profileKeyPrefix, stateKeyPrefix } from "./documents.js";
import { cmi5LaunchUrl, tinCanLaunchUrl } from "./launch-urls.js";
import { readStatements } from "./statement-body.js";
import { statementWarnings } from "./validation.js";

/**
 * Largest request body the LMS reads (statements, State and Agent Profile documents): a course's
 * statements and saved state are kilobytes; 8 MB leaves room for large batches.
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface UpstreamLrs {
  /** Statements endpoint base, ending in "/" (e.g. http://127.0.0.1:8081/xAPI/). */
  endpoint: string;
  auth: string;
}

export interface LocalLmsOptions {
  /** Where statements go; without one they are validated and kept in memory. */
  upstream?: UpstreamLrs | undefined;
  host?: string;
  port?: number;
}

/**
 * How the LRS misbehaves while an outage lasts: `unavailable` answers 503, `unreachable` drops the
 * connection without an answer, `lost-response` stores statements but answers 503 (the LRS stored
 * it, the client never heard: checklist #58).
 */
export type OutageMode = "unavailable" | "unreachable" | "lost-response";

export interface LoggedStatement {
  statement: Record<string, unknown>;
  receivedAt: Date;
  /** HTTP status the LMS answered for the request that carried it. */
  status: number;
  /** Whether the LRS stored it (it may have, even when the answer was an error). */
  stored: boolean;
  /** Sequence number of the HTTP request that carried it; statements sent together share it. */
  request: number;
  /** The cmi5 session it was sent in, if any. */
  session?: string;
  /** What the validator (Learning Locker's rules) flags in it; empty when valid. */
  warnings: string[];
  /** The LRS already held it (same id, same content): recognised, not stored twice. */
  again: boolean;
}

/** What subscribers hear: statements as they arrive, and State or Agent Profile documents as they change. */
export type LmsEvent =
  | { kind: "statements"; logged: LoggedStatement[] }
  | { kind: "document"; resource: "state" | "profile"; id: string };

export interface DocumentInfo {
  id: string;
  bytes: number;
  contentType: string;
  updated: string;
}

interface Credential {
  kind: "tincan" | "cmi5";
  session?: Cmi5Session;
}

export interface TinCanLaunchOptions {
  /** URL of index.html in the unzipped package. */
  contentUrl: string;
  actor: object;
  registration?: string;
  activityId: string;
}

export class LocalLms {
  readonly statements: LoggedStatement[] = [];
  readonly requests: { method: string; path: string; status: number }[] = [];
  private readonly states = new DocumentStore();
  private readonly profiles = new DocumentStore();
  private readonly credentials = new Map<string, Credential>();
  private readonly sessions = new Map<string, Cmi5Session>();
  private readonly sockets = new Set<Socket>();
  private outageMode: OutageMode | undefined;
  /** Every statement the LRS holds, by id, as JSON: to recognise one sent again. */
  private readonly stored = new Map<string, string>();
  private lastUpstreamError = "";
  private requestCount = 0;
  private readonly listeners = new Set<(event: LmsEvent) => void>();

  private constructor(
    readonly url: string,
    private readonly upstream: UpstreamLrs | undefined,
    private readonly server?: Server,
  ) {}

  /** On its own server (127.0.0.1 and a free port unless told otherwise). */
  static async start(options: LocalLmsOptions = {}): Promise<LocalLms> {
    let lms: LocalLms | undefined;
    const server = createServer((req, res) => void lms!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
    const { address, port } = server.address() as AddressInfo;
    lms = new LocalLms(`http://${address}:${port}`, options.upstream, server);
    server.on("connection", (socket) => {
      lms!.sockets.add(socket);
      socket.on("close", () => lms!.sockets.delete(socket));
    });
    return lms;
  }

  /** Inside another server reachable at `url`, which passes it every request that `handles()`. */
  static mount(url: string, options: Pick<LocalLmsOptions, "upstream"> = {}): LocalLms {
    return new LocalLms(url.replace(/\/$/, ""), options.upstream);
  }

  /** Whether a request path is the LMS's: the xAPI resources and the cmi5 fetch URLs. */
  static handles(path: string): boolean {
    return path.startsWith("/xapi/") || path.startsWith("/cmi5/fetch/");
  }

  /** Calls `listener` on every statement logged and every document changed; returns the unsubscribe. */
  subscribe(listener: (event: LmsEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The xAPI endpoint packages are launched with. */
  get endpoint(): string {
    return `${this.url}/xapi/`;
  }

  /** A Tin Can launch URL with credentials issued for this launch only. */
  tinCanLaunch(options: TinCanLaunchOptions): string {
    const auth = `Basic ${Buffer.from(`launch-${randomUUID()}:${randomUUID()}`).toString("base64")}`;
    this.credentials.set(auth, { kind: "tincan" });
    return tinCanLaunchUrl(options.contentUrl, {
      endpoint: this.endpoint,
      auth,
      actor: options.actor,
      registration: options.registration,
      activityId: options.activityId,
    });
  }

  /**
   * A cmi5 launch (§8): writes LMS.LaunchData and the learner preferences, records "launched", and
   * returns the launch URL with a one-time fetch URL.
   */
  async cmi5Launch(options: Cmi5LaunchOptions): Promise<{ url: string; session: Cmi5Session }> {
    const session = createCmi5Session(options, options.auUrl);
    const url = cmi5LaunchUrl(options.auUrl, {
      endpoint: this.endpoint,
      fetch: `${this.url}/cmi5/fetch/${session.fetchKey}`,
      actor: { objectType: "Agent", ...options.actor },
      registration: session.registration,
      activityId: session.activityId,
    });
    (session.launchedStatement.context as { extensions: Record<string, unknown> }).extensions[CMI5.launchUrl] = url;
    this.sessions.set(session.fetchKey, session);
    this.credentials.set(`Basic ${session.token}`, { kind: "cmi5", session });
    this.states.put(
      stateKeyPrefix(session.activityId, options.actor, session.registration) + CMI5.launchDataState,
      JSON.stringify(session.launchData),
      "application/json",
    );
    if (options.preferences)
      this.profiles.put(
        profileKeyPrefix(options.actor) + CMI5.learnerPreferences,
        JSON.stringify(options.preferences),
        "application/json",
      );
    const status = await this.store([session.launchedStatement], session);
    if (status >= 300) throw new Error(`the LRS refused the "launched" statement (${status})`);
    return { url, session };
  }

  /** Statements accepted for a registration, in arrival order, each once. */
  accepted(registration?: string): Record<string, unknown>[] {
    const seen = new Set<unknown>();
    return this.statements
      .filter((l) => l.stored)
      .map((l) => l.statement)
      .filter(
        (s) => !registration || (s.context as { registration?: string } | undefined)?.registration === registration,
      )
      .filter((s) => {
        if (seen.has(s.id)) return false;
        seen.add(s.id);
        return true;
      });
  }

  moveOnSatisfied(session: Cmi5Session): boolean {
    return moveOnSatisfied(session.launchData.moveOn, this.accepted(session.registration), session.activityId);
  }

  /** A document from the State API, parsed (undefined when absent). */
  state(activityId: string, agent: object, registration: string | undefined, stateId: string): unknown {
    const doc = this.states.get(stateKeyPrefix(activityId, agent, registration) + stateId);
    return doc ? JSON.parse(doc.body) : undefined;
  }

  /** The State API documents of an activity, agent and registration. */
  documents(activityId: string, agent: object, registration: string | undefined): DocumentInfo[] {
    const prefix = stateKeyPrefix(activityId, agent, registration);
    return this.states.ids(prefix).map((id) => {
      const doc = this.states.get(prefix + id)!;
      return { id, bytes: Buffer.byteLength(doc.body), contentType: doc.contentType, updated: doc.updated };
    });
  }

  /** Starts (or, with undefined, ends) a simulated LRS outage for every xAPI request. */
  outage(mode: OutageMode | undefined): void {
    this.outageMode = mode;
  }

  /** Closes its own server; a mounted LocalLms has nothing to close. */
  async close(): Promise<void> {
    this.listeners.clear();
    if (!this.server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const path = url.pathname;
    const method = req.method ?? "GET";
    res.on("finish", () => this.requests.push({ method, path, status: res.statusCode }));
    cors(req, res);
    try {
      if (method === "OPTIONS") return void res.writeHead(204).end();
      if (path.startsWith("/cmi5/fetch/")) return this.fetchToken(path.slice("/cmi5/fetch/".length), method, res);
      if (!path.startsWith("/xapi/")) return send(res, 404, "not found");
      if (this.outageMode === "unavailable") return send(res, 503, "LRS unavailable (simulated)");
      if (this.outageMode === "unreachable") return void req.socket.destroy();
      const resource = path.slice("/xapi/".length);
      if (resource === "about") return sendJson(res, 200, { version: [XAPI_VERSION] });
      const credential = this.credentials.get(req.headers.authorization ?? "");
      if (!credential) return send(res, 401, "unknown credentials");
      if (req.headers["x-experience-api-version"] === undefined)
        return send(res, 400, "X-Experience-API-Version header missing");
      const body = await readBody(req, MAX_BODY_BYTES);
      if (resource === "statements") return await this.statementsResource(method, url, body, credential, res);
      const type = req.headers["content-type"] ?? "application/octet-stream";
      // cmi5 §10: the AU must not modify or delete LMS.LaunchData.
      const readOnly = (id: string) => credential.kind === "cmi5" && id === CMI5.launchDataState;
      const changed = (kind: "state" | "profile") => (id: string) =>
        this.emit({ kind: "document", resource: kind, id });
      if (resource === "activities/state")
        return documentRequest({ method, url, body, type }, res, "state", this.states, readOnly, changed("state"));
      if (resource === "agents/profile")
        return documentRequest(
          { method, url, body, type },
          res,
          "profile",
          this.profiles,
          () => false,
          changed("profile"),
        );
      send(res, 404, "not found");
    } catch (error) {
      sendServerError(res, `${method} ${path}`, error);
    }
  }

  /** cmi5 §8.2: POST only, one token per session, errors as 200 with error-code. */
  private fetchToken(key: string, method: string, res: ServerResponse): void {
    const session = this.sessions.get(key);
    if (method !== "POST") return sendJson(res, 200, { "error-code": "3", "error-text": "the fetch URL takes POST" });
    if (!session) return sendJson(res, 200, { "error-code": "2", "error-text": "unknown fetch URL" });
    if (session.tokenIssued)
      return sendJson(res, 200, {
        "error-code": "1",
        "error-text": "The authorization token has already been returned.",
      });
    session.tokenIssued = true;
    sendJson(res, 200, { "auth-token": session.token });
  }

  private async statementsResource(
    method: string,
    url: URL,
    body: string,
    credential: Credential,
    res: ServerResponse,
  ): Promise<void> {
    if (method === "GET") return this.forwardGet(url, res);
    if (method !== "POST" && method !== "PUT") return send(res, 405, "method not allowed");
    const list = readStatements(body, method, url);
    const session = credential.session;
    // A statement the LRS already holds, sent again unchanged (a retry, or a queue replayed by the
    // next session), is recognised by its id and changes nothing, as an LRS does (checklist #58).
    const again = list.filter((s) => typeof s.id === "string" && this.stored.get(s.id) === JSON.stringify(s));
    const fresh = list.filter((s) => !again.includes(s));
    if (session?.terminated && fresh.length > 0) {
      this.log(list, 403, false, session);
      return send(res, 403, "the cmi5 session has terminated (cmi5 §9.3.8)");
    }
    const status = fresh.length > 0 ? await this.store(fresh, session) : 200;
    if (status < 300 && again.length > 0)
      this.log(again, this.outageMode === "lost-response" ? 503 : 200, true, session, true);
    // Only this session's own "terminated" ends it: the cmi5 session id extension names the session.
    if (
      status < 300 &&
      session &&
      fresh.some((s) => verbOf(s) === VERBS.terminated.id && isCmi5Defined(s) && sessionIdOf(s) === session.id)
    ) {
      session.terminated = true;
    }
    if (status < 300 && this.outageMode === "lost-response")
      return send(res, 503, "LRS stored the statements but failed to answer (simulated)");
    if (status < 300)
      return method === "PUT"
        ? void res.writeHead(204).end()
        : sendJson(
            res,
            200,
            list.map((s) => s.id),
          );
    send(res, status, this.lastUpstreamError);
  }

  /** Forwards statements to the upstream LRS (or keeps them in memory) and logs them. */
  private async store(list: Record<string, unknown>[], session?: Cmi5Session): Promise<number> {
    let status = 200;
    if (this.upstream) {
      const response = await fetch(`${this.upstream.endpoint}statements`, {
        method: "POST",
        headers: {
          Authorization: this.upstream.auth,
          "X-Experience-API-Version": XAPI_VERSION,
          "Content-Type": "application/json",
        },
        body: JSON.stringify(list),
      });
      status = response.status;
      this.lastUpstreamError = status < 300 ? "" : await response.text();
      if (status < 300) {
        await response.arrayBuffer().catch(() => undefined);
        for (const st of list) if (typeof st.id === "string") this.stored.set(st.id, JSON.stringify(st));
      }
    } else if (list.some((s) => statementWarnings(s).length > 0)) {
      // A real LRS refuses the whole request when one statement is invalid (xAPI 1.0.3 §7.1).
      status = 400;
      this.lastUpstreamError = JSON.stringify({
        warnings: list.flatMap((s, i) =>
          statementWarnings(s).map((w) => `statements.${i}.${w.replace(/^statement\./, "")}`),
        ),
      });
    } else {
      for (const s of list) {
        const id = typeof s.id === "string" ? s.id : randomUUID();
        s.id = id;
        const json = JSON.stringify(s);
        const before = this.stored.get(id);
        if (before !== undefined && before !== json) status = 409;
        else this.stored.set(id, json);
      }
    }
    const stored = status < 300;
    this.log(list, this.outageMode === "lost-response" && stored ? 503 : status, stored, session);
    return status;
  }

  private log(
    list: Record<string, unknown>[],
    status: number,
    stored: boolean,
    session?: Cmi5Session,
    again = false,
  ): void {
    const receivedAt = new Date();
    const request = ++this.requestCount;
    const logged = list.map((statement) => ({
      statement,
      receivedAt,
      status,
      stored,
      request,
      ...(session ? { session: session.id } : {}),
      warnings: statementWarnings(statement),
      again,
    }));
    this.statements.push(...logged);
    this.emit({ kind: "statements", logged });
  }

  private emit(event: LmsEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private async forwardGet(url: URL, res: ServerResponse): Promise<void> {
    if (!this.upstream) return sendJson(res, 200, { statements: this.accepted(), more: "" });
    const response = await fetch(`${this.upstream.endpoint}statements${url.search}`, {
      headers: { Authorization: this.upstream.auth, "X-Experience-API-Version": XAPI_VERSION },
    });
    res.writeHead(response.status, { "Content-Type": response.headers.get("content-type") ?? "application/json" });
    res.end(await response.text());
  }
}

function sessionIdOf(statement: Record<string, unknown>): unknown {
  return (statement.context as { extensions?: Record<string, unknown> } | undefined)?.extensions?.[CMI5.sessionId];
}

function isCmi5Defined(statement: Record<string, unknown>): boolean {
  const categories =
    (statement.context as { contextActivities?: { category?: { id?: string }[] } } | undefined)?.contextActivities
      ?.category ?? [];
  return categories.some((c) => c.id === CMI5.categoryCmi5);
}

/** The content is served from another origin, as in a real LMS (checklist #56). */
function cors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin ?? "*");
  res.setHeader("Vary", "Origin");
  res.setHeader("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE, OPTIONS");
  res.setHeader(
    "Access-Control-Allow-Headers",
    "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match",
  );
  res.setHeader(
    "Access-Control-Expose-Headers",
    "ETag, Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through",
  );
  res.setHeader("Access-Control-Max-Age", "600");
  res.setHeader("X-Experience-API-Version", XAPI_VERSION);
}
