/**
 * ADL API discovery (checklist #11): this window, then up the parent chain (at most 500 levels),
 * then the opener and its parents, then top.opener. Every probe is wrapped in try/catch because a
 * cross-origin window in the chain throws on access (checklist #12). Some LMSs create the API after
 * the content's frame has loaded (Open edX's SCORM XBlock, issue 13), so a framed or opened page
 * keeps looking for a few seconds; a page with no LMS around it gives up at once.
 */

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

/** How long a framed or opened page keeps looking for a late API, and how often. */
export const API_WAIT = { timeoutMs: 5000, intervalMs: 100 };

/** True when some window could still install an API: the page is framed or was opened by another. */
function insideAnotherWindow(win: Window): boolean {
  return parentOf(win) !== undefined || openerOf(win) !== undefined || openerOf(topOf(win)) !== undefined;
}

/** `findApi`, retried until `wait.timeoutMs` while the page sits in another window (a late LMS). */
export async function waitForApi(
  win: Window,
  name: string,
  marker: string,
  wait: { timeoutMs: number; intervalMs: number } = API_WAIT,
): Promise<ScormApi | undefined> {
  const giveUpAt = Date.now() + wait.timeoutMs;
  let api = findApi(win, name, marker);
  while (!api && insideAnotherWindow(win) && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, wait.intervalMs));
    api = findApi(win, name, marker);
  }
  return api;
}
