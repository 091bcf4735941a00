/** The preview server's failure answers: what the browser gets must not reveal the machine's paths. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readJsonObject, sendServerError } from "../../src/preview/server/http.js";

const SECRET = "/home/jane/.npm/_npx/1234/node_modules/coursepack/lib/preview.js";

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; close: () => void }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => server.close(),
  };
}

afterEach(() => vi.restoreAllMocks());

describe("preview server errors", () => {
  it("answers 500 with a generic text and tells the terminal what failed", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void logged.push(line));
    const server = await serve((_req, res) =>
      sendServerError(res, "POST /xapi/statements", new Error(`Cannot find module './x' from ${SECRET}`)),
    );
    try {
      const response = await fetch(server.url);
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(body).toContain("POST /xapi/statements");
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain("Cannot find module");
      expect(logged.join("\n")).toContain(SECRET);
    } finally {
      server.close();
    }
  });

  it("reads a JSON object body, and refuses anything else with 400 and the reason, or 413 past the cap", async () => {
    const server = await serve(async (req, res) => {
      try {
        res.end(JSON.stringify(await readJsonObject(req, 64)));
      } catch (error) {
        sendServerError(res, "POST /", error);
      }
    });
    try {
      const post = async (body: string) => {
        const response = await fetch(server.url, { method: "POST", body });
        return [response.status, await response.text()];
      };
      expect(await post("")).toEqual([200, "{}"]);
      expect(await post('{"mode":"browse"}')).toEqual([200, '{"mode":"browse"}']);
      expect(await post("[1]")).toEqual([400, "the request body must be a JSON object"]);
      expect(await post("{not json")).toEqual([400, expect.stringMatching(/^the request body is not JSON: /)]);
      expect(await post(`{"x":"${"a".repeat(64)}"}`)).toEqual([413, "the request body is larger than 64 bytes"]);
    } finally {
      server.close();
    }
  });
});
