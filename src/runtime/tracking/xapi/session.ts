/**
 * One learner session against an LRS, shared by the Tin Can and cmi5 trackers: the statement
 * queue, the bookmark, and the page lifecycle (checklist #34, #38, #40, #59): save on
 * `visibilitychange` → hidden, retry at once when the browser comes back `online`, and on `pagehide`
 * let the tracker add its last statements, then send everything left with `fetch(…, {keepalive})`,
 * started within the handler (keepalive.ts).
 */
import type { Notice } from "../tracker.js";
import { Bookmark, type BookmarkScope } from "./bookmark.js";
import { connect, type LrsClient, type LrsConnection } from "./client.js";
import { postStatementsKeepalive, putStateKeepalive } from "./keepalive.js";
import { actorKey } from "./launch.js";
import { type KeyValueStorage, StatementQueue } from "./queue.js";
import type { Statement } from "./types.js";

/** Keepalive bodies share a 64 KiB budget per page (Fetch spec), with the bookmark: stay well under it. */
const KEEPALIVE_BUDGET = 48_000;

function browserStorage(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export interface SessionOptions {
  connection: LrsConnection;
  scope: BookmarkScope;
  notify: (notice: Notice) => void;
  /** Called once on pagehide, before the final flush, unless the session already ended. */
  onLeave: () => void;
  /** Which statements queued by an earlier page may still be sent (default: all). */
  keepLeftover?: (statement: Statement) => boolean;
}

export class LrsSession {
  readonly client: LrsClient;
  readonly queue: StatementQueue;
  readonly bookmark: Bookmark;
  private left = false;
  /** While pagehide runs: the tracker's last statements, sent before they are persisted. */
  private leaving: Statement[] | undefined;

  constructor(private readonly options: SessionOptions) {
    const storage = browserStorage();
    const { connection, scope, notify } = options;
    this.client = connect(connection);
    const who = `${connection.endpoint}|${actorKey(scope.agent)}|${scope.activityId}`;
    this.queue = new StatementQueue({
      storage,
      key: `coursepack:xapi-queue:${who}`,
      send: (statement) => this.client.sendStatement({ statement }),
      ...(options.keepLeftover ? { keepLeftover: options.keepLeftover } : {}),
      events: {
        failing: () => notify("lms-error"),
        recovered: () => notify("lms-recovered"),
        rejected: (statement, error) =>
          console.warn(`The LRS refused statement ${statement.id} (${error.status}): ${error.message}`),
      },
    });
    this.bookmark = new Bookmark(
      this.client,
      (params, document) => putStateKeepalive(connection, params, document),
      scope,
      storage,
      `coursepack:xapi-bookmark:${who}|${scope.registration ?? ""}`,
      { onUnavailable: () => notify("state-unavailable") },
    );
  }

  /** Starts sending statements left over from earlier sessions and listens to the page lifecycle. */
  listen(): void {
    this.queue.kick();
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState !== "hidden") return;
      void this.bookmark.flush();
      this.queue.kick();
    });
    window.addEventListener("online", () => this.queue.kick());
    window.addEventListener("pagehide", () => this.leave());
  }

  send(statement: Statement): void {
    if (this.leaving) this.leaving.push(statement);
    else this.queue.push(statement);
  }

  /** Delivers everything (statements, then the bookmark); false when the LRS did not take it in time. */
  async finish(timeoutMs: number): Promise<boolean> {
    const [sent, saved] = await Promise.all([this.queue.drain(timeoutMs), this.bookmark.flush()]);
    return sent && saved;
  }

  /**
   * The network goes first: when Firefox closes a tab it may end the page's process a few
   * milliseconds into this handler (traced in issue 12: the handler stopped between two
   * localStorage writes), and a keepalive request already started outlives it. So the last
   * statements are sent before anything is written, then the bookmark, then the statements are
   * persisted for the next launch to retry (the LRS recognises any that arrive twice by their ids).
   */
  private leave(): void {
    if (this.left) return;
    this.left = true;
    this.leaving = [];
    this.options.onLeave();
    const last = this.leaving;
    this.leaving = undefined;
    // One batch POST keeps the order.
    const batch: Statement[] = [];
    const encoder = new TextEncoder();
    let bytes = 2;
    for (const statement of [...this.queue.snapshot(), ...last]) {
      bytes += encoder.encode(JSON.stringify(statement)).length + 1;
      if (bytes > KEEPALIVE_BUDGET) break;
      batch.push(statement);
    }
    if (batch.length) postStatementsKeepalive(this.options.connection, batch);
    this.bookmark.flushKeepalive();
    for (const statement of last) this.queue.push(statement);
  }
}
