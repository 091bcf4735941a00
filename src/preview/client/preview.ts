/**
 * The preview's LMS page: the course in a frame (or popup) of a local LMS, and the debug panel.
 * The server pushes its state (builds, options, learner) and the LRS's statements over
 * Server-Sent Events; the page relaunches the course — resuming, as an LMS would — whenever a
 * new build is served, the options change or the learner is reset. The SCORM side runs here
 * (ScormLms, the same module the tests' LMS page runs); xAPI and cmi5 are launched by the server.
 */
import type { FormatId } from "../../shared/course-data.js";
import { decodeState } from "../../shared/state-codec.js";
import type { LmsOptions, PreviewState, StatementEntry, XapiSummary } from "../protocol.js";
import { hostLaunch } from "./launcher.js";
import { byId } from "./preview/dom.js";
import { Panel } from "./preview/panel.js";
import { nextState } from "./preview/next-state.js";
import { server } from "./preview/server.js";
import { sessionFor, webStorageKey, type LmsSession } from "./preview/sessions.js";
import type { ApiCall, ScormLms } from "./scorm-lms.js";
import { summarizeScorm } from "./scorm-summary.js";

const stage = byId("stage");
let state: PreviewState | undefined;
let session: LmsSession | undefined;
let launches = 0;
/** Relaunches run one after another; a request made while one runs is merged into the next. */
let running: Promise<void> = Promise.resolve();
let queued: string | undefined;
let modelFrame = 0;

window.coursepackLms = { launch: (options) => hostLaunch(stage, options) };

const panel = new Panel({
  relaunch: () => relaunch("relaunched (resume)"),
  reset: () => void command(() => server.reset()),
  format: (format: FormatId) => void command(() => server.format(format)),
  options: (options: LmsOptions) => void command(() => server.options(options)),
});

/** Sends a command; the new state also arrives as an event, which relaunches when needed. */
async function command(send: () => Promise<PreviewState>): Promise<void> {
  try {
    onState(await send());
  } catch (error) {
    panel.activity(`The preview server refused: ${(error as Error).message}`);
  }
}

function onState(next: PreviewState): void {
  const previous = state;
  const after = nextState(previous, next);
  if (after.state === previous) return;
  state = after.state;
  panel.showState(next);
  if (after.relaunch) relaunch(after.relaunch);
}

function relaunch(reason: string): void {
  if (queued !== undefined) {
    queued = reason;
    return;
  }
  queued = reason;
  running = running.then(async () => {
    const why = queued!;
    queued = undefined;
    try {
      await launch(why);
    } catch (error) {
      panel.activity(`Launch failed: ${(error as Error).message}`);
    }
  });
}

async function launch(reason: string): Promise<void> {
  const current = state;
  if (!current?.launchable) return;
  const standard = current.launchable.standard;
  const fresh = reason.startsWith("new ") || reason === "first launch";
  await session?.stop();
  if (!session || session.standard !== standard) session = sessionFor(standard, scormActivity);
  if (reason.startsWith("new learner")) {
    session.reset({ state: current, launchable: current.launchable });
    panel.clearLog();
    if (standard === "xapi" || standard === "cmi5") await loadStatements();
  } else if (fresh && (standard === "xapi" || standard === "cmi5")) {
    panel.clearLog();
    await loadStatements();
  }
  panel.launchStarted(++launches, reason);
  const opened = await session.start({ stage, state: current, launchable: current.launchable });
  if (current.options.window === "popup" && !opened.popup)
    panel.activity("The browser blocked the popup: press Relaunch to open it.");
  document.body.dataset.launches = String(launches);
  document.body.dataset.build = String(current.build?.serving ?? "");
  if (standard === "web") showWebState();
}

/** Every SCORM call: into the log, and the data model redrawn once per frame. */
function scormActivity(lms: ScormLms, call?: ApiCall): void {
  if (call) panel.scormCall(call, (code) => lms.describeError(code));
  if (modelFrame) return;
  modelFrame = requestAnimationFrame(() => {
    modelFrame = 0;
    // A rAF callback may run after a switch to another standard: show only the current LMS.
    if (window.coursepackLms.lms !== lms) return;
    const edition = state?.launchable?.standard === lms.standard ? state.launchable.edition : null;
    panel.scormModel(summarizeScorm(lms.standard, edition, lms.cmi()), lms.terminated);
  });
}

async function loadStatements(): Promise<void> {
  const { statements, summary } = await server.statements();
  for (const entry of statements) panel.statement(entry);
  if (summary) panel.xapiModel(summary);
}

function onStatements(entries: StatementEntry[]): void {
  const registration = state?.learner.registration;
  for (const entry of entries) {
    const of = (entry.statement.context as { registration?: string } | undefined)?.registration;
    if (of === undefined || of === registration) panel.statement(entry);
  }
}

function onSummary(summary: XapiSummary | null): void {
  if (summary && summary.registration === state?.learner.registration) panel.xapiModel(summary);
}

function showWebState(): void {
  const courseId = state?.launchable?.courseId;
  if (state?.launchable?.standard !== "web" || !courseId) return;
  const key = webStorageKey(courseId);
  const raw = localStorage.getItem(key);
  panel.webModel(key, raw, raw ? decodeState(raw) : undefined);
}

// The course's frame shares this page's origin: its localStorage writes reach us as events.
window.addEventListener("storage", () => showWebState());
// Reloading this page keeps the SCORM learner's record, as closing an LMS tab would.
window.addEventListener("pagehide", () => {
  const saving = session as { save?: () => void } | undefined;
  saving?.save?.();
});

const events = new EventSource("/__coursepack/events");
// EventSource reconnects by itself; meanwhile say why nothing updates.
events.addEventListener("error", () => panel.disconnected());
events.addEventListener("state", (e) => onState(JSON.parse((e as MessageEvent<string>).data) as PreviewState));
events.addEventListener("statements", (e) =>
  onStatements(JSON.parse((e as MessageEvent<string>).data) as StatementEntry[]),
);
events.addEventListener("xapi", (e) => onSummary(JSON.parse((e as MessageEvent<string>).data) as XapiSummary | null));
