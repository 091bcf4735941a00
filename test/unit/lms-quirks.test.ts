/**
 * The LMS quirk simulation (src/preview/client/lms-quirks.ts) on the tests' LMS, scorm-again in Node:
 * each simulated LMS refuses what its source refuses, with its error code, stores nothing refused,
 * throws where it throws and hands back the wrong entry it hands back — and accepts the rest.
 */
import { describe, expect, it } from "vitest";
import {
  describeQuirks,
  isSimulatedLms,
  SIMULATED_LMS,
  type SimulatedLms,
} from "../../src/preview/client/lms-quirks.js";
import { ScormLms, type ScormStandard } from "../../src/preview/client/scorm-lms.js";

function session(standard: ScormStandard, lms?: SimulatedLms) {
  const host = new ScormLms({
    standard,
    cmi: { cmi: standard === "scorm12" ? { core: { entry: "ab-initio" } } : { entry: "ab-initio" } },
    quirks: lms && SIMULATED_LMS[lms],
  });
  const is12 = standard === "scorm12";
  const call = (name12: string, name2004: string, ...args: string[]) => host.api[is12 ? name12 : name2004]!(...args);
  expect(call("LMSInitialize", "Initialize", "")).toBe("true");
  return {
    host,
    set: (element: string, value: string) => call("LMSSetValue", "SetValue", element, value),
    error: () => call("LMSGetLastError", "GetLastError"),
    commit: () => call("LMSCommit", "Commit", ""),
    finish: () => call("LMSFinish", "Terminate", ""),
  };
}

/** Sets an interaction's id and type, then `element` = `value`; returns the error code ("0" = accepted). */
function interactionError(lms: SimulatedLms | undefined, type: string, element: string, value: string): string {
  const s = session("scorm2004", lms);
  expect(s.set("cmi.interactions.0.id", "q1")).toBe("true");
  expect(s.set("cmi.interactions.0.type", type)).toBe("true");
  s.set(`cmi.interactions.0.${element}`, value);
  return s.error();
}

describe("Moodle 4.5 (SCORM 2004)", () => {
  it("refuses response identifiers outside [\\w.] with 406, for identifier types only", () => {
    expect(interactionError("moodle", "choice", "learner_response", "a-pipeline[,]b")).toBe("406");
    expect(interactionError("moodle", "matching", "correct_responses.0.pattern", "quota[.]revenue-closed")).toBe("406");
    expect(interactionError("moodle", "sequencing", "learner_response", "first[,]second")).toBe("0");
    expect(interactionError("moodle", "matching", "learner_response", "quota[.]revenueClosed")).toBe("0");
    // Text responses are not identifiers.
    expect(interactionError("moodle", "fill-in", "learner_response", "a well-known answer")).toBe("0");
    // scorm-again alone takes them all.
    expect(interactionError(undefined, "choice", "learner_response", "a-pipeline[,]b")).toBe("0");
  });

  it("stores nothing it refused and records the refusal", () => {
    const s = session("scorm2004", "moodle");
    s.set("cmi.interactions.0.id", "q1");
    s.set("cmi.interactions.0.type", "choice");
    expect(s.set("cmi.interactions.0.learner_response", "a-b")).toBe("false");
    const interaction = (s.host.cmi().cmi.interactions as Record<string, Record<string, unknown>>)["0"]!;
    expect(interaction.learner_response).toBeFalsy();
    expect(s.host.errors()).toEqual([
      {
        method: "SetValue",
        element: "cmi.interactions.0.learner_response",
        value: "a-b",
        result: "false",
        error: "406",
      },
    ]);
  });

  it("throws from Terminate after exitAll, having stored the data", () => {
    const s = session("scorm2004", "moodle");
    s.set("cmi.location", "summary");
    expect(s.set("adl.nav.request", "exitAll")).toBe("true");
    expect(() => s.finish()).toThrow();
    expect(s.host.terminated).toBe(true);
    expect(s.host.cmi().cmi.location).toBe("summary");
  });

  it("terminates normally after suspendAll or no request", () => {
    const s = session("scorm2004", "moodle");
    s.set("adl.nav.request", "suspendAll");
    expect(s.finish()).toBe("true");
  });
});

