/**
 * One learner's visit, in a fresh browser: the LMS page opens the package the way the LMS does,
 * the robot takes steps in the course, and the visit ends the way learners end them — Exit, closing
 * the tab, closing the course window, the tab killed in the background, or the LMS window closed
 * before the course's. Each call is one round trip to the page; everything else happens there.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LaunchMode } from "../lms-profiles/index.js";
import type { WindowMode } from "../preview/protocol.js";
import { TESTER_CLIENT_DIR } from "../shared/node/paths.js";
import type { BrowserSession, Engine, Tab, Viewport } from "./engines/engine.js";
import type { LaunchPlan, LearnerView, RobotStep } from "./protocol.js";

/** Where the LMS opens content, as the LMS page's launcher calls it. */
export const WINDOW_OF: Record<LaunchMode, WindowMode> = {
  frame: "frame",
  frameset: "nested",
  popup: "popup",
  "new-window": "popup",
};

let robotSource: Promise<string> | undefined;

export class Learner {
  private tab: Tab | undefined;
  private popup: Tab | undefined;
  /** After the LMS window closed first, the robot runs inside the course's own window. */
  private alone = false;
  readonly steps: string[] = [];

  private constructor(private readonly session: BrowserSession) {}

  static async start(engine: Engine, viewport: Viewport): Promise<Learner> {
    return new Learner(await engine.newSession(viewport));
  }

  /** Opens the LMS page and has it launch the package; resolves when the package's page has loaded. */
  async launch(lmsPage: string, plan: LaunchPlan): Promise<void> {
    this.tab = await this.session.open(lmsPage);
    await this.ready(this.tab, "coursepackTest");
    const popup = plan.window === "popup" ? this.session.nextPopup() : undefined;
    // A rejected popup wait must not go unhandled while the launch itself fails.
    popup?.catch(() => undefined);
    const state = await this.tab.evaluate<"opened" | "click">(`coursepackTest.launch(${JSON.stringify(plan)})`);
    if (state === "click") await this.tab.click("#launch");
    await this.tab.evaluate("coursepackTest.loaded()");
    if (popup) this.popup = await popup;
    this.steps.push(`launched ${plan.window === "nested" ? "in a frame below a player frame" : `in a ${plan.window}`}`);
  }

  /** Waits until the page's script has defined `global` (a loaded machine may still be running it). */
  private async ready(tab: Tab, global: string): Promise<void> {
    const end = Date.now() + 30_000;
    while (!(await tab.evaluate<boolean>(`typeof ${global} !== "undefined"`).catch(() => false))) {
      if (Date.now() > end) throw new Error(`the LMS page did not start (no ${global} after 30 s)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private get page(): Tab {
    if (!this.tab) throw new Error("the LMS page is not open");
    return this.tab;
  }

  /** One step of the learner; resolves to what the learner then sees. */
  async do(step: RobotStep): Promise<LearnerView> {
    this.steps.push(describe(step));
    if (this.alone) return this.popup!.evaluate<LearnerView>(`coursepackRobot.robot(${JSON.stringify(step)})`);
    return this.page.evaluate<LearnerView>(`coursepackTest.robot(${JSON.stringify(step)})`);
  }

  /** Evaluates in the LMS page (coursepackTest…). */
  lms<T>(expression: string): Promise<T> {
    return this.page.evaluate<T>(expression);
  }

  /** What the learner has in front of them: the popup when the course is in one, else the LMS page. */
  screenshot(): Promise<Buffer | undefined> {
    return (this.popup ?? this.tab)?.screenshot().catch(() => undefined) ?? Promise.resolve(undefined);
  }

  /** The learner leaves the course inside the LMS (its frame goes, or its popup closes). */
  async closeCourse(): Promise<void> {
    this.steps.push("left the course (closed its window in the LMS)");
    await this.page.evaluate("coursepackTest.closeCourse()");
  }

  /** The learner closes the browser tab (and the course's popup, if any). */
  async closeTab(): Promise<void> {
    this.steps.push("closed the browser tab");
    await this.popup?.close();
    await this.tab?.close();
    this.tab = undefined;
    this.popup = undefined;
  }

  /** The tab is killed in the background (a phone reclaiming memory): the LMS hears nothing more. */
  async kill(): Promise<void> {
    this.steps.push("the browser killed the background tab");
    await this.page.evaluate("coursepackTest.kill()");
    await this.closeTab();
  }

  /** The learner closes the LMS window first; the robot carries on inside the course's window. */
  async closeLmsWindowFirst(): Promise<void> {
    if (!this.popup) throw new Error("the course is not in a window of its own");
    this.steps.push("closed the LMS window, leaving the course window open");
    await this.tab?.close();
    this.tab = undefined;
    robotSource ??= readFile(path.join(TESTER_CLIENT_DIR, "robot-page.js"), "utf8");
    await this.popup.evaluate(`(0, eval)(${JSON.stringify(await robotSource)}), true`);
    this.alone = true;
  }

  /** Script errors the course reported. */
  async errors(): Promise<string[]> {
    const fromPage = this.alone
      ? await this.popup!.evaluate<string[]>("coursepackRobot.errors()").catch(() => [])
      : this.tab
        ? await this.page.evaluate<string[]>("coursepackTest.errors()").catch(() => [])
        : [];
    return [...new Set([...fromPage, ...this.session.errors()])];
  }

  async end(): Promise<void> {
    await this.session.close();
  }
}

function describe(step: RobotStep): string {
  switch (step.do) {
    case "view-lessons":
      return `viewed ${step.count} page${step.count === 1 ? "" : "s"} with Next`;
    case "take-course":
      return `took the course, every answer ${step.correct ? "right" : "wrong"}${step.attempts === "all" && !step.correct ? ", until no attempt was left" : ""}`;
    case "start-quiz-and-answer":
      return `started the quiz and answered ${step.questions} question${step.questions === 1 ? "" : "s"}`;
    case "next":
      return "pressed Next";
    case "exit":
      return "pressed Exit on the summary";
    case "hide":
      return "switched to another app (the tab went to the background)";
    case "view":
      return "looked at the page";
    case "wait-notice":
      return `waited for the course's "${step.notice}" notice`;
  }
}
