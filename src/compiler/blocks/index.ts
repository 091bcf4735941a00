/** The blocks: one registry of every block name and the module that builds, renders and describes it. */
import type { InteractiveBlockKind } from "../../shared/course-data.js";
import { didYouMean } from "../../shared/nearest.js";
import type { BlockSyntax } from "../markdown/env.js";
import { accordion } from "./accordion.js";
import { callout } from "./callout.js";
import { flipcards } from "./flipcards.js";
import { hotspots } from "./hotspots.js";
import { BLOCK_NAMES, type BlockKind, type BlockModel, type BlockName, type BuildContext } from "./kind.js";
import { media } from "./media.js";
import { quote } from "./quote.js";
import { reveal } from "./reveal.js";
import { scenario } from "./scenario.js";
import { steps } from "./steps.js";
import { tabs } from "./tabs.js";
import { timeline } from "./timeline.js";

export type { BlockModel, BlockName } from "./kind.js";

/** What a lesson's to-do list asks for each kind of required block. */
export const TO_DO: Record<InteractiveBlockKind, string> = {
  tabs: "todoTabs",
  accordion: "todoAccordion",
  flipcards: "todoFlipcards",
  steps: "todoSteps",
  reveal: "todoReveal",
  hotspots: "todoHotspots",
  video: "todoVideo",
  audio: "todoAudio",
  scenario: "todoScenario",
};

/** Every block name and its module; a Record, so a new name cannot be forgotten here. */
export const BLOCKS: Record<BlockName, BlockKind> = {
  note: callout,
  tip: callout,
  warning: callout,
  example: callout,
  takeaway: callout,
  accordion,
  tabs,
  flipcards,
  steps,
  reveal,
  hotspots,
  quote,
  timeline,
  video: media,
  audio: media,
  scenario,
} as Record<BlockName, BlockKind>;

export function isBlockName(name: string): name is BlockName {
  return (BLOCK_NAMES as readonly string[]).includes(name);
}

export function kindOfBlock(block: BlockModel): BlockKind {
  return BLOCKS[block.name];
}

/** Builds one block as written, or reports an unknown name (with the nearest known one). */
export function buildBlock(syntax: BlockSyntax, ctx: BuildContext): BlockModel | undefined {
  if (!isBlockName(syntax.name)) {
    ctx.diagnostics.error(
      syntax.at,
      `unknown block "${syntax.name}"${didYouMean(syntax.name, BLOCK_NAMES)}; the blocks are ${BLOCK_NAMES.filter((n) => n !== "scenario").join(", ")} (docs/blocks.md)`,
    );
    return undefined;
  }
  return BLOCKS[syntax.name].build(syntax, ctx);
}
