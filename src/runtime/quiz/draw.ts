/** Seeded randomness for question draws and shuffles, so tests can reproduce an attempt. */
import type { QuizData } from "../../shared/course-data.js";

/** mulberry32: tiny, fast and good enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Draws each bank's share; keeps authored order unless the quiz shuffles questions. */
export function drawQuestions(quiz: QuizData, random: () => number): string[] {
  const drawn = quiz.banks.flatMap((bank) => {
    if (bank.draw >= bank.questions.length) return bank.questions;
    const picked = new Set(shuffle(bank.questions, random).slice(0, bank.draw));
    return bank.questions.filter((id) => picked.has(id));
  });
  return quiz.shuffleQuestions ? shuffle(drawn, random) : drawn;
}

/** A fresh seed; `?cp-seed=N` in the page URL fixes it (for reproducible tests and demos). */
export function newSeed(): number {
  const fixed = /[?&]cp-seed=(\d+)/.exec(location.search);
  if (fixed) return Number(fixed[1]);
  return Math.floor(Math.random() * 2 ** 32);
}
