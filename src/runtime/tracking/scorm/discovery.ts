/**
 * ADL API discovery (checklist #11): this window, then up the parent chain (at most 500 levels),
 * then the opener and its parents, then top.opener. Every probe is wrapped in try/catch because a
 * cross-origin window in the chain throws on access (checklist #12). Some LMSs create the API after
 * the content's frame has loaded (Open edX's SCORM XBlock, issue 13), so a framed or opened page
 * keeps looking for a few seconds; a page with no LMS around it gives up at once.
 */
import { wait } from "../wait.js";

const MAX_LEVELS = 500;

/** A raw LMS API object: methods looked up by name, so one type serves both versions. */
export type ScormApi = Record<string, (...args: string[]) => unknown>;

function probe(win: Window, name: string, marker: string): ScormApi | undefined {
  try {
    const api = (win as unknown as Record<string, unknown>)[name] as ScormApi | undefined;
    return api && typeof api[marker] === "function" ? api : undefined;
  } catch {
    return undefined;
  }
}

function parentOf(win: Window): Window | undefined {
  try {
    return win.parent && win.parent !== win ? win.parent : undefined;
  } catch {
    return undefined;
  }
}

function scanUp(start: Window | null | undefined, name: string, marker: string): ScormApi | undefined {
  let win: Window | undefined = start ?? undefined;
  for (let level = 0; win && level <= MAX_LEVELS; level++) {
    const api = probe(win, name, marker);
    if (api) return api;
    win = parentOf(win);
  }
  return undefined;
}

function openerOf(win: Window | null | undefined): Window | undefined {
  try {
    return win?.opener ?? undefined;
  } catch {
    return undefined;
  }
}

function topOf(win: Window): Window | undefined {
  try {
    return win.top ?? undefined;
  } catch {
    return undefined;
  }
}

/** Finds `API` (1.2) or `API_1484_11` (2004); `marker` is a function the object must have. */
export function findApi(win: Window, name: string, marker: string): ScormApi | undefined {
  return scanUp(win, name, marker) ?? scanUp(openerOf(win), name, marker) ?? scanUp(openerOf(topOf(win)), name, marker);
}

/** `findApi`, tried every 100 ms up to `tries` more times (5 s) while the page is framed or opened. */
export async function waitForApi(win: Window, name: string, marker: string, tries = 50): Promise<ScormApi | undefined> {
  for (let tried = 0; ; tried++) {
    const api = findApi(win, name, marker);
    // The page's own window never throws on access; a page neither framed nor opened has no LMS.
    if (api || tried === tries || (win.parent === win && !win.opener)) return api;
    await wait(100);
  }
}
