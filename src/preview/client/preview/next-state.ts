/**
 * What a new state from the server changes on the page, and whether the course relaunches. States
 * come both as answers to the page's commands and as events, and on a busy machine an event can
 * arrive after the answer to a later command: taken as new, it would relaunch the course with the
 * older learner and then again with the newer one. A state older than the page's (by `revision`)
 * is therefore ignored.
 */
import type { PreviewState } from "../../protocol.js";

/** The state the page shows after `next` arrives, and why the course relaunches, if it does. */
export function nextState(
  current: PreviewState | undefined,
  next: PreviewState,
): { state: PreviewState | undefined; relaunch?: string } {
  if (current !== undefined && next.revision < current.revision) return { state: current };
  const reason = relaunchReason(current, next);
  return reason ? { state: next, relaunch: reason } : { state: next };
}

function relaunchReason(previous: PreviewState | undefined, next: PreviewState): string | undefined {
  if (!next.launchable) return undefined;
  if (!previous?.launchable) return "first launch";
  if (previous.learner.registration !== next.learner.registration)
    return previous.format !== next.format ? `new learner in ${next.format}` : "new learner (reset)";
  if (previous.launchable.standard !== next.launchable.standard) return `new standard: ${next.launchable.standard}`;
  if (previous.build?.serving !== next.build?.serving) {
    const changed = next.build?.changed.length ? ` after ${next.build.changed.join(", ")} changed` : "";
    return `rebuilt${changed} (resume)`;
  }
  if (JSON.stringify(previous.options) !== JSON.stringify(next.options)) return "LMS options changed (resume)";
  return undefined;
}
