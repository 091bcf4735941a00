/**
 * What the robot may do in a course's page: press what a learner could see and press, and wait,
 * with a deadline, for the course to react.
 */

export class RobotError extends Error {}

/** Generous: a loaded CI machine can take seconds to render a page. */
const STEP_TIMEOUT_MS = 30_000;

/** Resolves when `test` holds, checking every animation-frame-sized tick; fails after `timeout`. */
export async function until<T>(
  test: () => T | undefined | null | false,
  what: string,
  timeout = STEP_TIMEOUT_MS,
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = test();
    if (value) return value;
    if (Date.now() > end) throw new RobotError(`timed out after ${timeout / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 16));
  }
}

export function isVisible(el: HTMLElement): boolean {
  return el.isConnected && !el.closest("[hidden]") && el.getClientRects().length > 0;
}

/** Clicks `selector` inside `within`, only if a learner could: it is there, visible and enabled. */
export function press(selector: string, within: ParentNode): void {
  const el = within.querySelector<HTMLElement>(selector);
  if (!el) throw new RobotError(`no ${selector} on the page`);
  pressElement(el, selector);
}

/** Clicks an element a learner could press; `what` names it in the failure. */
export function pressElement(el: HTMLElement, what: string): void {
  if (!isVisible(el)) throw new RobotError(`${what} is not visible, so a learner could not press it`);
  if ((el as HTMLButtonElement).disabled) throw new RobotError(`${what} is disabled`);
  el.click();
}
