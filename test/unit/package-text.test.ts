/**
 * validator/package/text.ts: the package checks decode a page's bytes once, and not at all when
 * the build encoded them from the rendered page (encodeText), unless decoding would give back
 * other text than the page (a lone surrogate becomes U+FFFD).
 */
import { describe, expect, it, vi } from "vitest";
import { encodeText, textOf } from "../../src/validator/package/text.js";

describe("the text of a package's file", () => {
  it("is the page the build encoded, not a second copy decoded from its bytes", () => {
    const page = ["<p>Ünïcödé · ", "x".repeat(1000), " 🙂</p>"].join("");
    const bytes = encodeText(page);
    expect(bytes.equals(Buffer.from(page))).toBe(true);
    const decode = vi.spyOn(bytes, "toString");
    expect(textOf(bytes)).toBe(page);
    expect(decode).not.toHaveBeenCalled();
    const other = Buffer.from(page);
    const decodeOther = vi.spyOn(other, "toString");
    expect(textOf(other)).toBe(page);
    expect(textOf(other)).toBe(page);
    expect(decodeOther).toHaveBeenCalledTimes(1);
  });

  it("is decoded from the bytes when the page has a lone surrogate", () => {
    const page = "<p>half a pair: \ud83d</p>";
    const bytes = encodeText(page);
    expect(textOf(bytes)).toBe("<p>half a pair: \ufffd</p>");
  });
});
