/**
 * Launch parameters from the URL: Tin Can launch (endpoint, auth, actor, registration, activity_id;
 * checklist #52, #53) and cmi5 (endpoint, fetch, actor, registration, activityId; checklist #61).
 * Parameters come URL-encoded and in any order; URLSearchParams handles both.
 */
import type { Agent } from "./types.js";

export interface TinCanLaunch {
  /** Always ends with "/" (checklist #52: a missing slash gave 404s). */
  endpoint: string;
  /** The Authorization header value, e.g. "Basic …"; absent when the LMS uses OAuth or none. */
  auth?: string;
  actor: Agent;
  registration?: string;
  activityId?: string;
  /** Optional extras the launch spec defines; echoed into statements' context. */
  platform?: string;
  language?: string;
  grouping?: string;
}

export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  actor: Agent;
  registration: string;
  activityId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function normaliseEndpoint(endpoint: string): string {
  return endpoint.endsWith("/") ? endpoint : `${endpoint}/`;
}

/** First element of a 0.9-style array value, or the value itself. */
function first<T>(value: T | T[] | undefined): T | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Converts a launch actor to a 1.0 Agent with exactly one identifier (checklist #53). Accepts 0.9
 * actors (`"mbox":["mailto:…"]`, `"name":["…"]`, `"account":[{"accountServiceHomePage","accountName"}]`)
 * and 1.0 actors with mbox, mbox_sha1sum, openid or account. Returns undefined when none is usable.
 */
export function normaliseActor(raw: unknown): Agent | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const a = raw as Record<string, unknown>;
  const name = first(a.name as string | string[] | undefined);
  const agent: Agent = { objectType: "Agent", ...(typeof name === "string" && name ? { name } : {}) };
  const account = first(a.account as Record<string, unknown> | Record<string, unknown>[] | undefined);
  const mbox = first(a.mbox as string | string[] | undefined);
  const sha1 = first(a.mbox_sha1sum as string | string[] | undefined);
  const openid = first(a.openid as string | string[] | undefined);
  if (typeof mbox === "string" && mbox) return { ...agent, mbox: mbox.startsWith("mailto:") ? mbox : `mailto:${mbox}` };
  if (typeof sha1 === "string" && sha1) return { ...agent, mbox_sha1sum: sha1 };
  if (typeof openid === "string" && openid) return { ...agent, openid };
  if (account && typeof account === "object") {
    const homePage = account.homePage ?? account.accountServiceHomePage;
    const accountName = account.name ?? account.accountName;
    if (typeof homePage === "string" && typeof accountName === "string" && homePage && accountName) {
      return { ...agent, account: { homePage, name: accountName } };
    }
  }
  return undefined;
}

function parseActor(text: string | null): Agent | undefined {
  if (!text) return undefined;
  try {
    return normaliseActor(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * `+` in a query string means a space, and some LMSs put Basic credentials in the URL without
 * encoding base64's `+`. A credential never contains a space after its scheme, so put them back.
 */
function repairAuth(auth: string): string {
  const space = auth.indexOf(" ");
  return space < 0 ? auth : auth.slice(0, space + 1) + auth.slice(space + 1).replace(/ /g, "+");
}

function present(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === "" ? undefined : value;
}

/** Tin Can launch parameters, or undefined when the package was not launched by an LMS/LRS. */
export function readTinCanLaunch(search: string): TinCanLaunch | undefined {
  const params = new URLSearchParams(search);
  const endpoint = present(params, "endpoint");
  const actor = parseActor(params.get("actor"));
  if (!endpoint || !actor) return undefined;
  const auth = present(params, "auth");
  const registration = present(params, "registration");
  const activityId = present(params, "activity_id");
  const platform = present(params, "activity_platform");
  const language = present(params, "Accept-Language");
  const grouping = present(params, "grouping");
  return {
    endpoint: normaliseEndpoint(endpoint),
    actor,
    ...(auth ? { auth: repairAuth(auth) } : {}),
    // A malformed registration would make every statement invalid; drop it rather than lose them all.
    ...(registration && UUID.test(registration) ? { registration } : {}),
    ...(activityId ? { activityId } : {}),
    ...(platform ? { platform } : {}),
    ...(language ? { language } : {}),
    ...(grouping ? { grouping } : {}),
  };
}

/** cmi5 launch parameters (all five are required by cmi5 §8.1), or undefined. */
export function readCmi5Launch(search: string): Cmi5Launch | undefined {
  const params = new URLSearchParams(search);
  const endpoint = present(params, "endpoint");
  const fetchUrl = present(params, "fetch");
  const actor = parseActor(params.get("actor"));
  const registration = present(params, "registration");
  const activityId = present(params, "activityId");
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return undefined;
  return { endpoint: normaliseEndpoint(endpoint), fetch: fetchUrl, actor, registration, activityId };
}

/** A stable key for one learner, for local storage keys. */
export function actorKey(actor: Agent): string {
  return (
    actor.mbox ??
    actor.mbox_sha1sum ??
    actor.openid ??
    (actor.account ? `${actor.account.homePage}|${actor.account.name}` : "")
  );
}
