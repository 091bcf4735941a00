/**
 * The debug panel and the page's controls: the build status and its error overlay, the LMS
 * options form, the data model (SCORM CMI, xAPI/cmi5 registration, or the web runtime's saved
 * state), and the log — every SCORM API call with its value and error code, or every statement as
 * the LRS received it, flagged when it was refused or is invalid.
 */
import type { FormatId } from "../../../shared/course-data.js";
import type { LearnerState } from "../../../shared/learner.js";
import type { LmsOptions, PreviewState, StatementEntry, XapiSummary } from "../../protocol.js";
import type { ApiCall } from "../scorm-lms.js";
import type { ScormSummary } from "../scorm-summary.js";
import { byId, h } from "./dom.js";

export interface PanelActions {
  relaunch(): void;
  reset(): void;
  format(format: FormatId): void;
  options(options: LmsOptions): void;
}

const FORMAT_LABELS: Record<FormatId, string> = {
  web: "Web (no LMS)",
  scorm12: "SCORM 1.2",
  scorm2004: "SCORM 2004 (the LMS's edition)",
  "scorm2004-3rd": "SCORM 2004 3rd Edition",
  "scorm2004-4th": "SCORM 2004 4th Edition",
  xapi: "xAPI (Tin Can launch)",
  cmi5: "cmi5",
};

const STANDARD_LABELS: Record<string, string> = {
  scorm12: "SCORM",
  scorm2004: "SCORM",
  xapi: "xAPI (Tin Can)",
  cmi5: "cmi5",
  web: "Web",
};

/** Longest log kept on the page; older entries are dropped (the console keeps `coursepackLms.lms.calls`). */
const LOG_LIMIT = 3000;

export class Panel {
  private readonly log = byId<HTMLOListElement>("log");
  private entries = 0;
  private overlayHiddenFor: number | undefined;

  constructor(actions: PanelActions) {
    byId("relaunch").addEventListener("click", () => actions.relaunch());
    byId("reset").addEventListener("click", () => actions.reset());
    byId<HTMLSelectElement>("format").addEventListener("change", (e) =>
      actions.format((e.target as HTMLSelectElement).value as FormatId),
    );
    byId<HTMLFormElement>("options").addEventListener("submit", (e) => {
      e.preventDefault();
      actions.options(this.readOptions());
    });
    byId("overlay-hide").addEventListener("click", () => {
      this.overlayHiddenFor = Number(byId("overlay").dataset.build);
      byId("overlay").hidden = true;
      byId("relaunch").focus();
    });
  }

  showState(state: PreviewState): void {
    const launchable = state.launchable;
    byId("title").textContent = launchable ? `— ${launchable.title}` : `— ${state.source.name}`;
    document.title = `${launchable?.title ?? state.source.name} · Coursepack preview`;
    const select = byId<HTMLSelectElement>("format");
    const detected = byId("detected");
    byId("format-label").hidden = state.formats.length === 0;
    detected.hidden = state.formats.length > 0;
    if (state.formats.length > 0) {
      select.replaceChildren(
        ...state.formats.map((f) => h("option", { value: f, selected: f === state.format }, FORMAT_LABELS[f])),
      );
    } else if (launchable) {
      detected.textContent = `Detected: ${STANDARD_LABELS[launchable.standard]}${launchable.edition ? ` ${launchable.edition}` : ""}, launching ${launchable.url.replace(/^\/course\//, "")}`;
    }
    this.showBuild(state);
    this.showOptions(state);
    const scorm = launchable?.standard === "scorm12" || launchable?.standard === "scorm2004";
    byId("log-heading").textContent = scorm ? "API calls" : launchable?.standard === "web" ? "Activity" : "Statements";
    document.body.dataset.standard = launchable?.standard ?? "";
  }

  /** The preview server stopped or restarts: the page reconnects by itself. */
  disconnected(): void {
    const status = byId("build-status");
    status.dataset.ok = "false";
    status.textContent = "Lost the connection to the preview server (stopped?); reconnecting…";
  }

