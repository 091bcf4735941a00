/**
 * Encodes learner state for LMS storage (SCORM suspend_data, xAPI State, localStorage) and reads it
 * back, whatever version of Coursepack saved it.
 *
 * Shared by the runtime (which saves state) and the build (which warns when a course's worst-case
 * state could exceed SCORM 1.2's 4,096 characters), so both measure the very same bytes.
 * The payload is versioned JSON, LZ-compressed into URI-safe printable ASCII (checklist #31, #32):
 * some LMS adapters break on quotes or non-ASCII characters in suspend_data.
 *
 * Versioning (docs/development.md, "Learner state"): `v` changes only when a field changes shape or
 * meaning, with a migration step from the previous version in MIGRATIONS. A new optional field is
 * added under a new key without a new version; readers that do not know a key carry it through.
 * State of a newer version is never decoded, so it is never overwritten by a guess.
 */
import LZString from "lz-string";
import type { BlockState, LearnerState, QuizAttemptState, Response } from "./learner.js";

export const STATE_VERSION = 2;

/**
 * Saved state longer than this is not Coursepack's: the worst case of a 500-lesson course is far
 * below it, and decompressing megabytes of someone else's data would stall the launch.
 */
export const MAX_STATE_CHARS = 512 * 1024;

/** What an LMS handed back as saved state, read. */
export type SavedState =
  | { kind: "none" }
  /** `version`: the format it was saved in; older ones were migrated. */
  | { kind: "ok"; state: LearnerState; version: number }
  | { kind: "unreadable"; reason: "garbage" | "too-large" }
  /** Saved by a newer Coursepack: keep it untouched. */
  | { kind: "newer"; version: number };

/** [tag, answer-key fingerprint, ...values]. */
type PackedResponse = [string, string, ...unknown[]];
type PackedAttempt = [
  attempt: number,
  drawn: string[],
  orders: Record<string, string[]>,
  answers: Record<string, PackedResponse>,
  submitted: 0 | 1,
  score: number | null,
  best: number | null,
];
/** A block's progress: the opened-items bits, or a scenario's [at, run, ended, best, node id]. */
type PackedBlock = number | [at: number, run: number, ended: 0 | 1, best?: number | null, node?: string];
interface Packed {
  v: number;
  /** Page (bookmark). */
  p: string;
  /** Viewed pages. */
  w: string[];
  q: Record<string, PackedAttempt>;
  /** Knowledge checks. */
  c: Record<string, PackedResponse>;
  /** Completed. */
  d: 0 | 1;
  /** Score the course was passed with. */
  s?: number;
  /** Block progress: an optional key added without a new version; decoders that predate it carry it through. */
  b?: Record<string, PackedBlock>;
}
const KNOWN_KEYS = new Set(["v", "p", "w", "q", "c", "d", "s", "b"]);

/** Each Response kind's tag in saved state. Saved state outlives releases: a tag never changes meaning. */
const TAGS = { choices: "c", order: "o", boolean: "b", text: "t", number: "n", pairs: "p" } as const satisfies Record<
  Response["kind"],
  string
>;
type Tag = (typeof TAGS)[keyof typeof TAGS];

function packResponse(r: Response, key: string): PackedResponse {
  switch (r.kind) {
    case "choices":
    case "order":
      return [TAGS[r.kind], key, ...r.ids];
    case "boolean":
      return [TAGS.boolean, key, r.value ? 1 : 0];
    case "text":
    case "number":
      return [TAGS[r.kind], key, r.value];
    case "pairs":
      return [TAGS.pairs, key, ...r.pairs.map(([s, t]) => `${s}\u0001${t}`)];
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

function unpackResponse(p: unknown): { response: Response; key: string } | undefined {
  if (!Array.isArray(p) || typeof p[0] !== "string" || !KNOWN_TAGS.has(p[0])) return undefined;
  const [tag, key, ...rest] = p as [Tag, unknown, ...unknown[]];
  const response = UNPACK[tag](
    rest,
    rest.filter((x): x is string => typeof x === "string"),
  );
  return response && { response, key: typeof key === "string" ? key : "" };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function mapValues<A, B>(o: Record<string, A>, f: (a: A) => B | undefined): Record<string, B> {
  const out: Record<string, B> = {};
  for (const [k, v] of Object.entries(o)) {
    const b = f(v);
    if (b !== undefined) out[k] = b;
  }
  return out;
}

/**
 * One step per format version: turns a packed state of version n into version n + 1. Steps read
 * untrusted data, so they leave what they do not recognise for the final unpacking to drop.
 */
const MIGRATIONS: Record<number, (packed: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2: a packed response carries its answer-key fingerprint after the tag; 1 had none ("").
  1: (p) => {
    const withKey = (r: unknown) => (Array.isArray(r) ? [r[0], "", ...r.slice(1)] : r);
    const responses = (o: unknown) => (isRecord(o) ? mapValues(o, withKey) : o);
    const attempts = isRecord(p.q)
      ? mapValues(p.q, (a) => (Array.isArray(a) ? a.map((part, i) => (i === 3 ? responses(part) : part)) : a))
      : p.q;
    return { ...p, v: 2, q: attempts, c: responses(p.c) };
  },
};

function packAttempt(a: QuizAttemptState, keys: Record<string, string>): PackedAttempt {
  return [
    a.attempt,
    a.drawn,
    a.orders,
    Object.fromEntries(Object.entries(a.answers).map(([id, r]) => [id, packResponse(r, keys[id] ?? "")])),
    a.submitted ? 1 : 0,
    a.score ?? null,
    a.best ?? null,
  ];
}

function unpackResponses(o: unknown, keys: Record<string, string>): Record<string, Response> {
  const out: Record<string, Response> = {};
  for (const [id, packed] of Object.entries(isRecord(o) ? o : {})) {
    const unpacked = unpackResponse(packed);
    if (!unpacked) continue;
    out[id] = unpacked.response;
    keys[id] = unpacked.key;
  }
  return out;
}

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s) => typeof s === "string") : []);

