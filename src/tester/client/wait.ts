/** Waiting in the course's page: the robot's one way to let the course react, with a deadline. */

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