  private showBuild(state: PreviewState): void {
    const status = byId("build-status");
    const build = state.build;
    const overlay = byId("overlay");
    delete status.dataset.ok;
    if (!build) {
      status.textContent = state.source.kind === "package" ? `Package ${state.source.name}` : "";
      overlay.hidden = true;
      return;
    }
    status.dataset.ok = String(build.ok);
    const time = new Date(build.at).toLocaleTimeString();
    const changed = build.changed.length ? ` after ${build.changed.join(", ")} changed` : "";
    status.textContent = build.ok
      ? `Built ${FORMAT_LABELS[build.format]} in ${Math.round(build.ms)} ms${changed} at ${time}${build.warnings ? `, ${build.warnings} warning${build.warnings === 1 ? "" : "s"}` : ""}.`
      : `Build failed at ${time}: ${build.errors} error${build.errors === 1 ? "" : "s"}${changed}.`;
    const warnings = build.ok ? build.diagnostics : build.diagnostics.filter((d) => / warning: /.test(d));
    byId("diagnostics-section").hidden = !build.ok || warnings.length === 0;
    byId("diagnostics").replaceChildren(...(build.ok ? warnings : []).map((d) => h("li", {}, d)));
    if (build.ok) {
      overlay.hidden = true;
      return;
    }
    overlay.dataset.build = String(build.id);
    byId("overlay-heading").textContent = `Build failed: ${build.errors} error${build.errors === 1 ? "" : "s"}`;
    byId("overlay-note").textContent =
      build.serving === null
        ? "The course has not built yet. Fix the files below and save: the preview rebuilds by itself."
        : "The preview keeps the last good build running. Fix the files below and save: the course reloads by itself.";
    byId("overlay-diagnostics").textContent = build.diagnostics.join("\n");
    byId("overlay-hide").hidden = build.serving === null;
    overlay.hidden = this.overlayHiddenFor === build.id;
  }

  private showOptions(state: PreviewState): void {
    const { options } = state;
    byId<HTMLInputElement>("mastery").value = options.masteryScore === null ? "" : String(options.masteryScore);
    byId<HTMLSelectElement>("mode").value = options.mode;
    byId<HTMLSelectElement>("window-mode").value = options.window;
    byId<HTMLInputElement>("credit").checked = options.credit;
    const standard = state.launchable?.standard;
    const notes: Record<string, string> = {
      scorm12: "SCORM 1.2: cmi.student_data.mastery_score, cmi.core.lesson_mode, cmi.core.credit.",
      scorm2004: "SCORM 2004: cmi.scaled_passing_score, cmi.mode, cmi.credit.",
      cmi5: `cmi5: masteryScore and launchMode in LMS.LaunchData (moveOn ${state.launchable?.cmi5?.moveOn ?? "?"}); cmi5 has no credit setting.`,
      xapi: "Tin Can launch has no LMS settings: only the window applies.",
      web: "A web package has no LMS: only the window applies.",
    };
    byId("options-note").textContent = standard ? (notes[standard] ?? "") : "";
  }

  private readOptions(): LmsOptions {
    const mastery = byId<HTMLInputElement>("mastery").value.trim();
    return {
      masteryScore: mastery === "" ? null : Math.min(100, Math.max(0, Number(mastery))),
      mode: byId<HTMLSelectElement>("mode").value as LmsOptions["mode"],
      credit: byId<HTMLInputElement>("credit").checked,
      window: byId<HTMLSelectElement>("window-mode").value as LmsOptions["window"],
    };
  }

  clearLog(): void {
    this.log.replaceChildren();
    this.entries = 0;
    this.updateCount();
  }

  /** A separator line: "Launch 2: resumed after lessons/01.md changed". */
  launchStarted(number: number, reason: string): void {
    this.append(h("li", { class: "launch" }, `Launch ${number}: ${reason}`));
  }

  scormCall(call: ApiCall, describe: (code: string) => string): void {
    const args =
      call.element === undefined
        ? ""
        : call.value === undefined
          ? JSON.stringify(call.element)
          : `${JSON.stringify(call.element)}, ${JSON.stringify(call.value)}`;
    this.append(
      h(
        "li",
        { "data-method": call.method, "data-error": call.error },
        h("code", {}, `${call.method}(${args})`),
        " ",
        h("span", { class: "result" }, `→ ${JSON.stringify(call.result)}`),
        call.error !== "0" ? h("span", { class: "error" }, ` error ${call.error}: ${describe(call.error)}`) : null,
      ),
    );
    this.entries++;
    this.updateCount();
  }

