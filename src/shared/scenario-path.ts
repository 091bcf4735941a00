/**
 * The choices that take a branching scenario from its start to its best ending: what `coursepack
 * test`'s robot and the browser tests choose when a lesson requires its scenario to be finished.
 */
import type { ScenarioData } from "./course-data.js";

/** Choice indexes from the start to the ending with the highest score (the shortest among equals). */
export function bestScenarioPath(block: ScenarioData): number[] {
  let best: { path: number[]; score: number } | undefined;
  const walk = (at: number, path: number[], seen: Set<number>) => {
    const node = block.nodes[at]!;
    if (node.ending) {
      const score = node.ending.score ?? 0;
      if (!best || score > best.score || (score === best.score && path.length < best.path.length))
        best = { path, score };
      return;
    }
    node.choices.forEach((c, i) => {
      if (!seen.has(c.to)) walk(c.to, [...path, i], new Set([...seen, c.to]));
    });
  };
  walk(0, [], new Set([0]));
  return best?.path ?? [];
}
