/**
 * The durable, ordered statement queue (checklist #58, #59): every statement is persisted in
 * localStorage before any send, sent one at a time in order, and retried with exponential backoff
 * while the LRS is unreachable or failing (network error, timeout, 401, 408, 429, 5xx). A statement
 * keeps its UUID, so when an LRS stored it but failed to answer, the resend is recognised (200, 204
 * or 409) instead of stored twice. A statement the LRS rejects as such (other 4xx) is dropped, so
 * one bad statement cannot block the rest forever.
 */
import { LrsError } from "./client.js";
import type { Statement } from "./types.js";

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface QueueEvents {
  /** Delivery has failed `alertAfter` times in a row; statements are kept and retried. */
  failing(): void;
  /** Everything queued was delivered after a failing period. */
  recovered(): void;
  /** The LRS refused a statement for good. */
  rejected(statement: Statement, error: LrsError): void;
}

export interface QueueOptions {
  storage: KeyValueStorage | undefined;
  key: string;
  send(statement: Statement): Promise<unknown>;
  events: QueueEvents;
  /** Which statements left over from an earlier page may still be sent (default: all). */
  keepLeftover?: (statement: Statement) => boolean;
  baseDelayMs?: number;
  maxDelayMs?: number;
  alertAfter?: number;
}

/** Whether a failed send may succeed later (otherwise the statement itself is refused). */
export function isRetryable(error: unknown): boolean {
  const status = error instanceof LrsError ? error.status : 0;
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

export class StatementQueue {
  private pending: Statement[];
  private running = false;
  private failures = 0;
  private alerted = false;
  private wake: (() => void) | undefined;
  private idle: (() => void)[] = [];
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly alertAfter: number;

  constructor(private readonly options: QueueOptions) {
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.alertAfter = options.alertAfter ?? 3;
    this.pending = this.load();
  }

  get size(): number {
    return this.pending.length;
  }

  /** Statements not yet acknowledged, oldest first. */
  snapshot(): Statement[] {
    return [...this.pending];
  }

  push(statement: Statement): void {
    this.pending.push(statement);
    this.persist();
    this.kick();
  }

  /** Sends now: starts the loop, or cuts a backoff wait short (online again, exit). */
  kick(): void {
    if (this.wake) this.wake();
    else void this.run();
  }

  /** Resolves true once everything queued is delivered, false if that takes longer than `timeoutMs`. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.pending.length === 0) return Promise.resolve(true);
    this.kick();
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending.length > 0) {
        const statement = this.pending[0]!;
        try {
          await this.options.send(statement);
          this.acknowledge(statement);
        } catch (error) {
          if (error instanceof LrsError && error.status === 409) {
            // The LRS already has a statement with this UUID: an earlier try was stored.
            this.acknowledge(statement);
          } else if (!isRetryable(error)) {
            this.remove(statement);
            this.options.events.rejected(statement, error as LrsError);
          } else {
            this.failures++;
            if (this.failures === this.alertAfter && !this.alerted) {
              this.alerted = true;
              this.options.events.failing();
            }
            await this.wait(Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(this.failures - 1, 16)));
          }
        }
      }
    } finally {
      this.running = false;
    }
    if (this.alerted) {
      this.alerted = false;
      this.options.events.recovered();
    }
    const waiting = this.idle;
    this.idle = [];
    for (const resolve of waiting) resolve();
  }

  private acknowledge(statement: Statement): void {
    this.failures = 0;
    this.remove(statement);
  }

  private remove(statement: Statement): void {
    this.pending = this.pending.filter((s) => s.id !== statement.id);
    this.persist();
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private load(): Statement[] {
    try {
      const saved = JSON.parse(this.options.storage?.getItem(this.options.key) ?? "[]") as unknown;
      if (!Array.isArray(saved)) return [];
      const keep = this.options.keepLeftover ?? (() => true);
      return saved.filter((s): s is Statement => typeof s?.id === "string" && keep(s));
    } catch {
      return [];
    }
  }

  private persist(): void {
    try {
      if (this.pending.length) this.options.storage?.setItem(this.options.key, JSON.stringify(this.pending));
      else this.options.storage?.removeItem(this.options.key);
    } catch {
      // Storage full or disabled: the statements still go out from memory while this page lives.
    }
  }
}
