// Synthetic learners for the report benchmark: a deterministic stream of xAPI statements shaped as
// the runtime sends them (src/runtime/tracking/xapi.ts, xapi/statements.ts) for a compiled course
// (its CourseData JSON). Each learner has an ability; each question a difficulty; a learner
// answers right with a logistic probability of the difference, reads each lesson for a few
// minutes and may stop after any lesson. Statements are made one at a time (a generator), so a
// stream of any length needs no memory.

import { readFileSync } from "node:fs";
import path from "node:path";

/** The CourseData a built package's runtime gets (the JSON in its index.html). */
export function builtCourseData(packageFolder) {
  const html = readFileSync(path.join(packageFolder, "index.html"), "utf8");
  return JSON.parse(/<script[^>]*id="course-data"[^>]*>([\s\S]*?)<\/script>/.exec(html)[1]);
}

/**
 * Mulberry32: a small seeded PRNG, so every run produces the same stream (the runtime has the same
 * one in src/runtime/quiz/draw.ts; bench scripts run on plain Node, which cannot import TypeScript).
 */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADL = "http://adlnet.gov/expapi/verbs/";
const verb = (name) => ({ id: `${ADL}${name}`, display: { "en-US": name } });
const iso = (ms) => `PT${(ms / 1000).toFixed(2)}S`;

function uuid(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  return `${hex.slice(0, 8).join("")}-${hex.slice(8, 12).join("")}-${hex.slice(12, 16).join("")}-${hex.slice(16, 20).join("")}-${hex.slice(20).join("")}`;
}

/** A correct or wrong response in xAPI syntax for a question (CourseData QuestionData). */
function response(q, right, random) {
  switch (q.type) {
    case "single": {
      const wrong = q.choices.filter((c) => !c.correct);
      return right ? q.choices.find((c) => c.correct).id : wrong[Math.floor(random() * wrong.length)].id;
    }
    case "multiple": {
      const correct = q.choices.filter((c) => c.correct).map((c) => c.id);
      return (right ? correct : correct.slice(1).concat(q.choices.find((c) => !c.correct)?.id ?? [])).join("[,]");
    }
    case "true-false":
      return String(right ? q.answer : !q.answer);
    case "fill-in":
      return right ? q.answers[0] : "not sure";
    case "numeric":
      return String(right ? q.min : q.max + 1);
    case "matching":
      return q.pairs
        .map((p, i) => `${p.source}[.]${right ? p.target : q.pairs[(i + 1) % q.pairs.length].target}`)
        .join("[,]");
    case "sequencing": {
      const ids = q.items.map((i) => i.id);
      return (right ? ids : ids.reverse()).join("[,]");
    }
    case "likert":
      return q.scale[Math.floor(random() * q.scale.length)].id;
  }
}

/**
 * Statements for `learners` synthetic learners of `course` (CourseData), in time order per
 * learner and learner after learner. Yields plain objects.
 */
export function* syntheticStatements(course, { learners, seed = 1, start = Date.UTC(2026, 0, 5, 9) }) {
  const random = rng(seed);
  const root = course.activityId.replace(/\/+$/, "");
  const lessons = course.pages.filter((p) => p.kind === "lesson");
  const quiz = course.quizzes[course.pages.find((p) => p.kind === "quiz")?.id];
  const difficulty = Object.fromEntries(Object.keys(course.questions).map((id, i) => [id, ((i * 37) % 100) / 50 - 1]));
  for (let n = 0; n < learners; n++) {
    const actor = { objectType: "Agent", name: `Learner ${n}`, mbox: `mailto:learner${n}@example.com` };
    const registration = uuid(random);
    let time = start + n * 60_000;
    const make = (v, object, result, parent) => ({
      id: uuid(random),
      timestamp: new Date(time).toISOString(),
      actor,
      verb: verb(v),
      object: { objectType: "Activity", id: object },
      ...(result ? { result } : {}),
      context: {
        registration,
        ...(parent ? { contextActivities: { parent: [{ objectType: "Activity", id: parent }] } } : {}),
      },
    });
    const ability = random() * 4 - 2;
    yield make("initialized", root);
    let stopped = false;
    for (const lesson of lessons) {
      yield make("experienced", `${root}/lessons/${encodeURIComponent(lesson.id)}`, undefined, root);
      time += Math.round(lesson.minutes * (0.5 + random()) * 60_000);
      if (random() < 0.04) {
        stopped = true;
        break;
      }
    }
    if (!stopped && quiz) {
      let best = 0;
      for (let attempt = 1; attempt <= Math.max(1, quiz.attempts); attempt++) {
        let earned = 0;
        let possible = 0;
        for (const bank of quiz.banks) {
          const pool = [...bank.questions].sort(() => random() - 0.5).slice(0, bank.draw);
          for (const id of pool) {
            const q = course.questions[id];
            const right = random() < 1 / (1 + Math.exp(difficulty[id] - ability));
            const latency = 5000 + Math.round(random() * 40_000);
            time += latency;
            earned += right ? q.weight : 0;
            possible += q.weight;
            yield make(
              "answered",
              `${root}/questions/${encodeURIComponent(id)}`,
              {
                response: response(q, right, random),
                duration: iso(latency),
                ...(q.type === "likert"
                  ? {}
                  : {
                      success: right,
                      score: { scaled: right ? 1 : 0, raw: right ? q.weight : 0, min: 0, max: q.weight },
                    }),
              },
              `${root}/quizzes/${encodeURIComponent(quiz.id)}`,
            );
          }
        }
        best = Math.max(best, Math.round((earned / possible) * 10000) / 100);
        const passed = best >= quiz.passingScore;
        yield make(passed ? "passed" : "failed", root, {
          success: passed,
          completion: passed,
          score: { scaled: best / 100, raw: best, min: 0, max: 100 },
        });
        if (passed) {
          yield make("completed", root, { completion: true });
          break;
        }
        time += 120_000;
      }
    }
    yield make("terminated", root, { duration: iso(time - start - n * 60_000) });
  }
}
