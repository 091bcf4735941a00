/**
 * A number as a language writes it ("2,5" in German), without grouping: quiz answers are often
 * years, and "1,822" is not how anyone writes one. Every digit is kept, so what the test robot
 * types this way reads back as the same number (runtime/quiz/types/numeric.ts, parseNumber).
 */
export function formatNumber(n: number, language: string | undefined): string {
  return n.toLocaleString(language, { useGrouping: false, maximumFractionDigits: 20 });
}