  statement(entry: StatementEntry): void {
    const s = entry.statement as {
      verb?: { id?: string };
      object?: { id?: string; definition?: { name?: Record<string, string> } };
      result?: Record<string, unknown>;
    };
    const verb = (s.verb?.id ?? "?").replace(/^.*\//, "");
    const name = Object.values(s.object?.definition?.name ?? {})[0] ?? s.object?.id ?? "?";
    const valid = entry.warnings.length === 0;
    const flags = [
      entry.stored ? "" : `refused (${entry.status})`,
      entry.again ? "sent again, already stored" : "",
      valid ? "" : `${entry.warnings.length} validation problem${entry.warnings.length === 1 ? "" : "s"}`,
    ]
      .filter(Boolean)
      .join(", ");
    this.append(
      h(
        "li",
        {
          "data-verb": verb,
          "data-status": String(entry.status),
          "data-valid": String(valid),
          "data-again": entry.again ? "true" : undefined,
        },
        h(
          "details",
          {},
          h(
            "summary",
            {},
            h("code", {}, verb),
            ` ${name}`,
            resultText(s.result),
            flags ? h("strong", {}, ` — ${flags}`) : null,
          ),
          valid
            ? null
            : h(
                "ul",
                {},
                entry.warnings.map((w) => h("li", {}, w)),
              ),
          h("pre", {}, JSON.stringify(entry.statement, null, 2)),
        ),
      ),
    );
    this.entries++;
    this.updateCount();
  }

  activity(text: string): void {
    this.append(h("li", {}, text));
  }

  scormModel(summary: ScormSummary, terminated: boolean): void {
    this.model([...summary.rows, { key: "terminated", label: "Session ended", value: terminated ? "yes" : "no" }]);
    this.interactions(summary.interactions);
  }

  xapiModel(summary: XapiSummary): void {
    const judged = summary.passed === null ? "" : summary.passed ? "passed" : "failed";
    this.model([
      { key: "registration", label: "Registration", value: summary.registration },
      { key: "activity", label: "Activity", value: summary.activityId ?? "" },
      { key: "completion", label: "Completed", value: summary.completed ? "yes" : "no" },
      { key: "success", label: "Passed / failed", value: judged },
      { key: "score", label: "Score (scaled)", value: summary.scaled === null ? "" : String(summary.scaled) },
      ...(summary.moveOn
        ? [
            {
              key: "moveon",
              label: "moveOn",
              value: `${summary.moveOn.rule}: ${summary.moveOn.satisfied ? "satisfied" : "not yet"}`,
            },
          ]
        : []),
      {
        key: "statements",
        label: "Statements",
        value: `${summary.stored} stored, ${summary.rejected} refused`,
        problem: summary.rejected ? "the LRS refused some statements" : undefined,
      },
      ...summary.documents.map((d) => ({
        key: `state-${d.id}`,
        label: `State "${d.id}"`,
        value: `${d.bytes.toLocaleString("en")} bytes`,
      })),
    ]);
    this.interactions([]);
  }

  webModel(key: string, raw: string | null, state: LearnerState | undefined): void {
    const quizzes = state
      ? Object.entries(state.quizzes)
          .map(
            ([id, q]) =>
              `${id}: attempt ${q.attempt}${q.submitted ? `, scored ${q.score} %` : `, ${Object.keys(q.answers).length} of ${q.drawn.length} answered`}${q.best === undefined ? "" : `, best ${q.best} %`}`,
          )
          .join("; ")
      : "";
    this.model([
      {
        key: "storage",
        label: "localStorage",
        value: raw === null ? `${key}: empty` : `${key}: ${raw.length.toLocaleString("en")} characters`,
      },
      { key: "location", label: "Page", value: state?.page ?? "" },
      { key: "viewed", label: "Viewed", value: state?.viewed.join(", ") ?? "" },
      { key: "completion", label: "Completed", value: state ? (state.completed ? "yes" : "no") : "" },
      { key: "quizzes", label: "Quizzes", value: quizzes },
    ]);
    this.interactions([]);
  }

  private model(rows: { key: string; label: string; value: string; problem?: string | undefined }[]): void {
    byId("data-model").replaceChildren(
      ...rows.flatMap((r) => [
        h("dt", {}, r.label),
        h("dd", { "data-field": r.key, "data-problem": r.problem }, r.value || "—", r.problem ? ` (${r.problem})` : ""),
      ]),
    );
  }

  private interactions(list: ScormSummary["interactions"]): void {
    const table = byId<HTMLTableElement>("interactions");
    table.hidden = list.length === 0;
    table.tBodies[0]!.replaceChildren(
      ...list.map((i) =>
        h("tr", {}, h("td", {}, i.id), h("td", {}, i.type), h("td", {}, i.response), h("td", {}, i.result)),
      ),
    );
  }

  private append(item: HTMLLIElement): void {
    const atBottom = this.log.scrollTop + this.log.clientHeight >= this.log.scrollHeight - 4;
    this.log.append(item);
    while (this.log.children.length > LOG_LIMIT) this.log.firstElementChild!.remove();
    if (atBottom) this.log.scrollTop = this.log.scrollHeight;
  }

  private updateCount(): void {
    byId("log-count").textContent = `${this.entries} since the learner started`;
  }
}

function resultText(result: Record<string, unknown> | undefined): string {
  if (!result) return "";
  const parts: string[] = [];
  const score = result.score as { scaled?: number } | undefined;
  if (score?.scaled !== undefined) parts.push(`score ${score.scaled}`);
  if (result.success !== undefined) parts.push(result.success ? "success" : "no success");
  if (result.completion !== undefined) parts.push(result.completion ? "complete" : "incomplete");
  if (typeof result.response === "string") parts.push(`response ${JSON.stringify(result.response)}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}
