/**
 * Bookmark and resume through the xAPI State API (checklist #57): one fixed stateId, scoped to the
 * registration when there is one, so attempts never share state. 404, an empty body or `{}` mean
 * "no state"; any other document that is not a bookmark is "unreadable" (the learner is told). A
 * copy is also kept in localStorage: when the LRS cannot be reached at launch, or the last save
 * never arrived, the newer of the two wins.
 *
 * A failed read is not "no state" (issue 12: one 5xx at launch restarted the learner at lesson 1,
 * and a second later the fresh bookmark replaced the LRS's). The read is retried; when the LRS
 * still cannot be read the session is *guarded*: it saves only locally, never over what the LRS
 * holds, tells the learner, and keeps re-reading in the background until it knows the LRS holds
 * nothing newer than what the session started from.
 */
import { readState, type SavedState } from "../../../shared/state-codec.js";
import type { LrsClient } from "./client.js";
import type { StateParams } from "./keepalive.js";
import type { KeyValueStorage } from "./queue.js";
import type { Agent } from "./types.js";
import { wait } from "../wait.js";

export const BOOKMARK_STATE_ID = "coursepack.bookmark";

/** What the tracker already reported, so a resumed session never reports it twice. */
export interface Reported {
  completed: boolean;
  /** Last passed/failed judgement and score sent. */
  passed?: boolean | undefined;
  score?: number | undefined;
}

export interface BookmarkDocument {
  /** Learner state encoded by shared/state-codec. */
  state: string;
  reported: Reported;
  /** ISO time of the save, to pick the newer of the LRS and local copies. */
  savedAt: string;
  /**
   * Local copies saved while the LRS could not be read: the savedAt of the bookmark the session
   * started from ("" for none). An LRS copy newer than that was never seen, so it wins.
   */
  basedOn?: string | undefined;
}

export interface BookmarkScope {
  activityId: string;
  agent: Agent;
  registration?: string | undefined;
}

export interface BookmarkOptions {
  /** Delay before a save goes to the LRS. */
  debounceMs?: number;
  /** Called once when the session must leave the LRS's bookmark alone. */
  onUnavailable?: () => void;
  /** Pauses between the reads at launch; one more read than pauses. */
  retryPausesMs?: number[];
  /** How long one read at launch may take. */
  readTimeoutMs?: number;
  /** First pause between background re-reads while guarded; doubles up to a minute. */
  recheckMs?: number;
}

export type LoadedBookmark = BookmarkDocument | "unreadable" | undefined;

type RemoteRead = { known: true; doc: LoadedBookmark } | { known: false };

/**
 * The learner state a loaded bookmark holds, read. `keep` is set when a newer version of the course
 * saved it: the tracker saves that text back unchanged instead of the learner's state.
 */
export function readBookmark(loaded: LoadedBookmark): { saved: SavedState; reported: Reported; keep?: string } {
  if (loaded === "unreadable")
    return { saved: { kind: "unreadable", reason: "garbage" }, reported: { completed: false } };
  if (!loaded) return { saved: { kind: "none" }, reported: { completed: false } };
  const saved = readState(loaded.state);
  return { saved, reported: loaded.reported, ...(saved.kind === "newer" ? { keep: loaded.state } : {}) };
}

/** An empty body and `{}` are no bookmark (as 404 is); anything else must be one. */
function classify(data: unknown): LoadedBookmark {
  if (data === undefined || data === null || data === "") return undefined;
  if (typeof data === "object" && !Array.isArray(data) && Object.keys(data).length === 0) return undefined;
  return isDocument(data) ? data : "unreadable";
}

function isDocument(value: unknown): value is BookmarkDocument {
  const d = value as BookmarkDocument | null;
  return (
    typeof d === "object" &&
    d !== null &&
    typeof d.state === "string" &&
    typeof d.savedAt === "string" &&
    typeof d.reported === "object" &&
    d.reported !== null
  );
}

export class Bookmark {
  private latest: BookmarkDocument | undefined;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  /** savedAt of the bookmark this session started from, while the LRS's is unknown. */
  private guard: string | undefined;
  private told = false;
  private readonly options: Required<Omit<BookmarkOptions, "onUnavailable">> & BookmarkOptions;

  constructor(
    private readonly client: LrsClient,
    /** Sends the bookmark from pagehide (keepalive.ts). */
    private readonly putKeepalive: (params: StateParams, document: BookmarkDocument) => void,
    private readonly scope: BookmarkScope,
    private readonly storage: KeyValueStorage | undefined,
    private readonly localKey: string,
    options: BookmarkOptions = {},
  ) {
    this.options = { debounceMs: 1000, retryPausesMs: [500, 1500], readTimeoutMs: 4000, recheckMs: 5000, ...options };
  }

