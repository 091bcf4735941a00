/**
 * Raw HTTP requests to a local server, for what `fetch` cannot send: any Host header (DNS
 * rebinding), and bodies streamed in chunks without Content-Length, as a client uploading would.
 */
import { request } from "node:http";

export interface Answer {
  status: number;
  body: string;
  /** Set when the server closed the connection before the whole upload was sent (EPIPE, ECONNRESET). */
  cut?: string;
}

export interface RawRequest {
  /** Host header; default `127.0.0.1:<port>`. */
  host?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body in 1 MB chunks without Content-Length. */
  chunked?: boolean;
}

export function send(port: number, method: string, pathname: string, options: RawRequest = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let cut: string | undefined;
    let answer: Answer | undefined;
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: pathname,
        headers: { Host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
        // One connection per request, closed after it, so that "close" below comes when both the
        // upload and the answer are done.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          answer = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") };
        });
      },
    );
    // A server that closes before the whole upload is sent may still have answered: the answer
    // carries `cut`. One that closed without answering fails the request instead of leaving it hanging.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
      cut = error.code;
    });
    req.on("close", () => {
      if (!answer) reject(new Error(`the server closed the connection without an answer (${cut ?? "closed"})`));
      else resolve(cut ? { ...answer, cut } : answer);
    });
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    if (body && options.chunked) {
      const piece = 1024 * 1024;
      for (let i = 0; i < body.length; i += piece) req.write(body.subarray(i, i + piece));
    } else if (body) {
      req.setHeader("Content-Length", body.length);
      req.write(body);
    }
    req.end();
  });
}
