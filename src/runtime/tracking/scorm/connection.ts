/**
 * One SCORM session over a raw API: Initialize once, Terminate exactly once (checklist #14), every
 * call with "" where the function takes a parameter (#35), every call in try/catch, every failure
 * checked with GetLastError and logged (#15).
 */
import type { ApiFunctions } from "./data-model.js";
import type { ScormApi } from "./discovery.js";

type Phase = "new" | "running" | "terminated";

/** Read errors that only mean "not set" or "not supported" (checklist #15, #16). */
const BENIGN_READ_ERRORS = new Set(["401", "403"]);

export class ScormConnection {
  private phase: Phase = "new";

  constructor(
    private readonly api: ScormApi,
    private readonly fn: ApiFunctions,
  ) {}

  get running(): boolean {
    return this.phase === "running";
  }

  initialize(): boolean {
    if (this.phase !== "new") return false;
    const ok = this.call(this.fn.initialize, "") === "true";
    if (!ok) this.report("Initialize");
    this.phase = ok ? "running" : "terminated";
    return ok;
  }

  get(element: string): string {
    if (!this.running) return "";
    const value = this.call(this.fn.getValue, element);
    if (value === "") {
      const code = this.errorCode();
      if (code !== "0" && !BENIGN_READ_ERRORS.has(code)) this.report(`GetValue ${element}`, code);
    }
    return value;
  }

  set(element: string, value: string): boolean {
    if (!this.running) return false;
    const ok = this.call(this.fn.setValue, element, value) === "true";
    if (!ok) this.report(`SetValue ${element}`);
    return ok;
  }

  commit(): boolean {
    if (!this.running) return false;
    const ok = this.call(this.fn.commit, "") === "true";
    if (!ok) this.report("Commit");
    return ok;
  }

  /** Ends the session; later calls do nothing. */
  terminate(): boolean {
    if (!this.running) return false;
    this.phase = "terminated";
    const ok = this.call(this.fn.terminate, "") === "true";
    if (!ok) this.report("Terminate");
    return ok;
  }

  private call(name: string, ...args: string[]): string {
    try {
      const result = this.api[name]?.(...args);
      return result === undefined || result === null ? "" : String(result);
    } catch {
      return "false";
    }
  }

  private errorCode(): string {
    return this.call(this.fn.getLastError) || "0";
  }

  private report(what: string, code = this.errorCode()): void {
    const message = this.call(this.fn.getErrorString, code);
    console.warn(`[coursepack] LMS ${what} failed: ${code} ${message}`);
  }
}
