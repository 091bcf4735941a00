/** Small HTTP helpers shared by the preview server and the local LMS/LRS. */
import type { IncomingMessage, ServerResponse } from "node:http";

/** A request the server refuses, with the status and the short reason it answers. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The request body as text, refused with 413 past `maxBytes`: when its Content-Length says so, or
 * as soon as it grows past the limit. What comes past the limit is read and dropped, and the 413
 * is sent once the client has sent it all: answered at once, Node closed the connection while the
 * client was still sending, its writes failed, and now and then the answer was lost with the
 * connection (one 400 MB upload in eight). Without a cap, a 400 MB POST took 1.3 GB of memory and
 * one over 512 MB crashed the process. A body that never ends is cut off by Node's request timeout.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = Number(req.headers["content-length"]) > maxBytes;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= maxBytes) return void chunks.push(c);
      req.off("data", onData);
      chunks.length = 0;
      refused = true;
      req.resume();
    };
    if (refused) req.resume();
    else req.on("data", onData);
    req.on("end", () =>
      refused
        ? reject(new HttpError(413, `the request body is larger than ${maxBytes.toLocaleString("en")} bytes`))
        : resolve(Buffer.concat(chunks).toString("utf8")),
    );
    req.on("error", reject);
  });
}

/**
 * The Host header values a server on 127.0.0.1:`port` answers to. A page on another site can make
 * the browser send it requests by pointing its own name at 127.0.0.1 (DNS rebinding); the browser
 * then treats the answers as the page's own and lets it read the course, the learner record and
 * the statements. Those requests carry the other site's name as Host, so they are refused.
 */
export function loopbackHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** A JSON body, or 400 with the parser's short reason. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `${what} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * A request's body as a JSON object (an empty body is an empty object); 400 with the reason when it
 * is not one, 413 past `maxBytes`.
 */
export async function readJsonObject(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const value = parseJson((await readBody(req, maxBytes)) || "{}", "the request body");
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new HttpError(400, "the request body must be a JSON object");
  return value as Record<string, unknown>;
}

export function send(res: ServerResponse, status: number, text: string): void {
  res
    .writeHead(status, {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    })
    .end(text);
}

/**
 * Answers a request that failed. An HttpError is a refusal: its status and short reason. Anything
 * else is a failure of the preview itself: the terminal running it gets the message (and the stack
 * with COURSEPACK_DEBUG), the browser only a generic 500, which must not reveal file paths of the
 * machine. `what` names the request (`POST /xapi/statements`).
 */
export function sendServerError(res: ServerResponse, what: string, error: unknown): void {
  if (error instanceof HttpError) {
    if (res.headersSent) return void res.end();
    return send(res, error.status, error.message);
  }
  console.error(`coursepack preview: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.COURSEPACK_DEBUG && error instanceof Error) console.error(error.stack);
  if (res.headersSent) return void res.end();
  send(res, 500, `The preview failed on this request (${what}); the terminal running coursepack preview says why.`);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify(value));
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  htm: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json",
  xml: "application/xml",
  xsd: "application/xml",
  dtd: "application/xml-dtd",
  txt: "text/plain; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  ico: "image/x-icon",
  mp3: "audio/mpeg",
  mp4: "video/mp4",
  webm: "video/webm",
  vtt: "text/vtt",
  pdf: "application/pdf",
  woff: "font/woff",
  woff2: "font/woff2",
  swf: "application/x-shockwave-flash",
};

export function contentType(name: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  return TYPES[ext] ?? "application/octet-stream";
}

/** Answers with one file of a package, by its path in the package (URL-decoded, or as written). */
export async function servePackageFile(
  read: (name: string) => Promise<Buffer | undefined>,
  name: string,
  res: ServerResponse,
): Promise<void> {
  const file = safeDecode(name);
  const body = (await read(file)) ?? (file === name ? undefined : await read(name));
  if (!body) return send(res, 404, `${file} is not in the package`);
  res
    .writeHead(200, { "Content-Type": contentType(file), "Content-Length": body.length, "Cache-Control": "no-store" })
    .end(body);
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
