/** Course files decoded strictly as UTF-8 (compiler/load/utf8.ts), with one decoder for every file. */
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/compiler/load/utf8.js";

describe("decodeUtf8", () => {
  it("reads UTF-8 after a file that was not, and drops a byte-order mark", () => {
    const latin1 = Buffer.from("title: Br\xfccke\n", "latin1");
    expect(decodeUtf8(latin1)).toMatchObject({ ok: false, line: 1, col: 10 });
    expect(decodeUtf8(Buffer.from("\ufefftitle: Brücke\n"))).toEqual({ ok: true, text: "title: Brücke\n" });
    expect(decodeUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toMatchObject({ ok: false, line: 1, col: 2 });
    expect(decodeUtf8(Buffer.from("a€"))).toEqual({ ok: true, text: "a€" });
  });
});