describe("Forma LMS 4.0 (SCORM 2004)", () => {
  it("refuses identifiers containing - _ . ! ~ * ' ( ) with 406", () => {
    for (const bad of ["urn:coursepack:course-id:q1", "step_2", "v1.0", "wow!", "a~b", "a*b", "it's", "(x)"]) {
      const s = session("scorm2004", "forma");
      expect(s.set("cmi.objectives.0.id", bad), bad).toBe("false");
      expect(s.error()).toBe("406");
    }
    expect(interactionError("forma", "choice", "correct_responses.0.pattern", "aPipeline[,]b")).toBe("0");
    expect(interactionError("forma", "matching", "correct_responses.0.pattern", "a[.]b")).toBe("406");
    const s = session("scorm2004", "forma");
    expect(s.set("cmi.interactions.0.id", "urn:coursepack:salesTraining:q1")).toBe("true");
    expect(s.set("cmi.objectives.0.id", "pipelineBasics")).toBe("true");
  });

  it("keeps cmi.success_status and objective completion_status read-only (404)", () => {
    const s = session("scorm2004", "forma");
    expect(s.set("cmi.success_status", "passed")).toBe("false");
    expect(s.error()).toBe("404");
    expect(s.set("cmi.completion_status", "completed")).toBe("true");
    s.set("cmi.objectives.0.id", "intro");
    expect(s.set("cmi.objectives.0.completion_status", "completed")).toBe("false");
    expect(s.set("cmi.objectives.0.success_status", "passed")).toBe("true");
  });

  it("answers 401 to navigation requests", () => {
    const s = session("scorm2004", "forma");
    expect(s.set("adl.nav.request", "exitAll")).toBe("false");
    expect(s.error()).toBe("401");
    expect(s.finish()).toBe("true");
  });
});

describe("Forma LMS 4.0 (SCORM 1.2)", () => {
  const suspend = (s: ReturnType<typeof session>) => {
    s.set("cmi.core.lesson_location", "lesson-3");
    s.set("cmi.suspend_data", "saved");
    s.set("cmi.core.exit", "suspend");
  };

  it("hands back the saved data with entry=ab-initio after a Commit right before LMSFinish", () => {
    const s = session("scorm12", "forma");
    suspend(s);
    s.commit();
    s.finish();
    const next = s.host.nextSession().cmi as { core: Record<string, string>; suspend_data: string };
    expect(next.core).toMatchObject({ entry: "ab-initio", lesson_location: "lesson-3" });
    expect(next.suspend_data).toBe("saved");
  });

  it("hands back entry=resume when LMSFinish saves on its own", () => {
    const s = session("scorm12", "forma");
    suspend(s);
    s.commit();
    s.set("cmi.core.session_time", "0000:00:05.00");
    s.finish();
    expect((s.host.nextSession().cmi as { core: Record<string, string> }).core.entry).toBe("resume");
  });

  it("accepts every SCORM 1.2 identifier scorm-again accepts", () => {
    const s = session("scorm12", "forma");
    expect(s.set("cmi.objectives.0.id", "pipeline-basics")).toBe("true");
    expect(s.set("cmi.interactions.0.id", "case-for-specialist-training")).toBe("true");
  });
});

describe("profiles as data", () => {
  it("every quirk names its source and describes itself", () => {
    for (const lms of Object.values(SIMULATED_LMS)) {
      for (const quirk of lms.quirks) expect(quirk.source.length).toBeGreaterThan(10);
      const lines = [...describeQuirks(lms, "scorm12"), ...describeQuirks(lms, "scorm2004")];
      expect(lines).toHaveLength(lms.quirks.length);
    }
    expect(describeQuirks(SIMULATED_LMS.forma, "scorm2004")).toContain("adl.nav.request: every value refused (401)");
    expect(isSimulatedLms("moodle")).toBe(true);
    expect(isSimulatedLms("toString")).toBe(false);
    expect(isSimulatedLms(null)).toBe(false);
  });
});
