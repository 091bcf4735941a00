/**
 * `coursepack preview`: a local LMS on 127.0.0.1. One HTTP server serves the LMS page with its
 * debug panel (client/), the package being previewed (under /course/, from memory or straight from
 * a zip), the local LMS/LRS (LocalLms: xAPI resources and cmi5 fetch URLs, statements validated and
 * kept in memory), and Server-Sent Events that push rebuilds, statements and LMS data to the page.
 * Tests, the benchmark and the CLI all start it through startPreview().
 */
import { randomUUID } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { COURSE_FILE } from "../../compiler/load/load-course.js";
import { PREVIEW_CLIENT_DIR } from "../../shared/node/paths.js";
import { FORMAT_IDS, type FormatId } from "../../shared/course-data.js";
import {
  DEFAULT_LMS_OPTIONS,
  type BuildStatus,
  type Learner,
  type LmsOptions,
  type PreviewState,
  type StatementEntry,
  type XapiSummary,
} from "../protocol.js";
import { CourseSource } from "./course-source.js";
import { EventHub } from "./events.js";
import {
  contentType,
  HttpError,
  loopbackHosts,
  readJsonObject,
  send,
  sendJson,
  sendServerError,
  servePackageFile,
} from "./http.js";
import { LocalLms, type LoggedStatement, type UpstreamLrs } from "./lrs/index.js";
import { xapiLaunchUrl } from "./lrs/launch.js";
import { summarize } from "./lrs/summary.js";
import { PackagePreviewSource } from "./package-source.js";
import { COURSE_PATH, type PreviewSource } from "./source.js";

export interface PreviewOptions {
  /** A course folder (holding course.yml), a package .zip, or a package's unzipped folder. Default: content. */
  source?: string | undefined;
  /** Courses only: the format to build (default: the first LMS format in course.yml). */
  format?: FormatId | undefined;
  /** Default 0: any free port. */
  port?: number | undefined;
  /** Quiet time after a file change before rebuilding, in ms (default 25). */
  debounceMs?: number | undefined;
  /** Forward statements to this LRS instead of keeping them in memory. */
  upstream?: UpstreamLrs | undefined;
}

export interface Preview {
  /** http://127.0.0.1:<port>/ — the LMS page. */
  url: string;
  kind: "course" | "package";
  lms: LocalLms;
  state(): PreviewState;
  /** Calls `listener` after every build of a course (after a file change or a format switch). */
  onBuild(listener: (status: BuildStatus) => void): () => void;
  /** The next build's status; ask before making the change, so it cannot be missed. */
  nextBuild(): Promise<BuildStatus>;
  /** Stops watching, ends event streams and connections, and closes the port. */
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const input = path.resolve(options.source ?? "content");
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `port ${options.port} on 127.0.0.1 is in use: choose another with --port, or leave it out for a free one`,
            )
          : error,
      );
    });
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  try {
    const preview = new PreviewServer(server, origin, LocalLms.mount(origin, { upstream: options.upstream }));
    await preview.open(input, options);
    return preview.api();
  } catch (error) {
    await new Promise((resolve) => server.close(resolve));
    throw error;
  }
}

/** The preview page's commands are a few small JSON objects. */
const MAX_COMMAND_BYTES = 64 * 1024;

class PreviewServer {
  /** Set once the source is open (its first build happens while it opens). */
  private source!: PreviewSource;
  private readonly hub = new EventHub();
  private readonly listeners = new Set<(status: BuildStatus) => void>();
  /** PreviewState.revision: one more at every change the page is told of. */
  private revision = 0;
  private options: LmsOptions = { ...DEFAULT_LMS_OPTIONS };
  private learner: Learner;
  /** The LMS-generated AU activity id of the current cmi5 learner (cmi5 §9.4, checklist #70). */
  private cmi5ActivityId = randomUUID();
  /** Where the current learner's statements start in the LRS log. */
  private logStart = 0;
  private summaryTimer: NodeJS.Timeout | undefined;
  private readonly hosts: ReadonlySet<string>;

  constructor(
    private readonly server: Server,
    private readonly origin: string,
    readonly lms: LocalLms,
  ) {
    this.learner = this.newLearner();
    this.hosts = loopbackHosts(Number(new URL(origin).port));
    server.on("request", (req, res) => void this.handle(req, res));
    lms.subscribe((event) => {
      if (event.kind === "statements") this.hub.send("statements", event.logged.map(entry));
      clearTimeout(this.summaryTimer);
      this.summaryTimer = setTimeout(() => this.hub.send("xapi", this.summary()), 30);
    });
  }

