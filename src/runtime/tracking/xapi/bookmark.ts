/**
 * Bookmark and resume through the xAPI State API (checklist #57): one fixed stateId, scoped to the
 * registration when there is one, so attempts never share state. 404, an empty body or `{}` mean
 * "no state"; any other document that is not a bookmark is "unreadable" (the learner is told). A
 * copy is also kept in localStorage: when the LRS cannot be reached at launch, or the last save
 * never arrived, the newer of the two wins.
 */
import { readState, type SavedState } from "../../../shared/state-codec.js";
import type { LrsClient } from "./client.js";
import type { KeyValueStorage } from "./queue.js";
import type { Agent } from "./types.js";

export const BOOKMARK_STATE_ID = "coursepack.bookmark";

/** The course waits this long for the LRS's bookmark at launch, then starts from the local copy. */
const LOAD_TIMEOUT_MS = 5000;

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
}

export interface BookmarkScope {
  activityId: string;
  agent: Agent;
  registration?: string | undefined;
}

export type LoadedBookmark = BookmarkDocument | "unreadable" | undefined;

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

/** 404 (the request fails), an empty body and `{}` are no bookmark; anything else must be one. */
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

  constructor(
    private readonly client: LrsClient,
    private readonly keepaliveClient: LrsClient,
    private readonly scope: BookmarkScope,
    private readonly storage: KeyValueStorage | undefined,
    private readonly localKey: string,
    private readonly debounceMs = 1000,
  ) {}

  /** The saved bookmark, from the LRS or the local copy, whichever is newer. */
  async load(): Promise<LoadedBookmark> {
    const local = this.readLocal();
    const request = this.client.getState({ ...this.params(), stateId: BOOKMARK_STATE_ID }).then(
      (response) => classify(response.data),
      // 404 (no state yet) or the LRS is unreachable: the local copy, if any, is all we have.
      () => undefined,
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), LOAD_TIMEOUT_MS);
    });
    const remote = await Promise.race([request, timeout]);
    clearTimeout(timer);
    // A copy this browser saved beats a document in the LRS that cannot be read.
    if (remote === "unreadable") return local ?? remote;
    if (remote && local) return remote.savedAt >= local.savedAt ? remote : local;
    return remote ?? local;
  }

  /** Records the latest bookmark: locally at once, to the LRS debounced. */
  save(doc: Omit<BookmarkDocument, "savedAt">): void {
    this.latest = { ...doc, savedAt: new Date().toISOString() };
    this.dirty = true;
    try {
      this.storage?.setItem(this.localKey, JSON.stringify(this.latest));
    } catch {
      // Storage full or disabled: the LRS copy still goes out.
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Sends the latest bookmark now; resolves false when the LRS did not take it. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    if (this.saving) await this.saving;
    if (!this.dirty || !this.latest) return true;
    const doc = this.latest;
    this.dirty = false;
    let ok = true;
    this.saving = this.client.setState({ ...this.params(), stateId: BOOKMARK_STATE_ID, state: doc }).then(
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
    if (!this.dirty || !this.latest) return;
    this.dirty = false;
    void this.keepaliveClient
      .setState({ ...this.params(), stateId: BOOKMARK_STATE_ID, state: this.latest })
      .catch(() => undefined);
  }

  private params() {
    return {
      activityId: this.scope.activityId,
      agent: this.scope.agent as never,
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
