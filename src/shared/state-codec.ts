/**
 * Encodes learner state for LMS storage (SCORM suspend_data, xAPI State, localStorage).
 *
 * Shared by the runtime (which saves state) and the build (which warns when a course's worst-case
 * state could exceed SCORM 1.2's 4,096 characters), so both measure the very same bytes.
 * The payload is versioned JSON, LZ-compressed into URI-safe printable ASCII (checklist #31, #32):
 * some LMS adapters break on quotes or non-ASCII characters in suspend_data.
 */
import LZString from "lz-string";
import type { BlockState, LearnerState, QuizAttemptState, Response } from "./learner.js";

export const STATE_VERSION = 1;

type PackedResponse = [string, ...unknown[]];
type PackedAttempt = [
  attempt: number,
  drawn: string[],
  orders: Record<string, string[]>,
  answers: Record<string, PackedResponse>,
  submitted: 0 | 1,
  score: number | null,
  best: number | null,
];
/** A block's progress: the opened-items bits, or a scenario's [at, run, ended, best]. */
type PackedBlock = number | [at: number, run: number, ended: 0 | 1, best?: number];
interface Packed {
  v: number;
  p: string;
  w: string[];
  q: Record<string, PackedAttempt>;
  c: Record<string, PackedResponse>;
  d: 0 | 1;
  /** Added after version 1 shipped, as an optional key: decoders that predate it ignore it. */
  b?: Record<string, PackedBlock>;
}

/** Each Response kind's tag in saved state. Saved state outlives releases: a tag never changes meaning. */
const TAGS = { choices: "c", order: "o", boolean: "b", text: "t", number: "n", pairs: "p" } as const satisfies Record<
  Response["kind"],
  string
>;
type Tag = (typeof TAGS)[keyof typeof TAGS];

function packResponse(r: Response): PackedResponse {
  switch (r.kind) {
    case "choices":
    case "order":
      return [TAGS[r.kind], ...r.ids];
    case "boolean":
      return [TAGS.boolean, r.value ? 1 : 0];
    case "text":
    case "number":
      return [TAGS[r.kind], r.value];
    case "pairs":
      return [TAGS.pairs, ...r.pairs.map(([s, t]) => `${s}\u0001${t}`)];
  }
}

/** Reads a packed response back; anything malformed (an old or tampered state) is dropped. */
const UNPACK: Record<Tag, (rest: unknown[], strings: string[]) => Response | undefined> = {
  c: (_, ids) => ({ kind: "choices", ids }),
  o: (_, ids) => ({ kind: "order", ids }),
  b: ([value]) => ({ kind: "boolean", value: value === 1 }),
  t: ([value]) => (typeof value === "string" ? { kind: "text", value } : undefined),
  n: ([value]) => (typeof value === "number" ? { kind: "number", value } : undefined),
  p: (_, pairs) => ({ kind: "pairs", pairs: pairs.map((s) => s.split("\u0001") as [string, string]) }),
};

const KNOWN_TAGS: ReadonlySet<string> = new Set(Object.values(TAGS));

function unpackResponse(p: unknown): Response | undefined {
  if (!Array.isArray(p) || typeof p[0] !== "string" || !KNOWN_TAGS.has(p[0])) return undefined;
  const [tag, ...rest] = p as [Tag, ...unknown[]];
  return UNPACK[tag](
    rest,
    rest.filter((x): x is string => typeof x === "string"),
  );
}

function mapValues<A, B>(o: Record<string, A>, f: (a: A) => B | undefined): Record<string, B> {
  const out: Record<string, B> = {};
  for (const [k, v] of Object.entries(o)) {
    const b = f(v);
    if (b !== undefined) out[k] = b;
  }
  return out;
}

function packAttempt(a: QuizAttemptState): PackedAttempt {
  return [
    a.attempt,
    a.drawn,
    a.orders,
    mapValues(a.answers, packResponse),
    a.submitted ? 1 : 0,
    a.score ?? null,
    a.best ?? null,
  ];
}

