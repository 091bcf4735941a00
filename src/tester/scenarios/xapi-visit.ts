/**
 * xAPI and cmi5 visits: each scenario gets a local LMS/LRS of its own on another port (statements
 * cross origins as in production; an outage there touches no other scenario), a learner with one
 * registration across visits, and launches the LMS way — a Tin Can launch URL with credentials for
 * this launch, or a cmi5 session with its one-time fetch URL.
 */
import { randomUUID } from "node:crypto";
import type { Learner as LearnerIdentity } from "../../preview/protocol.js";
import { LocalLms, type LoggedStatement } from "../../preview/server/lrs/index.js";
import { xapiLaunchUrl } from "../../preview/server/lrs/launch.js";
import { summarize } from "../../preview/server/lrs/summary.js";
import type { XapiSummary } from "../../preview/protocol.js";
import { VERBS } from "../../shared/xapi-vocabulary.js";
import type { Cmi5Launch, TinCanLaunch } from "../../validator/launch.js";
import { Learner, WINDOW_OF } from "../learner.js";
import type { LogLine, ScenarioContext } from "../scenario.js";

export class XapiLms {
  readonly identity: LearnerIdentity;
  /** The LMS-generated AU activity id (cmi5 §9.4). */
  readonly auId = `urn:uuid:${randomUUID()}`;

  private constructor(
    readonly lrs: LocalLms,
    private readonly ctx: ScenarioContext,
  ) {
    this.identity = {
      registration: randomUUID(),
      actor: { objectType: "Agent", name: "Robot Learner", account: { homePage: lrs.url, name: "robot-learner" } },
    };
  }

  static async start(ctx: ScenarioContext): Promise<XapiLms> {
    return new XapiLms(await LocalLms.start(), ctx);
  }

  private get launch(): TinCanLaunch | Cmi5Launch {
    return this.ctx.subject.launch as TinCanLaunch | Cmi5Launch;
  }

  /** A visit in a fresh browser; the same registration every time, so the learner resumes. */
  async visit(): Promise<Learner> {
    const url = await xapiLaunchUrl(this.lrs, this.launch, {
      contentUrl: this.ctx.pkg.url,
      learner: this.identity,
      cmi5ActivityId: this.auId,
      mode: "normal",
    });
    const learner = await Learner.start(this.ctx.engine, this.ctx.viewport);
    try {
      await learner.launch(this.ctx.server.lmsPage, { kind: "xapi", url, window: WINDOW_OF[this.ctx.mode] });
    } catch (error) {
      await learner.end();
      throw error;
    }
    return learner;
  }

  /** What the LMS knows of the registration: completion, pass/fail and score, documents, moveOn. */
  summary(): XapiSummary {
    const launch = this.launch;
    return summarize(this.lrs, {
      registration: this.identity.registration,
      activityId: launch.standard === "cmi5" ? this.auId : launch.activityId,
      actor: this.identity.actor,
      moveOn: launch.standard === "cmi5" ? launch.moveOn : undefined,
    });
  }

  /** Statements of this registration the LRS received (stored or refused), in arrival order. */
  received(): LoggedStatement[] {
    return this.lrs.statements.filter(
      (l) =>
        (l.statement.context as { registration?: string } | undefined)?.registration === this.identity.registration,
    );
  }

  /** Resolves once a statement with this verb has been stored, or after `ms`. */
  async stored(verb: keyof typeof VERBS, ms: number): Promise<boolean> {
    const has = () =>
      this.received().some((l) => l.stored && (l.statement.verb as { id?: string }).id === VERBS[verb].id);
    if (has()) return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(has());
      }, ms);
      const off = this.lrs.subscribe(() => {
        if (!has()) return;
        clearTimeout(timer);
        off();
        resolve(true);
      });
    });
  }

  /** Resolves once the bookmark document changes after now, or after `ms`. */
  bookmarkSaved(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(false);
      }, ms);
      const off = this.lrs.subscribe((event) => {
        if (event.kind !== "document" || event.resource !== "state") return;
        clearTimeout(timer);
        off();
        resolve(true);
      });
    });
  }

  log(): LogLine[] {
    return this.received().map((l) => {
      const s = l.statement as { verb?: { id?: string }; object?: { id?: string }; result?: Record<string, unknown> };
      const verb = s.verb?.id?.split("/").pop() ?? "?";
      const result = s.result ? ` ${JSON.stringify(s.result)}` : "";
      return {
        text: `${verb} ${s.object?.id ?? ""}${result} → ${l.status}${l.stored ? "" : " (refused)"}${l.warnings.length ? `: ${l.warnings.join("; ")}` : ""}`,
        problem: !l.stored || l.status >= 400,
      };
    });
  }

  close(): Promise<void> {
    return this.lrs.close();
  }
}
