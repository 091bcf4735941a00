/**
 * The report's statistics against values worked out by hand (the arithmetic is in the comments):
 * quartiles with ties and one value, correlation, the upper–lower index with ties at the group
 * edge, KR-20, and the cases where a statistic is undefined.
 */
import { describe, expect, it } from "vitest";
import { correlation, cronbachAlpha, histogram, quantile, summarize, upperLowerIndex } from "../../src/report/stats.js";

describe("quartiles (linear interpolation, R type 7)", () => {
  it("interpolates between order statistics", () => {
    // h = (n−1)p: Q1 at 0.75 → 1 + 0.75·1; median at 1.5 → 2.5; Q3 at 2.25 → 3.25.
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, mean: 2.5 });
  });

  it("handles ties and a single value", () => {
    // [5,5,5,10]: Q3 at h = 2.25 → 5 + 0.25·5.
    expect(summarize([5, 10, 5, 5])).toMatchObject({ q1: 5, median: 5, q3: 6.25, mean: 6.25 });
    expect(summarize([7])).toEqual({ n: 1, min: 7, q1: 7, median: 7, q3: 7, max: 7, mean: 7 });
    expect(summarize([])).toBeUndefined();
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe("correlation (point-biserial with a 0/1 item)", () => {
  it("matches the hand computation", () => {
    // x̄ = 0.5, ȳ = 2.5; Σdxdy = 2, Σdx² = 1, Σdy² = 5 → r = 2/√5.
    expect(correlation([1, 0, 1, 0], [4, 2, 3, 1])).toBeCloseTo(2 / Math.sqrt(5), 12);
  });

  it("is undefined, not zero, when a side does not vary or there is one pair", () => {
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(correlation([1, 0, 1], [2, 2, 2])).toBeNull();
    expect(correlation([1], [3])).toBeNull();
  });
});

describe("upper–lower 27 % index", () => {
  it("compares the top and bottom groups", () => {
    // n = 10 → groups of round(2.7) = 3; top 3 answered 1,1,0 (2/3), bottom 3 answered 0,1,0 (1/3).
    const totals = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const item = [1, 1, 0, 1, 0, 1, 0, 0, 1, 0];
    expect(upperLowerIndex(totals, item)).toBeCloseTo(1 / 3, 12);
  });

  it("shares the places at a tied edge equally, whatever the order", () => {
    // n = 5 → groups of 1. Top: two learners tied at 3 share the place: ½·1 + ½·0 = ½.
    // Bottom: three tied at 1 share it: ⅓·(1 + 0 + 0) = ⅓. D = ½ − ⅓ = ⅙.
    expect(upperLowerIndex([3, 3, 1, 1, 1], [1, 0, 1, 0, 0])).toBeCloseTo(1 / 6, 12);
    expect(upperLowerIndex([1, 1, 3, 1, 3], [0, 0, 0, 1, 1])).toBeCloseTo(1 / 6, 12);
  });

  it("is undefined for one learner", () => {
    expect(upperLowerIndex([3], [1])).toBeNull();
  });
});

describe("reliability", () => {
  it("KR-20 of a 0/1 matrix", () => {
    // p = (.75, .5, .25), Σpq = .625; totals 3,2,1,0 → σ² = 1.25; KR-20 = 3/2·(1 − .625/1.25) = .75.
    const rows = [
      [1, 1, 1],
      [1, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ];
    expect(cronbachAlpha(rows)).toBeCloseTo(0.75, 12);
  });

  it("Cronbach's alpha with partial credit", () => {
    // Learners (1, .5, 0), (1, .5, .5), (1, 0, 0). Item 1 (1,1,1): 0. Item 2 (.5,.5,0): mean ⅓, σ² = 1/18. Item 3 (0,.5,0): mean ⅙, σ² = 1/18.
    // Totals (1.5, 2, 1): mean 1.5, σ² = 1/6. α = 3/2·(1 − (1/9)/(1/6)) = 3/2·⅓ = .5.
    expect(
      cronbachAlpha([
        [1, 0.5, 0],
        [1, 0.5, 0.5],
        [1, 0, 0],
      ]),
    ).toBeCloseTo(0.5, 12);
  });

  it("is undefined for one learner, one item, or totals that do not vary (everyone right)", () => {
    expect(cronbachAlpha([[1, 0, 1]])).toBeNull();
    expect(cronbachAlpha([[1], [0]])).toBeNull();
    expect(
      cronbachAlpha([
        [1, 1],
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
  });
});

describe("histogram", () => {
  it("counts values in equal bins, the top edge in the last", () => {
    const bins = histogram([0, 10, 55, 100, 100, 9.99], 0, 100, 10);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(bins[0]).toEqual({ from: 0, to: 10, count: 2 });
  });
});
