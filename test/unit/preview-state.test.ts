/**
 * The preview page's reading of server states: a state event that arrives after the answer to a
 * later command (a busy machine) changes nothing, where it used to relaunch the course twice.
 */
import { describe, expect, it } from "vitest";
import { nextState } from "../../src/preview/client/preview/next-state.js";
import { DEFAULT_LMS_OPTIONS, type PreviewState } from "../../src/preview/protocol.js";

function state(revision: number, registration: string, options: Partial<PreviewState["options"]> = {}): PreviewState {
  return {
    revision,
    source: { kind: "course", name: "course" },
    launchable: { standard: "scorm2004", edition: "2004 4th Edition", title: "Course", url: "/course/index.html" },
    build: null,
    format: "scorm2004-4th",
    formats: ["scorm2004-4th"],
    options: { ...DEFAULT_LMS_OPTIONS, ...options },
    learner: {
      registration,
      actor: {
        objectType: "Agent",
        name: "Preview Learner",
        account: { homePage: "http://127.0.0.1", name: "learner" },
      },
    },
  };
}

/** The relaunches a page makes for states arriving in this order. */
function relaunches(arrivals: PreviewState[]): string[] {
  let shown: PreviewState | undefined;
  const out: string[] = [];
  for (const next of arrivals) {
    const after = nextState(shown, next);
    shown = after.state;
    if (after.relaunch) out.push(after.relaunch);
  }
  return out;
}

describe("the preview page's states", () => {
  const first = state(0, "learner-a");
  const options = state(1, "learner-a", { mode: "browse", credit: false });
  const reset = state(2, "learner-b", { mode: "browse", credit: false });

  it("relaunches once per change when each event comes before the next answer", () => {
    expect(relaunches([first, options, options, reset, reset])).toEqual([
      "first launch",
      "LMS options changed (resume)",
      "new learner (reset)",
    ]);
  });

  it("ignores an event that arrives after the answer to a later command", () => {
    // Answers to "options" and "reset" first, then their two events, late.
    expect(relaunches([first, options, reset, options, reset])).toEqual([
      "first launch",
      "LMS options changed (resume)",
      "new learner (reset)",
    ]);
  });
});
