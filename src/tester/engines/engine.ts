/**
 * What `coursepack test` needs from a browser, whatever drives it: fresh sessions (a new browser
 * profile, nothing shared with the last learner), tabs it can open, evaluate in, photograph and close
 * as a learner closes them, and the popup windows the LMS page opens. The robot learner runs inside
 * the page, so this small surface is all an engine implements: Chromium over the DevTools protocol,
 * Firefox through WebDriver BiDi, WebKit through WebDriver.
 */
import type { BrowserName } from "../browsers.js";

export interface Tab {
  /**
   * Evaluates a JavaScript expression in the tab's page and resolves to its value (awaited, sent
   * as JSON); an exception in the page rejects with its message.
   */
  evaluate<T>(expression: string): Promise<T>;
  /** Clicks the element `selector` matches, as a learner's click (a user gesture for popups). */
  click(selector: string): Promise<void>;
  /** A PNG of what the tab shows. */
  screenshot(): Promise<Buffer>;
  /** Closes the tab the way a learner does: its pages get pagehide and may send what they must. */
  close(): Promise<void>;
}

export interface BrowserSession {
  open(url: string): Promise<Tab>;
  /** Resolves with the next window a page of this session opens; call it before the page opens one. */
  nextPopup(): Promise<Tab>;
  /** Script errors any page of the session reported, where the engine can tell. */
  errors(): string[];
  close(): Promise<void>;
}

/** The size of the learner's screen in CSS pixels, and whether it is a phone's (touch, no hover). */
export interface Viewport {
  width: number;
  height: number;
  mobile: boolean;
}

export const DESKTOP: Viewport = { width: 1280, height: 800, mobile: false };
/** An iPhone 12 to 15's screen in CSS pixels, where the course's menu folds behind its button. */
export const PHONE: Viewport = { width: 390, height: 844, mobile: true };

export interface Engine {
  name: BrowserName;
  /** Product and version, for the report ("Chromium 139.0…"). */
  version: string;
  /** A fresh profile whose windows show pages at `viewport` (default DESKTOP). */
  newSession(viewport?: Viewport): Promise<BrowserSession>;
  close(): Promise<void>;
}

/** Wraps an expression so its awaited value comes back as a JSON string, or an error message. */
export function jsonResult(expression: string): string {
  return `(async () => { try { return JSON.stringify({ value: await (${expression}) }); } catch (e) { return JSON.stringify({ error: String((e && e.message) || e) }); } })()`;
}

export function unwrap<T>(json: unknown): T {
  const parsed = JSON.parse(String(json)) as { value?: T; error?: string };
  if (parsed.error !== undefined) throw new Error(parsed.error);
  return parsed.value as T;
}
