/**
 * The learner record a SCORM LMS hands a SCO at launch: who the learner is and the LMS's settings —
 * mode (checklist #16), credit, pass mark (checklist #24) — on top of what the previous session
 * left (ScormLms.nextSession). The preview's LMS page and the end-to-end tests build records here.
 */
import type { CmiJson, ScormStandard } from "./scorm-lms.js";

export interface LaunchSettings {
  learner: { id: string; given: string; family: string };
  mode: "normal" | "browse" | "review";
  credit: boolean;
  /** Pass mark 0..100 the LMS imposes, or null for none. */
  masteryScore: number | null;
}

/** A first session: entry ab-initio. */
export function firstSession(standard: ScormStandard, settings: LaunchSettings): CmiJson {
  return withSettings(
    { cmi: standard === "scorm12" ? { core: { entry: "ab-initio" } } : { entry: "ab-initio" } },
    standard,
    settings,
  );
}

/** The record with the learner and the LMS's settings applied (the previous session's data kept). */
export function withSettings(record: CmiJson, standard: ScormStandard, settings: LaunchSettings): CmiJson {
  const cmi = structuredClone(record.cmi) as Record<string, unknown>;
  const { learner, mode, credit, masteryScore } = settings;
  if (standard === "scorm12") {
    // SCORM 1.2 RTE 3.4.2: student_name is "Last, First".
    cmi.core = {
      ...(cmi.core as object),
      student_id: learner.id,
      student_name: `${learner.family}, ${learner.given}`,
      credit: credit ? "credit" : "no-credit",
      lesson_mode: mode,
    };
    const studentData = { ...(cmi.student_data as Record<string, unknown> | undefined) };
    if (masteryScore === null) delete studentData.mastery_score;
    else studentData.mastery_score = String(masteryScore);
    if (Object.keys(studentData).length > 0) cmi.student_data = studentData;
    else delete cmi.student_data;
  } else {
    Object.assign(cmi, {
      learner_id: learner.id,
      learner_name: `${learner.given} ${learner.family}`,
      credit: credit ? "credit" : "no-credit",
      mode,
    });
    if (masteryScore === null) delete cmi.scaled_passing_score;
    else cmi.scaled_passing_score = String(masteryScore / 100);
  }
  return { cmi };
}