  async open(input: string, options: PreviewOptions): Promise<void> {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new Error(`${input}: there is no such course folder or package`);
    const isCourse =
      info.isDirectory() && (await stat(path.join(input, COURSE_FILE)).catch(() => undefined)) !== undefined;
    if (!isCourse && options.format)
      throw new Error(
        `--format is for Coursepack courses; the standard of ${path.basename(input)} is read from its manifest`,
      );
    this.source = isCourse
      ? await CourseSource.open(input, options.format, (status) => this.built(status), options.debounceMs)
      : await PackagePreviewSource.open(input);
  }

  api(): Preview {
    return {
      url: `${this.origin}/`,
      kind: this.source.kind,
      lms: this.lms,
      state: () => this.state(),
      onBuild: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      nextBuild: () =>
        new Promise((resolve) => {
          const once = (status: BuildStatus) => {
            this.listeners.delete(once);
            resolve(status);
          };
          this.listeners.add(once);
        }),
      close: () => this.close(),
    };
  }

  private built(status: BuildStatus): void {
    if (!this.source) return;
    this.hub.send("state", this.changed());
    for (const listener of [...this.listeners]) listener(status);
  }

  /** The state after a change the page is told of: one revision more. */
  private changed(): PreviewState {
    this.revision++;
    return this.state();
  }

  private state(): PreviewState {
    return {
      revision: this.revision,
      source: { kind: this.source.kind, name: this.source.name },
      launchable: this.source.launchable(),
      build: this.source.build(),
      format: this.source.format(),
      formats: this.source.formats(),
      options: this.options,
      learner: this.learner,
    };
  }

  private newLearner(): Learner {
    this.cmi5ActivityId = randomUUID();
    this.logStart = this.lms.statements.length;
    return {
      registration: randomUUID(),
      actor: {
        objectType: "Agent",
        name: "Preview Learner",
        account: { homePage: this.origin, name: "preview-learner" },
      },
    };
  }

  private summary(): XapiSummary | null {
    const launch = this.source.launch();
    if (launch?.standard !== "xapi" && launch?.standard !== "cmi5") return null;
    return summarize(this.lms, {
      registration: this.learner.registration,
      activityId: launch.standard === "cmi5" ? this.cmi5AuId(launch.auId) : launch.activityId,
      actor: this.learner.actor,
      moveOn: launch.standard === "cmi5" ? launch.moveOn : undefined,
    });
  }

  /**
   * What the current learner's packages sent: statements of their registration, and refused ones
   * that carry none. A previous learner's last statements (sent as its window closed) are left out.
   */
  private learnerStatements(): StatementEntry[] {
    return this.lms.statements
      .slice(this.logStart)
      .filter((l) => {
        const registration = (l.statement.context as { registration?: unknown } | undefined)?.registration;
        return registration === this.learner.registration || registration === undefined;
      })
      .map(entry);
  }