function unpackAttempt(p: unknown, keys: Record<string, string>): QuizAttemptState | undefined {
  if (!Array.isArray(p) || typeof p[0] !== "number") return undefined;
  const [attempt, drawn, orders, answers, submitted, score, best] = p as unknown[];
  return {
    attempt: attempt as number,
    drawn: strings(drawn),
    orders: isRecord(orders) ? mapValues(orders, (o) => (Array.isArray(o) ? strings(o) : undefined)) : {},
    answers: unpackResponses(answers, keys),
    submitted: submitted === 1,
    ...(typeof score === "number" ? { score } : {}),
    ...(typeof best === "number" ? { best } : {}),
  };
}

function packBlock(b: BlockState): PackedBlock {
  if (b.kind === "seen") return b.seen;
  const packed: PackedBlock = [b.at, b.run, b.ended ? 1 : 0];
  if (b.best !== undefined || b.node !== undefined) packed.push(b.best ?? null);
  if (b.node !== undefined) packed.push(b.node);
  return packed;
}

function unpackBlock(p: unknown): BlockState | undefined {
  if (typeof p === "number") return { kind: "seen", seen: p >>> 0 };
  if (!Array.isArray(p) || !p.slice(0, 3).every((n) => typeof n === "number")) return undefined;
  const [at, run, ended, best, node] = p as unknown[];
  return {
    kind: "scenario",
    at: at as number,
    run: run as number,
    ended: ended === 1,
    ...(typeof best === "number" ? { best } : {}),
    ...(typeof node === "string" ? { node } : {}),
  };
}

export function encodeState(state: LearnerState): string {
  const packed: Packed = {
    ...state.extra,
    v: STATE_VERSION,
    p: state.page,
    w: state.viewed,
    q: mapValues(state.quizzes, (a) => packAttempt(a, state.keys)),
    c: Object.fromEntries(Object.entries(state.checks).map(([id, r]) => [id, packResponse(r, state.keys[id] ?? "")])),
    d: state.completed ? 1 : 0,
    ...(state.passedWith !== undefined ? { s: state.passedWith } : {}),
    ...(state.blocks && Object.keys(state.blocks).length ? { b: mapValues(state.blocks, packBlock) } : {}),
  };
  return LZString.compressToEncodedURIComponent(JSON.stringify(packed));
}

function unpack(p: Record<string, unknown>): LearnerState | undefined {
  if (typeof p.p !== "string") return undefined;
  const keys: Record<string, string> = {};
  const extra = Object.fromEntries(Object.entries(p).filter(([k]) => !KNOWN_KEYS.has(k)));
  return {
    page: p.p,
    viewed: strings(p.w),
    quizzes: isRecord(p.q) ? mapValues(p.q, (a) => unpackAttempt(a, keys)) : {},
    checks: unpackResponses(p.c, keys),
    keys,
    completed: p.d === 1,
    ...(typeof p.s === "number" ? { passedWith: p.s } : {}),
    ...(isRecord(p.b) ? { blocks: mapValues(p.b, unpackBlock) } : {}),
    ...(Object.keys(extra).length ? { extra } : {}),
  };
}

/**
 * Reads saved state of any version: older versions are migrated step by step; a newer version,
 * anything unreadable and anything too large are reported as such instead of being guessed at.
 * Ids are not checked here: src/runtime/player/reconcile.ts fits the state to the current course.
 */
export function readState(text: string): SavedState {
  if (!text) return { kind: "none" };
  if (text.length > MAX_STATE_CHARS) return { kind: "unreadable", reason: "too-large" };
  let packed: unknown;
  try {
    packed = JSON.parse(LZString.decompressFromEncodedURIComponent(text) || "null");
  } catch {
    return { kind: "unreadable", reason: "garbage" };
  }
  if (!isRecord(packed) || !Number.isInteger(packed.v) || (packed.v as number) < 1)
    return { kind: "unreadable", reason: "garbage" };
  const version = packed.v as number;
  if (version > STATE_VERSION) return { kind: "newer", version };
  let current = packed;
  for (let v = version; v < STATE_VERSION; v++) current = MIGRATIONS[v]!(current);
  const state = unpack(current);
  return state ? { kind: "ok", state, version } : { kind: "unreadable", reason: "garbage" };
}

/** The state when it could be read (migrated if older); undefined otherwise. */
export function decodeState(text: string): LearnerState | undefined {
  const saved = readState(text);
  return saved.kind === "ok" ? saved.state : undefined;
}

/**
 * Encodes state within `limit` characters, shedding the least valuable detail first:
 * knowledge-check answers and fields of a newer format, then answers of finished attempts, then
 * answer orders, then all quiz detail but scores, and finally everything but the bookmark, the
 * results and block progress (which decides whether lessons are done, so it is kept while anything
 * is). Returns the encoded text and how much had to be dropped (0 = nothing).
 */
export function encodeStateWithin(state: LearnerState, limit: number): { text: string; shed: number } {
  const steps: ((s: LearnerState) => LearnerState)[] = [
    (s) => s,
    ({ extra: _, ...s }) => ({ ...s, checks: {} }),
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
