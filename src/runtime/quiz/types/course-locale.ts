/**
 * The course's language as the page declares it (`<html lang>`): typed answers are read by its
 * rules, never by the learner's browser's, so the same answer scores the same for every learner.
 */
export function courseLocale(): string | undefined {
  return (typeof document === "undefined" ? "" : document.documentElement.lang) || undefined;
}