  private cmi5AuId(publisherAuId: string): string {
    return `${publisherAuId}/lms/${this.cmi5ActivityId}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.origin);
    const route = url.pathname;
    const method = req.method ?? "GET";
    try {
      const host = req.headers.host?.toLowerCase() ?? "";
      if (!this.hosts.has(host))
        throw new HttpError(403, `the preview answers only to ${this.origin}, not to the host "${host}"`);
      if (LocalLms.handles(route)) return await this.lms.handle(req, res);
      if (route.startsWith(COURSE_PATH)) return await this.serveCourse(route.slice(COURSE_PATH.length), res);
      if (method === "GET" && (route === "/" || route === "/index.html"))
        return await this.serveClient("preview.html", res);
      if (route === "/favicon.ico") return void res.writeHead(204).end();
      if (method === "GET" && route.startsWith("/__coursepack/client/"))
        return await this.serveClient(route.slice("/__coursepack/client/".length), res);
      if (method === "GET" && route === "/__coursepack/state") return sendJson(res, 200, this.state());
      if (method === "GET" && route === "/__coursepack/events")
        return this.hub.open(req, res, [["state", this.state()]]);
      if (method === "GET" && route === "/__coursepack/statements")
        return sendJson(res, 200, { statements: this.learnerStatements(), summary: this.summary() });
      if (method === "POST" && route.startsWith("/__coursepack/")) {
        // Only the LMS page may drive the preview, not another site open in the same browser.
        if (req.headers.origin !== undefined && req.headers.origin !== this.origin)
          return send(res, 403, "not from the preview page");
        const body = await readJsonObject(req, MAX_COMMAND_BYTES);
        return await this.command(route.slice("/__coursepack/".length), body, res);
      }
      send(res, 404, "not found");
    } catch (error) {
      sendServerError(res, `${method} ${route}`, error);
    }
  }

  private async command(name: string, body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    switch (name) {
      case "launch":
        return sendJson(res, 200, { url: await this.launchUrl() });
      case "reset":
        this.learner = this.newLearner();
        break;
      case "options": {
        const problem = this.setOptions(body);
        if (problem) return send(res, 400, problem);
        break;
      }
      case "format": {
        const format = body.format as FormatId;
        if (!this.source.setFormat) return send(res, 400, "a package's standard is read from its manifest");
        if (!(FORMAT_IDS as readonly unknown[]).includes(format))
          return send(res, 400, `unknown format "${String(format)}"`);
        // Another standard is another LMS registration: the learner starts afresh.
        this.learner = this.newLearner();
        await this.source.setFormat(format);
        return sendJson(res, 200, this.changed());
      }
      default:
        return send(res, 404, "unknown command");
    }
    const state = this.changed();
    this.hub.send("state", state);
    sendJson(res, 200, state);
  }

  private setOptions(body: Record<string, unknown>): string | undefined {
    const next = { ...this.options, ...body } as LmsOptions;
    if (
      next.masteryScore !== null &&
      !(typeof next.masteryScore === "number" && next.masteryScore >= 0 && next.masteryScore <= 100)
    )
      return "masteryScore is a number from 0 to 100, or null";
    if (!["normal", "browse", "review"].includes(next.mode)) return "mode is normal, browse or review";
    if (typeof next.credit !== "boolean") return "credit is true or false";
    if (!["frame", "nested", "popup"].includes(next.window)) return "window is frame, nested or popup";
    this.options = { masteryScore: next.masteryScore, mode: next.mode, credit: next.credit, window: next.window };
    return undefined;
  }

  /** The URL an LMS would open: with launch parameters for xAPI and cmi5 (a new cmi5 session each time). */
  private async launchUrl(): Promise<string> {
    const launch = this.source.launch();
    const launchable = this.source.launchable();
    if (!launch || !launchable) throw new HttpError(409, "nothing to launch yet: the course has not built");
    if (launch.standard !== "xapi" && launch.standard !== "cmi5") return launchable.url;
    return xapiLaunchUrl(this.lms, launch, {
      contentUrl: new URL(launchable.url, this.origin).href,
      learner: this.learner,
      cmi5ActivityId: launch.standard === "cmi5" ? this.cmi5AuId(launch.auId) : "",
      mode: this.options.mode,
      masteryScore: this.options.masteryScore === null ? undefined : this.options.masteryScore / 100,
    });
  }

  private serveCourse(name: string, res: ServerResponse): Promise<void> {
    return servePackageFile((file) => this.source.read(file), name, res);
  }

  private async serveClient(name: string, res: ServerResponse): Promise<void> {
    if (!/^[\w.-]+$/.test(name)) return send(res, 404, "not found");
    const body = await readFile(path.join(PREVIEW_CLIENT_DIR, name)).catch(() => undefined);
    if (!body)
      return send(
        res,
        name === "preview.html" ? 500 : 404,
        name === "preview.html" ? "the preview page is not compiled: run `npm run compile`" : "not found",
      );
    res.writeHead(200, { "Content-Type": contentType(name), "Cache-Control": "no-store" }).end(body);
  }

  private async close(): Promise<void> {
    clearTimeout(this.summaryTimer);
    this.hub.close();
    await this.source?.close();
    await this.lms.close();
    const closed = new Promise((resolve) => this.server.close(resolve));
    this.server.closeAllConnections();
    await closed;
  }
}

function entry(logged: LoggedStatement): StatementEntry {
  return {
    statement: logged.statement,
    status: logged.status,
    stored: logged.stored,
    warnings: logged.warnings,
    again: logged.again,
    receivedAt: logged.receivedAt.toISOString(),
    request: logged.request,
  };
}
