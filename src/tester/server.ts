/**
 * The LMS `coursepack test` runs against, on 127.0.0.1: one HTTP server for the LMS page and robot
 * (lib/tester), the packages under test (served straight from their zips, as uploaded), and the
 * SCORM records the LMS page posts after every Initialize, Commit and Terminate — the LMS's server
 * side. xAPI and cmi5 sessions get a local LMS/LRS of their own (LocalLms on another port, so
 * statements cross origins as in production), which a scenario can take down without touching others.
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { HttpError, readBody, send, servePackageFile } from "../preview/server/http.js";
import { PackagePreviewSource } from "../preview/server/package-source.js";
import { TESTER_CLIENT_DIR } from "../shared/node/paths.js";
import { CLIENT_PATH, RECORD_PATH, type ApiCall, type CmiJson, type ScormRecord } from "./protocol.js";

const PACKAGE_PATH = "/pkg/";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };
/** One record the LMS page posts: an API call with its values (SCORM 2004 suspend_data is at most 64 000 characters). */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

interface Post {
  seq: number;
  calls: ApiCall[];
  committed: CmiJson | null;
  next: CmiJson | null;
}

/** Everything the LMS page posted for one session, in the order it sent it. */
class RecordLog {
  private readonly posts: Post[] = [];
  private readonly waiters = new Set<() => void>();

  add(post: Post): void {
    this.posts.push(post);
    this.posts.sort((a, b) => a.seq - b.seq);
    for (const wake of [...this.waiters]) wake();
  }

  get record(): ScormRecord {
    const last = this.posts.at(-1);
    const committed = [...this.posts].reverse().find((p) => p.committed)?.committed ?? null;
    return { committed, calls: this.posts.flatMap((p) => p.calls), next: last?.next ?? null };
  }

  /** Resolves once nothing new has arrived for `quietMs` (the package has settled), or after `maxMs`. */
  async settled(quietMs: number, maxMs: number): Promise<ScormRecord> {
    const end = Date.now() + maxMs;
    for (let count = -1; count !== this.posts.length && Date.now() < end; ) {
      count = this.posts.length;
      await this.until(() => this.posts.length !== count, Math.min(quietMs, end - Date.now()));
    }
    return this.record;
  }

  /** Resolves when the record satisfies `test`, or after `ms` with whatever it holds. */
  async until(test: (r: ScormRecord) => boolean, ms: number): Promise<ScormRecord> {
    const end = Date.now() + ms;
    while (!test(this.record) && Date.now() < end) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, end - Date.now());
        this.waiters.add(wake);
      });
    }
    return this.record;
  }
}

export interface ServedPackage {
  /** URL of its launch page. */
  url: string;
  source: PackagePreviewSource;
}

export class TestServer {
  private readonly packages = new Map<string, PackagePreviewSource>();
  private readonly records = new Map<string, RecordLog>();
  private sessions = 0;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {
    server.on("request", (req, res) => void this.handle(req, res));
  }

  static async start(): Promise<TestServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new TestServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  /** The LMS page's URL. */
  get lmsPage(): string {
    return `${this.origin}${CLIENT_PATH}lms-page.html`;
  }

  /** Serves a package (zip or folder) under its own path; its launch page is served as the manifest says. */
  async addPackage(file: string): Promise<ServedPackage> {
    const source = await PackagePreviewSource.open(file);
    const key = String(this.packages.size + 1);
    this.packages.set(key, source);
    const launch = source.launch().launch;
    const url = /^[a-z][a-z0-9+.-]*:/i.test(launch) ? launch : `${this.origin}${PACKAGE_PATH}${key}/${launch}`;
    return { url, source };
  }

  /** A new SCORM session: where its LMS page posts, and its log. */
  newRecord(): { url: string; log: RecordLog } {
    const id = String(++this.sessions);
    const log = new RecordLog();
    this.records.set(id, log);
    return { url: `${this.origin}${RECORD_PATH}${id}`, log };
  }

  async close(): Promise<void> {
    await Promise.all([...this.packages.values()].map((p) => p.close()));
    const closed = new Promise((resolve) => this.server.close(resolve));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = new URL(req.url ?? "/", this.origin).pathname;
    try {
      if (route.startsWith(PACKAGE_PATH)) {
        const [key, ...rest] = route.slice(PACKAGE_PATH.length).split("/");
        const source = this.packages.get(key ?? "");
        if (!source) return send(res, 404, "no such package");
        return await servePackageFile((name) => source.read(name), rest.join("/"), res);
      }
      if (route.startsWith(RECORD_PATH) && req.method === "POST") {
        const log = this.records.get(route.slice(RECORD_PATH.length));
        if (!log) return send(res, 404, "no such session");
        log.add(JSON.parse(await readBody(req, MAX_RECORD_BYTES)) as Post);
        return void res.writeHead(204).end();
      }
      if (route.startsWith(CLIENT_PATH)) return await this.serveClient(route.slice(CLIENT_PATH.length), res);
      if (route === "/favicon.ico") return void res.writeHead(204).end();
      send(res, 404, "not found");
    } catch (error) {
      if (!res.headersSent)
        send(
          res,
          error instanceof HttpError ? error.status : 500,
          error instanceof Error ? error.message : String(error),
        );
      else res.end();
    }
  }

  private async serveClient(name: string, res: ServerResponse): Promise<void> {
    const body = /^[\w.-]+$/.test(name)
      ? await readFile(path.join(TESTER_CLIENT_DIR, name)).catch(() => undefined)
      : undefined;
    if (!body) return send(res, 404, `${name}: not found (is lib/tester compiled? run npm run compile)`);
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(name)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    res.end(body);
  }
}

export type { RecordLog };
