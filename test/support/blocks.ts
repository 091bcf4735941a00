/**
 * A simulated learner for interactive blocks: opens every tab, panel, card, step and marker, plays
 * media and runs scenarios to an ending, by clicking (or, where a test asks, by keyboard), so lessons
 * that require their blocks count as done.
 */
import type { Frame, Page } from "playwright-core";
import type { BlockData, CourseData, ScenarioData } from "../../src/shared/course-data.js";
import { bestScenarioPath } from "../../src/shared/scenario-path.js";
import { courseDataOf } from "./learner.js";

const root = (page: Page | Frame, id: string) => page.locator(`[data-block="${id}"]`);

/** Completes one block the way a learner would. */
export async function completeBlock(page: Page | Frame, block: BlockData): Promise<void> {
  const el = root(page, block.id);
  switch (block.kind) {
    case "tabs":
      for (const tab of await el.locator('[role="tab"]').all()) await tab.click();
      return;
    case "accordion":
    case "reveal":
      for (const button of await el.locator("button[aria-expanded][data-item]").all())
        if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
      return;
    case "flipcards":
      for (const card of await el.locator(".flipcard").all()) {
        await card.locator(".flipcard-front [data-flip]").click();
        await card.locator(".flipcard-back [data-flip]").click();
      }
      return;
    case "steps":
      for (let i = 1; i < block.items; i++) await el.locator('[data-step="1"]').click();
      return;
    case "hotspots":
      for (const marker of await el.locator(".hotspot").all()) await marker.click();
      return;
    case "video":
    case "audio":
      if (!block.external) await playMedia(page, block.id);
      return;
    case "scenario":
      return runScenario(page, block, bestScenarioPath(block));
  }
}

/** Plays a local media block fast and muted until it ends. */
export async function playMedia(page: Page | Frame, id: string): Promise<void> {
  const player = root(page, id).locator("[data-media]");
  await player.evaluate(async (el: HTMLMediaElement) => {
    el.muted = true;
    el.playbackRate = 2;
    if (el.currentTime > 0) el.currentTime = 0;
    await el.play();
    await new Promise((resolve) => el.addEventListener("ended", resolve, { once: true }));
  });
}

/** Makes the choices `path` (indexes into each node's choices) from where the scenario stands. */
export async function runScenario(page: Page | Frame, block: ScenarioData, path: number[]): Promise<void> {
  const el = root(page, block.id);
  for (const choice of path) await el.locator(`[data-node]:not([hidden]) [data-choice="${choice}"]`).click();
}

/** Completes every interactive block on a page. */
export async function completeBlocks(page: Page | Frame, pageId: string, course?: CourseData): Promise<void> {
  const data = course ?? (await courseDataOf(page));
  for (const id of data.pages.find((p) => p.id === pageId)?.blocks ?? []) await completeBlock(page, data.blocks[id]!);
}
