/** Ids and display helpers for the options of matching, sequencing and Likert questions. */
import { slugify, uniqueIds } from "../model/slug.js";

/** Option ids: a slug of each text, unique within the list (and `taken`). */
export function optionIds(texts: string[], taken: string[] = []): string[] {
  return uniqueIds([...taken, ...texts.map((t) => slugify(t, 24))]).slice(taken.length);
}

/** Strips tags from inline HTML, for contexts that allow only text (select options, aria labels). */
export function textOfHtml(html: string): string {
  return html.replace(/<[^>]*>/g, "").trim();
}

/**
 * A fixed permutation that never leaves the list in its original order (for n ≥ 2): sequencing
 * items must not be shown already solved. Deterministic so builds stay byte-identical.
 */
export function derangedOrder(n: number, seed: string): number[] {
  const order = [...Array(n).keys()];
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  for (let i = n - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
    const j = h % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  if (n > 1 && order.every((v, i) => v === i)) order.push(order.shift()!);
  return order;
}
