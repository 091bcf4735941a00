/**
 * In-memory xAPI document resources: the State API and the Agent Profile API (xAPI 1.0.3 §7.4,
 * §7.6), which the statements-only LRS we forward to does not have. PUT replaces a document, POST
 * merges JSON objects into it, GET of a missing document is 404.
 */
import type { ServerResponse } from "node:http";
import { send, sendJson } from "../http.js";

export interface StoredDocument {
  body: string;
  contentType: string;
  updated: string;
}

/** One key per agent whatever the order or extra fields of its JSON (name, objectType). */
export function agentKey(agent: unknown): string {
  const a = (agent ?? {}) as Record<string, unknown>;
  const account = a.account as { homePage?: string; name?: string } | undefined;
  if (typeof a.mbox === "string") return `mbox:${a.mbox}`;
  if (typeof a.mbox_sha1sum === "string") return `sha1:${a.mbox_sha1sum}`;
  if (typeof a.openid === "string") return `openid:${a.openid}`;
  if (account) return `account:${account.homePage ?? ""}|${account.name ?? ""}`;
  return "";
}

export class DocumentStore {
  private readonly docs = new Map<string, StoredDocument>();

  get(key: string): StoredDocument | undefined {
    return this.docs.get(key);
  }

  put(key: string, body: string, contentType: string): void {
    this.docs.set(key, { body, contentType, updated: new Date().toISOString() });
  }

  /** POST semantics: both JSON objects → merged; otherwise 400 unless nothing was stored. */
  merge(key: string, body: string, contentType: string): boolean {
    const existing = this.docs.get(key);
    if (!existing) {
      this.put(key, body, contentType);
      return true;
    }
    try {
      const before = JSON.parse(existing.body) as unknown;
      const after = JSON.parse(body) as unknown;
      if (!isObject(before) || !isObject(after)) return false;
      this.put(key, JSON.stringify({ ...before, ...after }), "application/json");
      return true;
    } catch {
      return false;
    }
  }

  delete(key: string): void {
    this.docs.delete(key);
  }

  /** Ids of the documents whose key starts with `prefix` (GET without stateId/profileId). */
  ids(prefix: string): string[] {
    return [...this.docs.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function stateKeyPrefix(activityId: string, agent: unknown, registration: string | undefined | null): string {
  return `${activityId}\u0000${agentKey(agent)}\u0000${registration ?? ""}\u0000`;
}

export function profileKeyPrefix(agent: unknown): string {
  return `${agentKey(agent)}\u0000`;
}

/**
 * The xAPI State and Agent Profile resources over one store: GET (one document, or the ids), PUT,
 * POST (JSON merge) and DELETE. `readOnly` names documents the caller may only read; `changed`
 * hears every write.
 */
export function documentRequest(
  request: { method: string; url: URL; body: string; type: string },
  res: ServerResponse,
  kind: "state" | "profile",
  store: DocumentStore,
  readOnly: (id: string) => boolean,
  changed: (id: string) => void,
): void {
  const { method, url, body, type } = request;
  const q = url.searchParams;
  let agent: unknown;
  try {
    agent = JSON.parse(q.get("agent") ?? "");
  } catch {
    return send(res, 400, "agent must be JSON");
  }
  const idParam = kind === "state" ? "stateId" : "profileId";
  const activityId = q.get("activityId");
  if (kind === "state" && !activityId) return send(res, 400, "activityId missing");
  const prefix = kind === "state" ? stateKeyPrefix(activityId!, agent, q.get("registration")) : profileKeyPrefix(agent);
  const id = q.get(idParam);
  if (!id) {
    if (method === "GET") return sendJson(res, 200, store.ids(prefix));
    return send(res, 400, `${idParam} missing`);
  }
  if (method !== "GET" && readOnly(id)) return send(res, 403, `${id} is read-only`);
  const key = prefix + id;
  switch (method) {
    case "GET": {
      const doc = store.get(key);
      if (!doc) return send(res, 404, "no such document");
      res.writeHead(200, { "Content-Type": doc.contentType, ETag: `"${Buffer.from(doc.updated).toString("hex")}"` });
      return void res.end(doc.body);
    }
    case "PUT":
      store.put(key, body, type);
      changed(id);
      return void res.writeHead(204).end();
    case "POST":
      if (!store.merge(key, body, type)) return send(res, 400, "cannot merge non-JSON documents");
      changed(id);
      return void res.writeHead(204).end();
    case "DELETE":
      store.delete(key);
      changed(id);
      return void res.writeHead(204).end();
    default:
      return send(res, 405, "method not allowed");
  }
}