  /** True while saves stay local because the LRS's bookmark is unknown. */
  get guarded(): boolean {
    return this.guard !== undefined;
  }

  /** The saved bookmark, from the LRS or the local copy, whichever is newer. */
  async load(): Promise<LoadedBookmark> {
    const local = this.readLocal();
    let remote = await this.read();
    for (const pause of this.options.retryPausesMs) {
      if (remote.known) break;
      await wait(pause);
      remote = await this.read();
    }
    if (!remote.known) {
      this.guard = local?.basedOn ?? local?.savedAt ?? "";
      if (!local) this.tell();
      this.recheck(this.options.recheckMs);
      return local;
    }
    const doc = remote.doc;
    // A copy this browser saved beats a document in the LRS that cannot be read.
    if (doc === "unreadable") return local ?? doc;
    if (!doc || !local) return doc ?? local;
    if (local.basedOn !== undefined) return doc.savedAt > local.basedOn ? doc : local;
    return doc.savedAt >= local.savedAt ? doc : local;
  }

  /** Records the latest bookmark: locally at once, to the LRS debounced (unless guarded). */
  save(doc: Omit<BookmarkDocument, "savedAt" | "basedOn">): void {
    this.latest = { ...doc, savedAt: new Date().toISOString(), basedOn: this.guard };
    this.dirty = true;
    try {
      this.storage?.setItem(this.localKey, JSON.stringify(this.latest));
    } catch {
      // Storage full or disabled: the LRS copy still goes out.
    }
    clearTimeout(this.timer);
    if (!this.guarded) this.timer = setTimeout(() => void this.flush(), this.options.debounceMs);
  }

  /** Sends the latest bookmark now; resolves false when the LRS did not take it. Guarded: sends nothing. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    if (this.saving) await this.saving;
    if (this.guarded || !this.dirty || !this.latest) return true;
    const doc = this.latest;
    this.dirty = false;
    let ok = true;
    this.saving = this.client.setState({ ...this.params(), stateId: BOOKMARK_STATE_ID, state: this.remoteCopy() }).then(
      () => undefined,
      () => {
        ok = false;
        // Keep it for the next try unless a newer bookmark replaced it meanwhile.
        if (this.latest === doc) {
          this.dirty = true;
          this.timer = setTimeout(() => void this.flush(), 5000);
        }
      },
    );
    await this.saving;
    this.saving = undefined;
    return ok;
  }

  /** Last chance on pagehide: a keepalive PUT that outlives the page. */
  flushKeepalive(): void {
    // A PUT still in flight counts as unsent: closing the page cancels it (it was no keepalive).
    if (this.guarded || !this.latest || (!this.dirty && !this.saving)) return;
    this.dirty = false;
    this.putKeepalive({ ...this.params(), stateId: BOOKMARK_STATE_ID }, this.remoteCopy());
  }

  /** One GET: a document, "none" (404, empty, `{}`), "unreadable", or unknown (any other failure or a timeout). */
  private async read(): Promise<RemoteRead> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<RemoteRead>((resolve) => {
      timer = setTimeout(() => resolve({ known: false }), this.options.readTimeoutMs);
    });
    const request = this.client.getState({ ...this.params(), stateId: BOOKMARK_STATE_ID }).then(
      (response): RemoteRead => ({ known: true, doc: classify(response.data) }),
      (error: { status?: number }): RemoteRead =>
        error?.status === 404 ? { known: true, doc: undefined } : { known: false },
    );
    const result = await Promise.race([request, timeout]);
    clearTimeout(timer);
    return result;
  }

  /** Re-reads while guarded; lifts the guard once the LRS holds nothing newer than this session's start. */
  private recheck(delay: number): void {
    setTimeout(async () => {
      const remote = await this.read();
      if (!remote.known) return this.recheck(Math.min(delay * 2, 60_000));
      // An unreadable document counts as none, as at launch.
      const doc = remote.doc;
      if (doc && doc !== "unreadable" && doc.savedAt > (this.guard ?? "")) return this.tell();
      this.guard = undefined;
      if (this.latest) this.latest = { ...this.latest, basedOn: undefined };
      if (this.dirty) void this.flush();
    }, delay);
  }

  private tell(): void {
    if (this.told) return;
    this.told = true;
    this.options.onUnavailable?.();
  }

  /** The LRS copy: the local-only field left out. */
  private remoteCopy(): BookmarkDocument {
    const { basedOn: _, ...doc } = this.latest!;
    return doc;
  }

  private params() {
    return {
      activityId: this.scope.activityId,
      agent: this.scope.agent,
      ...(this.scope.registration ? { registration: this.scope.registration } : {}),
    };
  }

  private readLocal(): BookmarkDocument | undefined {
    try {
      const value = JSON.parse(this.storage?.getItem(this.localKey) ?? "null") as unknown;
      return isDocument(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }
}
