/**
 * Local video and audio: which parts of the timeline the learner played, kept as MEDIA_SEGMENTS
 * segments (a segment counts once three quarters of it were played, so skipping ahead never counts),
 * saved with the learner state, shown as "n % played" beside a required one, and reported as xAPI
 * video-profile events (played, paused, seeked, completed) by the trackers that report them.
 */
import { MEDIA_SEGMENTS, type MediaBlockData } from "../../shared/course-data.js";
import { bitCount, blockDone, seenBits } from "../player/completion.js";
import { $ } from "../player/dom.js";
import type { MediaVerb } from "../tracking/tracker.js";
import { type Binder, blockState, setBlockState } from "./host.js";

/** A played stretch is at most this long between two timeupdate events; longer means a seek. */
const MAX_STEP_S = 1.5;

export const media: Binder<MediaBlockData> = (el, block, host) => {
  const player = $("[data-media]", el) as HTMLMediaElement | null;
  const progress = $("[data-media-progress]", el);
  /** Stretches played in this session, [from, to] in seconds. */
  const played: [number, number][] = [];
  const session = Math.random().toString(36).slice(2);
  let last = 0;
  let started = false;

  const bits = () => seenBits(blockState(host, block.id));
  const showProgress = () => {
    if (!progress || !player) return;
    const percent = Math.round((bitCount(bits()) / MEDIA_SEGMENTS) * 100);
    if (blockDone(block, blockState(host, block.id)) || percent > 0)
      progress.textContent = host.t("mediaPlayed", { n: percent });
  };
  const report = (verb: MediaVerb, extra: { from?: number } = {}) =>
    player &&
    host.report({
      kind: "media",
      media: block,
      verb,
      time: player.currentTime,
      length: player.duration || 0,
      progress: bitCount(bits()) / MEDIA_SEGMENTS,
      segments: played,
      session,
      ...extra,
    });
  const record = (from: number, to: number) => {
    const duration = player?.duration;
    if (!duration || !Number.isFinite(duration) || to <= from) return;
    const stretch = played.find(([a, b]) => from <= b + 0.01 && to >= a - 0.01);
    if (stretch) [stretch[0], stretch[1]] = [Math.min(stretch[0], from), Math.max(stretch[1], to)];
    else played.push([from, to]);
    const size = duration / MEDIA_SEGMENTS;
    let next = bits();
    for (let i = 0; i < MEDIA_SEGMENTS; i++) {
      const [start, end] = [i * size, (i + 1) * size];
      const covered = played.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, end) - Math.max(a, start)), 0);
      if (covered >= size * 0.75) next = (next | (1 << i)) >>> 0;
    }
    if (next === bits()) return;
    const wasDone = blockDone(block, blockState(host, block.id));
    setBlockState(host, block.id, { kind: "seen", seen: next });
    showProgress();
    if (!wasDone && blockDone(block, blockState(host, block.id))) report("completed");
  };

  player?.addEventListener("play", () => {
    if (!started) report("initialized");
    started = true;
    last = player.currentTime;
    report("played");
  });
  player?.addEventListener("timeupdate", () => {
    const now = player.currentTime;
    if (!player.seeking && now - last > 0 && now - last <= MAX_STEP_S) record(last, now);
    last = now;
  });
  player?.addEventListener("pause", () => {
    if (!player.ended) report("paused");
  });
  player?.addEventListener("ended", () => record(last, player.duration));
  player?.addEventListener("seeking", () => {
    // A seek before the first play (say, a resume position) is no learner event.
    if (started) report("seeked", { from: last });
    last = player.currentTime;
  });
  return { render: showProgress };
};
