/**
 * Branching scenarios: one node at a time; a choice is reported like an answered question (a SCORM
 * interaction, an xAPI "answered" statement) whose description is what was said, then leads to its
 * node. Reaching an ending ends the run (its score kept when it beats earlier runs); "Start again"
 * begins a new run, reported as a new attempt. Where the learner stands is saved and resumed.
 */
import type { ScenarioData } from "../../shared/course-data.js";
import type { BlockState } from "../../shared/learner.js";
import { $, $$, focus } from "../player/dom.js";
import { type Binder, blockState, setBlockState } from "./host.js";

type ScenarioState = Extract<BlockState, { kind: "scenario" }>;

export const scenario: Binder<ScenarioData> = (el, block, host) => {
  const nodes = $$("[data-node]", el);
  const restart = $("[data-scenario-restart]", el);
  const live = $("[data-scenario-live]", el);
  const current = (): ScenarioState => {
    const saved = blockState(host, block.id);
    return saved?.kind === "scenario" && block.nodes[saved.at]
      ? saved
      : { kind: "scenario", at: 0, run: 1, ended: false };
  };
  let shownAt = Date.now();
  const show = (moveFocus: boolean) => {
    const { at } = current();
    nodes.forEach((node, i) => {
      node.hidden = i !== at;
    });
    if (restart) restart.hidden = at === 0;
    shownAt = Date.now();
    if (moveFocus) focus($("[data-node-text]", nodes[at]));
  };

  el.addEventListener("click", (event) => {
    const target = event.target as HTMLElement;
    const state = current();
    if (target.closest("[data-scenario-restart]")) {
      setBlockState(host, block.id, { ...state, at: 0, run: state.run + 1 });
      if (live) live.textContent = "";
      return show(true);
    }
    const button = target.closest<HTMLElement>("[data-choice]");
    const node = block.nodes[state.at];
    const choice = button && node?.choices[Number(button.dataset.choice)];
    if (!node || !choice) return;
    host.answered({
      questionId: `${block.id}-${node.id}`,
      quizId: block.id,
      within: "scenario",
      attempt: state.run,
      type: "single",
      text: node.speaker ? `${node.speaker}: ${node.text}` : node.text,
      response: { kind: "choices", ids: [choice.id] },
      result: "neutral",
      score: 0,
      weight: 0,
      latencyMs: Date.now() - shownAt,
      timestamp: new Date(),
      options: node.choices.map((c) => ({ id: c.id, text: c.text })),
    });
    const next = block.nodes[choice.to];
    const score = next?.ending?.score;
    const best = score === undefined ? state.best : Math.max(score, state.best ?? 0);
    setBlockState(host, block.id, {
      ...state,
      at: choice.to,
      ended: state.ended || next?.ending !== undefined,
      ...(best === undefined ? {} : { best }),
    });
    if (next?.ending)
      host.report({ kind: "scenario-ended", scenario: block, run: state.run, ending: choice.to, score });
    if (live) live.textContent = host.t("scenarioChosen", { choice: choice.text });
    show(true);
  });
  return { render: () => show(false) };
};
