/**
 * Reads statements from any conformant LRS through the standard Statement API (xAPI 1.0.3 §7.2):
 * GET statements?activity=…&related_activities=true&ascending=true, page by page, following
 * `more` until it is empty. Each page is parsed and released before the next is fetched, so memory
 * stays at one page whatever the LRS holds. Credentials come from the caller (the environment),
 * are sent only as the Authorization header and are never written anywhere. A busy LRS (429, 502–504,
 * a dropped connection) is asked again, a few times, before the report gives up.
 */
import { XAPI_VERSION } from "../../shared/xapi-vocabulary.js";
import type { ReportCourse } from "../course.js";
import type { LearnerRecord, RecordSource, SourceInfo } from "../records.js";
import { StatementReader } from "./statements.js";

export interface LrsOptions {
  /** The LRS endpoint, e.g. https://lrs.example.com/xAPI/ */
  endpoint: string;
  /** Course activity IRIs to ask for (the course language's and each translation's). */
  activities: string[];
  /** Only statements stored since this ISO 8601 timestamp. */
  since?: string;
  /** The Authorization header value (Basic … or Bearer …), if the LRS needs one. */
  authorization?: string;
  /** Statements per page asked for; an LRS may send fewer. */
  limit?: number;
  /** Called after each page with the statements read so far (progress on stderr). */
  onPage?: (read: number) => void;
}

export class LrsError extends Error {}

/** The endpoint as shown in the report: no credentials, query or fragment. */
export function displayEndpoint(endpoint: string): string {
  const url = new URL(endpoint);
  url.username = "";
  url.password = "";
  url.search = "";
  url.hash = "";
  return url.toString();
}

/** Answers worth asking again: the LRS is busy or a proxy in front of it hiccupped. */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
/** Waits before each retry; GETs are safe to repeat. */
const RETRY_DELAYS_MS = [250, 1000, 4000];

/**
 * A dropped connection (the server closed a kept-alive socket as the request went out, a reset) is
 * retried; a refused connection or an unknown host is not: nothing is listening there.
 */
function transient(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return ["UND_ERR_SOCKET", "ECONNRESET", "EPIPE", "UND_ERR_CLOSED"].includes(cause?.code ?? "");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function request(url: string, options: LrsOptions): Promise<Response> {
  const headers = {
    Accept: "application/json",
    "X-Experience-API-Version": XAPI_VERSION,
    ...(options.authorization ? { Authorization: options.authorization } : {}),
  };
  for (let retry = 0; ; retry++) {
    const last = retry >= RETRY_DELAYS_MS.length;
    try {
      const response = await fetch(url, { headers });
      if (last || !RETRY_STATUSES.has(response.status)) return response;
      await response.body?.cancel();
      const after = Number(response.headers.get("retry-after"));
      await sleep(after > 0 ? Math.min(after * 1000, 30_000) : RETRY_DELAYS_MS[retry]!);
    } catch (error) {
      if (last || !transient(error))
        throw new LrsError(
          `could not reach the LRS at ${displayEndpoint(options.endpoint)}: ${(error as Error).cause ?? (error as Error).message}`,
        );
      await sleep(RETRY_DELAYS_MS[retry]!);
    }
  }
}

async function getPage(url: string, options: LrsOptions): Promise<{ statements: unknown[]; more?: string }> {
  const response = await request(url, options);
  if (response.status === 401 || response.status === 403) {
    throw new LrsError(
      `the LRS refused the request (${response.status}): set COURSEPACK_LRS_USERNAME and COURSEPACK_LRS_PASSWORD ` +
        "(Basic) or COURSEPACK_LRS_TOKEN (Bearer) to credentials with permission to read statements",
    );
  }
  if (!response.ok) {
    const body = (await response.text()).slice(0, 300);
    throw new LrsError(`the LRS answered ${response.status} to ${new URL(url).pathname}: ${body}`);
  }
  const page = (await response.json()) as { statements?: unknown[]; more?: string };
  if (!Array.isArray(page.statements))
    throw new LrsError(`${url} did not return a StatementResult (no "statements" array): is the endpoint right?`);
  return { statements: page.statements, ...(page.more ? { more: page.more } : {}) };
}

export function lrsSource(course: ReportCourse, options: LrsOptions): RecordSource {
  const reader = new StatementReader(course, options.activities);
  const base = options.endpoint.endsWith("/") ? options.endpoint : `${options.endpoint}/`;
  const info: SourceInfo = {
    kind: "lrs",
    description: displayEndpoint(base),
    read: 0,
    ignored: 0,
    lacks: [],
  };
  return {
    info,
    async *records(): AsyncIterable<LearnerRecord> {
      for (const activity of [...new Set(options.activities)]) {
        const query = new URLSearchParams({
          activity,
          related_activities: "true",
          ascending: "true",
          limit: String(options.limit ?? 500),
          ...(options.since ? { since: options.since } : {}),
        });
        let next: string | undefined = new URL(`statements?${query}`, base).toString();
        while (next) {
          const page = await getPage(next, options);
          for (const statement of page.statements) {
            const record = reader.take(statement, info);
            if (record) yield record;
          }
          options.onPage?.(info.read);
          // `more` is relative to the LRS's server root (xAPI 1.0.3 §4.2).
          next = page.more ? new URL(page.more, base).toString() : undefined;
        }
      }
    },
  };
}
