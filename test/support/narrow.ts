/**
 * The narrow-screen check (issue 12: a put-in-order question was 340 px wide at 320): every page,
 * quiz screen and question of a package shown at once, and whatever reaches past the window's
 * right edge listed by question.
 */
import { expect } from "vitest";
import type { Scope } from "./engines.js";

export interface Overflow {
  scrollWidth: number;
  /** "question-id (type): right edge in px" for each question wider than the window. */
  wide: string[];
}

/** Runs in the page (self-contained: it is serialised into the browser). */
export function sidewaysOverflow(): Overflow {
  for (const el of document.querySelectorAll<HTMLElement>("section.page, [data-quiz-screen], [data-question]"))
    el.hidden = false;
  const data = JSON.parse(document.getElementById("course-data")!.textContent!) as {
    questions: Record<string, { type: string }>;
  };
  const wide: string[] = [];
  for (const q of document.querySelectorAll<HTMLElement>("[data-question]")) {
    const right = Math.max(...[q, ...q.querySelectorAll("*")].map((e) => e.getBoundingClientRect().right));
    if (right > window.innerWidth + 0.5)
      wide.push(`${q.dataset.question} (${data.questions[q.dataset.question!]?.type}): ${Math.round(right)}`);
  }
  return { scrollWidth: document.documentElement.scrollWidth, wide };
}

export async function expectNoSidewaysScroll(doc: Scope, width: number): Promise<void> {
  await doc.waitFor(() => document.documentElement.classList.contains("cp-ready"), undefined);
  expect(await doc.evaluate(() => window.innerWidth, undefined)).toBe(width);
  const overflow = await doc.evaluate(sidewaysOverflow, undefined);
  expect(overflow.wide).toEqual([]);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(width);
}
