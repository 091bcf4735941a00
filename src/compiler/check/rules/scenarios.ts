/**
 * A scenario's graph must let every learner finish: each choice leads to a node that exists, every
 * node can be reached from the start, every node either offers choices or is an ending (not both),
 * and from every node some ending can still be reached (no cycle without a way out).
 */
import type { ScenarioModel, ScenarioNode } from "../../blocks/scenario.js";
import type { Diagnostics } from "../../diagnostics.js";
import { youMeant } from "../../../shared/nearest.js";
import type { Rule } from "../rule.js";

export const scenarios: Rule = {
  name: "scenarios",
  run({ model, diagnostics }) {
    for (const page of model.pages) {
      if (page.kind !== "lesson") continue;
      for (const block of page.blocks) if (block?.name === "scenario") checkGraph(block as ScenarioModel, diagnostics);
    }
  },
};

function checkGraph(scenario: ScenarioModel, diagnostics: Diagnostics): void {
  const { source, nodes } = scenario;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const at = (node: ScenarioNode) => source.keyPosition(["nodes"], node.id);
  const next = new Map<string, string[]>();
  for (const node of nodes) {
    const targets: string[] = [];
    for (const [i, choice] of node.choices.entries()) {
      if (byId.has(choice.to)) targets.push(choice.to);
      else
        diagnostics.error(
          source.position(["nodes", node.id, "choices", i, "to"]),
          `choice leads to "${choice.to}", which is no node of this scenario${suggest(choice.to, [...byId.keys()])}`,
        );
    }
    next.set(node.id, targets);
    if (node.ending && node.choices.length)
      diagnostics.error(at(node), `node "${node.id}" is an ending but also offers choices: keep one of the two`);
    else if (!node.ending && !node.choices.length)
      diagnostics.error(
        at(node),
        `node "${node.id}" is a dead end: give it choices, or mark it as an ending with "ending: true"`,
      );
  }
  const reachable = walk([nodes[0]!.id], (id) => next.get(id) ?? []);
  for (const node of nodes)
    if (!reachable.has(node.id))
      diagnostics.error(at(node), `node "${node.id}" cannot be reached: no choice leads to it from the start`);
  // Nodes from which an ending can be reached: walk the choices backwards from every ending.
  const previous = new Map<string, string[]>();
  for (const [from, targets] of next) for (const to of targets) previous.set(to, [...(previous.get(to) ?? []), from]);
  const canFinish = walk(
    nodes.filter((n) => n.ending).map((n) => n.id),
    (id) => previous.get(id) ?? [],
  );
  for (const node of nodes) {
    if (!reachable.has(node.id) || canFinish.has(node.id) || !node.choices.length) continue;
    diagnostics.error(
      at(node),
      `from node "${node.id}" no ending can be reached: every path from it loops or stops; let one of its choices lead towards an ending`,
    );
  }
}

function walk(from: string[], step: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const n of step(id)) if (!seen.has(n)) queue.push(n) && seen.add(n);
  }
  return seen;
}

function suggest(name: string, ids: string[]): string {
  const close = ids.find((id) => id.toLowerCase() === name.toLowerCase() || id.startsWith(name) || name.startsWith(id));
  return youMeant(close);
}
