/** Small HTTP helpers shared by the preview server and the local LMS/LRS. */
import type { IncomingMessage, ServerResponse } from "node:http";

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** A request's body as a JSON object (an empty body is an empty object); undefined when it is not one. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse((await readBody(req)) || "{}");
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end(text);
}

/**
 * A failure of the preview itself: the terminal running it gets the message (and the stack with
 * COURSEPACK_DEBUG), the browser only a generic 500, which must not reveal file paths of the machine.
 */
export function sendServerError(res: ServerResponse, what: string, error: unknown): void {
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
