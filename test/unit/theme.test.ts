import { describe, expect, it } from "vitest";
import { contrastWithWhite } from "../../src/compiler/check/rules/theme.js";

describe("theme colour contrast", () => {
  it("computes WCAG contrast against white", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 1);
    expect(contrastWithWhite("#fff")).toBeCloseTo(1, 5);
    expect(contrastWithWhite("#0b5cad")).toBeGreaterThan(4.5);
    expect(contrastWithWhite("#ffcc00")).toBeLessThan(4.5);
  });
});
