/**
 * The learner-state encoder of Coursepack 0.1.0 (state format 1, commit 939f40e), frozen here so
 * tests can produce the suspend_data and State API documents that release wrote and check that
 * today's runtime migrates them. Do not change it: it stands for packages already in LMSs.
 */
import LZString from "lz-string";

export type ResponseV1 =
  | { kind: "choices"; ids: string[] }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; value: string }
  | { kind: "number"; value: number }
  | { kind: "pairs"; pairs: [string, string][] }
  | { kind: "order"; ids: string[] };

export interface AttemptV1 {
  attempt: number;
  drawn: string[];
  orders: Record<string, string[]>;
  answers: Record<string, ResponseV1>;
  submitted: boolean;
  score?: number;
  best?: number;
}

export interface StateV1 {
  page: string;
  viewed: string[];
  quizzes: Record<string, AttemptV1>;
  checks: Record<string, ResponseV1>;
  completed: boolean;
}

function packResponse(r: ResponseV1): unknown[] {
  switch (r.kind) {
    case "choices":
      return ["c", ...r.ids];
    case "order":
      return ["o", ...r.ids];
    case "boolean":
      return ["b", r.value ? 1 : 0];
    case "text":
      return ["t", r.value];
    case "number":
      return ["n", r.value];
    case "pairs":
      return ["p", ...r.pairs.map(([s, t]) => `${s}\u0001${t}`)];
  }
}

const mapValues = <A, B>(o: Record<string, A>, f: (a: A) => B) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

export function encodeStateV1(state: StateV1): string {
  const packed = {
    v: 1,
    p: state.page,
    w: state.viewed,
    q: mapValues(state.quizzes, (a) => [
      a.attempt,
      a.drawn,
      a.orders,
      mapValues(a.answers, packResponse),
      a.submitted ? 1 : 0,
      a.score ?? null,
      a.best ?? null,
    ]),
    c: mapValues(state.checks, packResponse),
    d: state.completed ? 1 : 0,
  };
  return LZString.compressToEncodedURIComponent(JSON.stringify(packed));
}

/** Half way through the update-drill course (test/fixtures/courses/updates), as 0.1.0 saved it. */
export const V1_MID_QUIZ: StateV1 = {
  page: "final",
  viewed: ["basics", "practice", "final"],
  quizzes: {
    final: {
      attempt: 1,
      drawn: ["q1", "q2", "q3", "q4"],
      orders: {},
      answers: { q1: { kind: "choices", ids: ["manifest"] } },
      submitted: false,
    },
  },
  checks: {},
  completed: false,
};
