/**
 * The statistics of the learner report, as plain functions over numbers: quartiles, correlation,
 * the upper–lower 27 % discrimination index and test reliability (KR-20 / Cronbach's alpha).
 * Written here rather than taken from a library because each is a few lines and the report must
 * state exactly which convention it uses (docs/report.md): quantiles interpolate linearly between
 * order statistics (R's type 7, Excel's QUARTILE.INC) and variances are population variances
 * (divide by n), as in the KR-20 formula's Σpq.
 */

export interface Summary {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/** The p-quantile (0..1) of ascending `sorted` values, interpolating between order statistics. */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Five-number summary and mean; undefined for no values. */
export function summarize(values: ArrayLike<number>): Summary | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n: sorted.length,
    min: sorted[0]!,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
  };
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length ? sum / values.length : Number.NaN;
}

/** Population variance (divide by n). */
export function variance(values: ArrayLike<number>): number {
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i]! - m) ** 2;
  return values.length ? sum / values.length : Number.NaN;
}

/**
 * Pearson correlation of paired values; null when either side does not vary (e.g. everyone
 * answered correctly), since the correlation is then undefined rather than zero. With a 0/1 `x`
 * this is the point-biserial correlation.
 */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Upper–lower discrimination index (Kelley's 27 % groups): the item's mean score among the
 * learners with the highest totals minus its mean among those with the lowest. Each group holds
 * `fraction` of the learners (at least one). Learners tied on the total at a group's edge share
 * the remaining places equally, so the index never depends on the order ties happen to come in.
 * Null when there are fewer than two learners.
 */
export function upperLowerIndex(totals: ArrayLike<number>, item: ArrayLike<number>, fraction = 0.27): number | null {
  const n = totals.length;
  if (n < 2 || item.length !== n) return null;
  const size = Math.max(1, Math.round(n * fraction));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => totals[b]! - totals[a]!);
  const groupMean = (ranked: number[]): number => {
    let taken = 0;
    let sum = 0;
    let i = 0;
    while (taken < size - 1e-9) {
      const score = totals[ranked[i]!]!;
      let j = i;
      while (j < n && totals[ranked[j]!] === score) j++;
      const tied = j - i;
      const share = Math.min(1, (size - taken) / tied);
      for (let k = i; k < j; k++) sum += share * item[ranked[k]!]!;
      taken += share * tied;
      i = j;
    }
    return sum / size;
  };
  return groupMean(order) - groupMean([...order].reverse());
}

/**
 * Cronbach's alpha of a learners × items score matrix (rows complete): k/(k−1)·(1 − Σσ²ᵢ/σ²ₓ).
 * With items scored 0/1 this is KR-20, since each item's variance is then p·q. Null when there
 * are fewer than two items or two learners, or the totals do not vary.
 */
export function cronbachAlpha(rows: readonly ArrayLike<number>[]): number | null {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (n < 2 || k < 2) return null;
  let itemVariances = 0;
  const column = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) column[i] = rows[i]![j]!;
    itemVariances += variance(column);
  }
  const totals = rows.map((row) => {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += row[j]!;
    return sum;
  });
  const totalVariance = variance(totals);
  if (totalVariance < 1e-12) return null;
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}

export interface Bin {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge, except the last bin, which includes it. */
  to: number;
  count: number;
}

/** Counts of values in equal bins from `min` to `max` (the top edge falls in the last bin). */
export function histogram(values: ArrayLike<number>, min: number, max: number, bins: number): Bin[] {
  const width = (max - min) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({
    from: min + i * width,
    to: min + (i + 1) * width,
    count: 0,
  }));
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= min && v <= max)) continue;
    out[Math.min(bins - 1, Math.floor((v - min) / width))]!.count++;
  }
  return out;
}
