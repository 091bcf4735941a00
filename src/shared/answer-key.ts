/**
 * What makes a saved answer still meaningful after the course was edited: each question's answer
 * key in a canonical form, a short fingerprint of it that saved state carries beside every answer,
 * and whether a response still fits the question (its choice, item or pair ids exist). The runtime
 * drops answers whose key changed; `coursepack diff` reports the same changes before upload.
 */
import type { QuestionData } from "./course-data.js";
import type { Response } from "./learner.js";

/** FNV-1a, 32 bits: tiny, fast and stable across runtimes; not for security. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * The question's answer key, canonical: what decides whether a response is right, in an order that
 * ignores how the options are laid out. Wording, feedback, weight and partial credit are not part of
 * it: an answer stays valid when they change (only its score may).
 */
export function answerKey(q: QuestionData): string {
  switch (q.type) {
    case "single":
    case "multiple":
      return JSON.stringify(["choice", byId(q.choices).map((c) => [c.id, c.correct])]);
    case "true-false":
      return JSON.stringify([q.type, q.answer]);
    case "fill-in":
      return JSON.stringify([q.type, [...q.answers].sort(), q.caseSensitive]);
    case "numeric":
      return JSON.stringify([q.type, q.min, q.max]);
    case "matching":
      return JSON.stringify([
        q.type,
        [...q.pairs].sort((a, b) => (a.source < b.source ? -1 : 1)).map((p) => [p.source, p.target]),
        byId(q.distractors).map((d) => d.id),
      ]);
    case "sequencing":
      return JSON.stringify([q.type, q.items.map((i) => i.id)]);
    case "likert":
      return JSON.stringify([q.type, q.scale.map((s) => s.id)]);
  }
}

/** Four base-36 characters of the key's hash: enough to notice a changed key, cheap in suspend_data. */
export function keyFingerprint(q: QuestionData): string {
  return fnv1a(answerKey(q)).toString(36).padStart(4, "0").slice(-4);
}

/** Ids a shuffled order of this question's options may hold (the `data-option` ids the quiz shuffles). */
export function optionIds(q: QuestionData): string[] {
  switch (q.type) {
    case "single":
    case "multiple":
      return q.choices.map((c) => c.id);
    case "likert":
      return q.scale.map((s) => s.id);
    case "matching":
      return q.pairs.map((p) => p.source);
    case "sequencing":
      return q.items.map((i) => i.id);
    case "true-false":
    case "fill-in":
    case "numeric":
      return [];
  }
}

const subset = (ids: readonly string[], known: readonly string[]) => ids.every((id) => known.includes(id));

/** Whether a saved response still fits the question as it is now (its kind and every id it names). */
export function responseFits(q: QuestionData, r: Response): boolean {
  switch (q.type) {
    case "single":
    case "multiple":
      return r.kind === "choices" && subset(r.ids, optionIds(q)) && (q.type === "multiple" || r.ids.length <= 1);
    case "likert":
      return r.kind === "choices" && r.ids.length <= 1 && subset(r.ids, optionIds(q));
    case "true-false":
      return r.kind === "boolean";
    case "fill-in":
      return r.kind === "text";
    case "numeric":
      return r.kind === "number";
    case "matching": {
      if (r.kind !== "pairs") return false;
      const targets = [...q.pairs.map((p) => p.target), ...q.distractors.map((d) => d.id)];
      return r.pairs.every(([s, t]) => optionIds(q).includes(s) && targets.includes(t));
    }
    case "sequencing": {
      const items = optionIds(q);
      return r.kind === "order" && r.ids.length === items.length && subset(r.ids, items);
    }
  }
}

/** Whether a saved shuffle order is a permutation of the question's current options. */
export function orderFits(q: QuestionData, order: readonly string[]): boolean {
  const ids = optionIds(q);
  return order.length === ids.length && subset(order, ids);
}
