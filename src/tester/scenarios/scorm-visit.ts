/**
 * One learner's SCORM visit: a fresh browser, the LMS page hosting the profile's simulated API,
 * the package opened the profile's way, and the record the LMS page posts to the test server as it
 * goes — so what counts is what reached the LMS's server, even after the tab is gone.
 */
import type { ScormStandardId } from "../../shared/lms-quirks.js";
import { Learner, WINDOW_OF } from "../learner.js";
import type { CmiJson, ScormRecord } from "../protocol.js";
import { methods } from "../scorm-record.js";
import type { ScenarioContext } from "../scenario.js";
import type { RecordLog } from "../server.js";

/** How long the LMS waits for the session to end once the learner leaves. */
const FINISH_MS = 20_000;

export class ScormVisit {
  private constructor(
    readonly learner: Learner,
    readonly log: RecordLog,
    readonly standard: ScormStandardId,
  ) {}

  /** Launches the package; `previous` is what the last visit left (ScormRecord.next). */
  static async open(ctx: ScenarioContext, previous?: CmiJson | null): Promise<ScormVisit> {
    const standard = ctx.subject.launch.standard as ScormStandardId;
    const learner = await Learner.start(ctx.engine, ctx.viewport);
    const record = ctx.server.newRecord();
    try {
      await learner.launch(ctx.server.lmsPage, {
        kind: "scorm",
        standard,
        url: ctx.pkg.url,
        window: WINDOW_OF[ctx.mode],
        cmi: previous ?? undefined,
        quirks: ctx.simulation,
        recordUrl: record.url,
      });
    } catch (error) {
      await learner.end();
      throw error;
    }
    return new ScormVisit(learner, record.log, standard);
  }

  get record(): ScormRecord {
    return this.log.record;
  }

  /** Resolves once the LMS heard the session end (or after a while, with what it heard). */
  finished(): Promise<ScormRecord> {
    const finish = methods(this.standard).finish;
    return this.log.until((r) => r.calls.some((c) => c.method === finish), FINISH_MS);
  }

  /** Resolves once a commit reached the LMS whose data satisfies `test`, or after `ms`. */
  committed(test: (cmi: CmiJson) => boolean, ms: number): Promise<ScormRecord> {
    return this.log.until((r) => r.committed !== null && test(r.committed), ms);
  }
}
