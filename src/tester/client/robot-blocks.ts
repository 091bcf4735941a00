/**
 * How the robot finishes the interactive blocks a lesson requires (tabs, panels, cards, steps,
 * markers, media, scenarios) before the lesson counts as done: by pressing what a learner presses,
 * then waiting for the lesson's to-do list to mark the block done. A required block the robot cannot
 * finish is a failure that names the block.
 */
import type { BlockData, MediaBlockData } from "../../shared/course-data.js";
import { bestScenarioPath } from "../../shared/scenario-path.js";
import { press, pressElement, RobotError, until } from "./robot-dom.js";

export async function finishBlock(doc: Document, block: BlockData): Promise<void> {
  const requirement = `[data-requirement="${CSS.escape(block.id)}"]`;
  // Done in an earlier session (restored) or on an earlier visit: nothing left to press.
  if (doc.querySelector(`${requirement}.is-done`)) return;
  const root = doc.querySelector<HTMLElement>(`[data-block="${CSS.escape(block.id)}"]`);
  if (!root) throw new RobotError(`the required block "${block.title}" (${block.id}) is not on the page`);
  const all = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
  switch (block.kind) {
    case "tabs":
      for (const tab of all('[role="tab"]')) pressElement(tab, `a tab of "${block.title}"`);
      break;
    case "accordion":
    case "reveal":
      for (const button of all("button[aria-expanded][data-item]"))
        if (button.getAttribute("aria-expanded") !== "true") pressElement(button, `a panel of "${block.title}"`);
      break;
    case "flipcards":
      for (const card of all(".flipcard")) {
        press(".flipcard-front [data-flip]", card);
        await until(() => card.classList.contains("is-flipped"), `card ${block.title} to turn over`);
        press(".flipcard-back [data-flip]", card);
      }
      break;
    case "steps":
      for (let i = 1; i < block.items; i++) press('[data-step="1"]', root);
      break;
    case "hotspots":
      for (const marker of all(".hotspot")) pressElement(marker, `a marker of "${block.title}"`);
      break;
    case "video":
    case "audio":
      // Hosted elsewhere (YouTube, Vimeo): never required, never tracked.
      if (!block.external) await play(root, block);
      break;
    case "scenario":
      for (const choice of bestScenarioPath(block)) press(`[data-node]:not([hidden]) [data-choice="${choice}"]`, root);
      break;
  }
  await until(
    () => doc.querySelector(`${requirement}.is-done`),
    `the lesson to count "${block.title}" (${block.kind}) as done`,
  );
}

/**
 * Plays a media block muted, at normal speed, to its end. Faster playback was tried: the runtime
 * counts the segments it sees play, and a loaded machine's sparse timeupdate events at 4× left
 * gaps, so the required share was not reached.
 */
async function play(root: HTMLElement, block: MediaBlockData): Promise<void> {
  const media = root.querySelector<HTMLMediaElement>("[data-media]");
  if (!media) throw new RobotError(`the ${block.kind} "${block.title}" has no player`);
  media.muted = true;
  if (media.currentTime > 0) media.currentTime = 0;
  await media.play();
  const seconds = Number.isFinite(media.duration) ? media.duration : 600;
  await until(() => media.ended, `the ${block.kind} "${block.title}" to play to its end`, seconds * 1500 + 30_000);
}