function unpackAttempt(p: unknown): QuizAttemptState | undefined {
  if (!Array.isArray(p) || typeof p[0] !== "number") return undefined;
  const [attempt, drawn, orders, answers, submitted, score, best] = p as PackedAttempt;
  return {
    attempt,
    drawn: Array.isArray(drawn) ? drawn : [],
    orders: orders && typeof orders === "object" ? orders : {},
    answers: mapValues(answers ?? {}, unpackResponse),
    submitted: submitted === 1,
    ...(typeof score === "number" ? { score } : {}),
    ...(typeof best === "number" ? { best } : {}),
  };
}

function packBlock(b: BlockState): PackedBlock {
  if (b.kind === "seen") return b.seen;
  return b.best === undefined ? [b.at, b.run, b.ended ? 1 : 0] : [b.at, b.run, b.ended ? 1 : 0, b.best];
}

function unpackBlock(p: unknown): BlockState | undefined {
  if (typeof p === "number") return { kind: "seen", seen: p >>> 0 };
  if (!Array.isArray(p) || !p.slice(0, 3).every((n) => typeof n === "number")) return undefined;
  const [at, run, ended, best] = p as number[];
  return { kind: "scenario", at: at!, run: run!, ended: ended === 1, ...(typeof best === "number" ? { best } : {}) };
}

export function encodeState(state: LearnerState): string {
  const packed: Packed = {
    v: STATE_VERSION,
    p: state.page,
    w: state.viewed,
    q: mapValues(state.quizzes, packAttempt),
    c: mapValues(state.checks, packResponse),
    d: state.completed ? 1 : 0,
    ...(state.blocks && Object.keys(state.blocks).length ? { b: mapValues(state.blocks, packBlock) } : {}),
  };
  return LZString.compressToEncodedURIComponent(JSON.stringify(packed));
}

/**
 * Decodes saved state; anything unreadable or from an unknown version yields undefined
 * (the learner starts fresh rather than crashing). Ids are not checked here: the player drops
 * ids the current course no longer has.
 */
export function decodeState(text: string): LearnerState | undefined {
  if (!text) return undefined;
  try {
    const json = LZString.decompressFromEncodedURIComponent(text);
    if (!json) return undefined;
    const p = JSON.parse(json) as Partial<Packed>;
    if (p.v !== STATE_VERSION || typeof p.p !== "string") return undefined;
    return {
      page: p.p,
      viewed: Array.isArray(p.w) ? p.w.filter((x) => typeof x === "string") : [],
      quizzes: mapValues(p.q ?? {}, unpackAttempt),
      checks: mapValues(p.c ?? {}, unpackResponse),
      completed: p.d === 1,
      ...(p.b && typeof p.b === "object" ? { blocks: mapValues(p.b, unpackBlock) } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Encodes state within `limit` characters, shedding the least valuable detail first:
 * knowledge-check answers, then answers of finished attempts, then answer orders, then all
 * quiz detail but scores, and finally everything but the bookmark and block progress (which decides
 * whether lessons are done, so it is kept while anything is). Returns the encoded text and
 * how much had to be dropped (0 = nothing).
 */
export function encodeStateWithin(state: LearnerState, limit: number): { text: string; shed: number } {
  const steps: ((s: LearnerState) => LearnerState)[] = [
    (s) => s,
    (s) => ({ ...s, checks: {} }),
    (s) => ({ ...s, quizzes: mapValues(s.quizzes, (q) => (q.submitted ? { ...q, answers: {}, orders: {} } : q)) }),
    (s) => ({ ...s, quizzes: mapValues(s.quizzes, (q) => ({ ...q, orders: {} })) }),
    (s) => ({ ...s, quizzes: mapValues(s.quizzes, (q) => ({ ...q, answers: {}, drawn: [] })) }),
    (s) => ({ ...s, quizzes: {}, viewed: [] }),
  ];
  let current = state;
  for (let i = 0; i < steps.length; i++) {
    current = steps[i]!(current);
    const text = encodeState(current);
    if (text.length <= limit) return { text, shed: i };
  }
  return { text: "", shed: steps.length };
}
