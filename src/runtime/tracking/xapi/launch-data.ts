/**
 * LMS.LaunchData as the AU may act on it (cmi5 §10). The LMS writes the document, but what it holds
 * is checked before use, as the SCORM trackers check their LMS's values: a masteryScore outside 0..1
 * is ignored (issue 12: 2 made the pass mark 200 %, -1 passed a learner with 0 %), and only an
 * http(s) returnURL is followed (a `javascript:` one would run script in the course's origin on Exit).
 */
import type { LaunchData } from "../../../shared/cmi5-contract.js";

/** A masteryScore the AU can judge against: a number from 0 to 1, else undefined. */
export function checkedMasteryScore(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

/** The absolute http(s) URL to return to, else undefined. */
export function checkedReturnUrl(value: unknown, base: string): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The launch data with unusable masteryScore and returnURL left out (and said so in the console). */
export function checkedLaunchData(data: LaunchData, base: string): LaunchData {
  const { masteryScore, returnURL, ...rest } = data;
  const mastery = checkedMasteryScore(masteryScore);
  const back = checkedReturnUrl(returnURL, base);
  if (masteryScore !== undefined && mastery === undefined)
    console.warn(`[coursepack] LMS.LaunchData masteryScore ${JSON.stringify(masteryScore)} is not 0..1: ignored`);
  if (returnURL !== undefined && back === undefined)
    console.warn(`[coursepack] LMS.LaunchData returnURL is not an http(s) URL: not followed`);
  return { ...rest, ...(mastery !== undefined ? { masteryScore: mastery } : {}), ...(back ? { returnURL: back } : {}) };
}
