/**
 * validator/package/text.ts: the package checks decode a file's bytes once per Buffer, however
 * many checks of however many packages read them.
 */
import { describe, expect, it, vi } from "vitest";
import { textOf } from "../../src/validator/package/text.js";

describe("the text of a package's file", () => {
  it("is decoded once per Buffer", () => {
    const page = ["<p>Ünïcödé · ", "x".repeat(1000), " 🙂</p>"].join("");
    const bytes = Buffer.from(page);
    const decode = vi.spyOn(bytes, "toString");
    expect(textOf(bytes)).toBe(page);
    expect(textOf(bytes)).toBe(page);
    expect(decode).toHaveBeenCalledTimes(1);
    const other = Buffer.from(page);
    expect(textOf(other)).toBe(page);
  });
});
