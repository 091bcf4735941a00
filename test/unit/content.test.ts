/**
 * The default course (content/) is the first thing every user sees, so it is held to an editorial
 * bar: written in its own words (no long run of words copied from the source article), every lesson
 * complete (objectives, estimated time, a knowledge check), the final assessment's bank large,
 * varied and with consistent answer keys, and the whole course building without a single warning.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { BuildFailed, formatDiagnostic } from "../../src/compiler/diagnostics.js";
import { splitFrontMatter } from "../../src/compiler/load/front-matter.js";
import { CONTENT_DIR, FIXTURES } from "../support/build.js";

const ARTICLE = path.join(FIXTURES, "seed", "sales-manager-training-article.txt");
/** The limit: no run of this many consecutive words of the article may appear in content/. */
const COPIED_RUN = 10;

// ---------------------------------------------------------------------------------------------
// Reading the course the way an author wrote it (independent of the build's own parsing).

interface Course {
  outline: string[];
  passingScore: number;
  minutes?: number;
  description: string;
  keywords: string[];
  language: string;
}

interface Lesson {
  file: string;
  front: { title?: string; objectives?: string[]; minutes?: number };
  body: string;
  checks: Question[];
}

type Question = Record<string, unknown> & { id?: string; type?: string; prompt?: string };

interface Bank {
  id: string;
  draw?: number;
  questions: Question[];
}

interface Quiz {
  passingScore?: number;
  banks: Bank[];
}

async function readCourse(): Promise<Course> {
  return parseYaml(await readFile(path.join(CONTENT_DIR, "course.yml"), "utf8")) as Course;
}

async function readLesson(rel: string): Promise<Lesson> {
  const file = path.join(CONTENT_DIR, rel);
  const split = splitFrontMatter(await readFile(file, "utf8"));
  if (split.kind !== "found") throw new Error(`${rel}: front matter ${split.kind}`);
  const checks = [...split.body.matchAll(/^```check\n([\s\S]*?)^```$/gm)].map((m) => parseYaml(m[1]!) as Question);
  return { file: rel, front: parseYaml(split.yaml) as Lesson["front"], body: split.body, checks };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Word runs shared with the article.

/** British and American spellings count as the same word, so a respelt copy is still a copy. */
function normaliseWord(word: string): string {
  return word
    .replace(/^(behavi|fav|col|lab|hon)our(s|al|ed|ing)?$/, "$1or$2")
    .replace(
      /^(organi|speciali|prioriti|recogni|emphasi|summari|strategi|reali|customi|utili|categori|optimi|maximi|minimi)s(e|ed|es|ing|ation|ations)$/,
      "$1z$2",
    );
}

/** Lower case, apostrophes dropped (don't → dont), any other punctuation or markup a word break. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\]\([^)]*\)/g, " ") // Markdown link targets are not prose
    .replace(/['’‘]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(normaliseWord);
}

/** Longest run of consecutive words that `text` shares with `source`, and the run itself. */
function longestSharedRun(source: string[], text: string[]): string[] {
  // Classic longest-common-substring over words, one row at a time.
  let best: string[] = [];
  let previous = new Array<number>(source.length + 1).fill(0);
  for (let i = 1; i <= text.length; i++) {
    const row = new Array<number>(source.length + 1).fill(0);
    for (let j = 1; j <= source.length; j++) {
      if (text[i - 1] !== source[j - 1]) continue;
      row[j] = previous[j - 1]! + 1;
      if (row[j]! > best.length) best = text.slice(i - row[j]!, i);
    }
    previous = row;
  }
  return best;
}

describe("word-run comparison", () => {
  it("finds a copied run despite case, punctuation, markup and British spelling", () => {
    const article = words("Sales managers must focus on the behaviors that drive those results, every day.");
    const copied = words("Our **Sales Managers** must focus on the *behaviours* that drive — those results!");
    expect(longestSharedRun(article, copied).join(" ")).toBe(
      "sales managers must focus on the behaviors that drive those results",
    );
  });

  it("ignores link targets and keeps contractions whole", () => {
    expect(words("Don't [read the forecast lesson](06-pipeline-and-forecasting.md) now")).toEqual([
      "dont",
      "read",
      "the",
      "forecast",
      "lesson",
      "now",
    ]);
  });
});

describe("the default course is written in its own words", () => {
  it(`shares no run of ${COPIED_RUN} or more consecutive words with the source article`, async () => {
    const article = words(await readFile(ARTICLE, "utf8"));
    expect(article.length).toBeGreaterThan(500); // the fixture really is the article
    const copied: string[] = [];
    for (const file of await filesUnder(CONTENT_DIR)) {
      if (!/\.(md|ya?ml|svg)$/.test(file)) continue;
      const run = longestSharedRun(article, words(await readFile(file, "utf8")));
      if (run.length >= COPIED_RUN) copied.push(`${path.relative(CONTENT_DIR, file)}: "${run.join(" ")}"`);
    }
    expect(copied).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Completeness of lessons and the final assessment.

const GRADED_TYPES = ["single", "multiple", "true-false", "fill-in", "numeric", "matching", "sequencing"];

let course: Course;
let lessons: Lesson[];
let quiz: Quiz;

beforeAll(async () => {
  course = await readCourse();
  lessons = await Promise.all(course.outline.filter((f) => f.endsWith(".md")).map(readLesson));
  const quizFile = course.outline.find((f) => f.endsWith(".yml"));
  quiz = parseYaml(await readFile(path.join(CONTENT_DIR, quizFile!), "utf8")) as Quiz;
});

describe("course metadata", () => {
  it("fills in what an LMS catalogue shows", () => {
    expect(course.description.length).toBeGreaterThan(200);
    expect(course.description.length).toBeLessThanOrEqual(1000);
    expect(course.keywords.length).toBeGreaterThanOrEqual(5);
    expect(course.language).toMatch(/^en\b/);
    expect(course.passingScore).toBe(80);
    // The stated duration is the lessons plus about a minute per drawn question, within ten minutes.
    const lessonMinutes = lessons.reduce((n, l) => n + (l.front.minutes ?? 0), 0);
    const drawn = quiz.banks.reduce((n, b) => n + (b.draw ?? b.questions.length), 0);
    expect(Math.abs(course.minutes! - (lessonMinutes + drawn))).toBeLessThanOrEqual(10);
  });
});

describe("every lesson is complete", () => {
  it("has at least seven lessons and a graded assessment at the end", () => {
    expect(lessons.length).toBeGreaterThanOrEqual(7);
    expect(course.outline.at(-1)).toMatch(/\.yml$/);
  });

  it("states objectives and an estimated time, and holds one or two knowledge checks", () => {
    for (const lesson of lessons) {
      const at = lesson.file;
      expect(lesson.front.title, at).toBeTruthy();
      expect(lesson.front.objectives?.length ?? 0, `${at}: objectives`).toBeGreaterThanOrEqual(2);
      expect(lesson.front.minutes, `${at}: minutes`).toBeGreaterThan(0);
      expect(lesson.checks.length, `${at}: knowledge checks`).toBeGreaterThanOrEqual(1);
      expect(lesson.checks.length, `${at}: knowledge checks`).toBeLessThanOrEqual(2);
    }
  });

  it("is structured: short sections, a scenario and a key-points summary", () => {
    for (const lesson of lessons) {
      const headings = [...lesson.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
      expect(headings.length, lesson.file).toBeGreaterThanOrEqual(4);
      expect(
        headings.some((h) => /scenario|worked example/i.test(h)),
        `${lesson.file}: scenario section`,
      ).toBe(true);
      expect(headings.at(-1), `${lesson.file}: last section`).toBe("Key points");
      // Knowledge checks and scenarios are interactions, not reading: they do not count as prose.
      const prose = words(lesson.body.replace(/^```(check|scenario)\n[\s\S]*?^```$/gm, "")).length;
      expect(prose, `${lesson.file}: words`).toBeGreaterThanOrEqual(600);
      expect(prose, `${lesson.file}: words`).toBeLessThanOrEqual(1100);
    }
  });

  it("uses blocks where they help: cards, an accordion, steps, a labelled graphic and a required conversation", () => {
    const body = (name: string) => lessons.find((l) => l.file.includes(name))!.body;
    expect(body("motivating")).toMatch(/^::: flipcards /m);
    expect(body("interviewing")).toMatch(/^::: accordion /m);
    expect(body("pipeline")).toMatch(/^::: steps /m);
    expect(body("behaviours-and-results")).toMatch(/^::: hotspots /m);
    const scenarios = lessons.flatMap((l) => [...l.body.matchAll(/^```scenario\n([\s\S]*?)^```$/gm)]);
    const coaching = scenarios.map((m) => parseYaml(m[1]!) as { required?: boolean; nodes: object });
    expect(coaching.some((s) => s.required === true && Object.keys(s.nodes).length >= 6)).toBe(true);
  });

  it("gives every image alt text, and every word of an SVG appears in the lesson that shows it", async () => {
    for (const lesson of lessons) {
      for (const [, alt, src] of lesson.body.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)) {
        expect(alt!.trim(), `${lesson.file}: alt text of ${src}`).not.toBe("");
        if (!src!.endsWith(".svg")) continue;
        const svg = await readFile(path.join(CONTENT_DIR, "lessons", src!), "utf8");
        expect(svg, `${src}: <title>`).toMatch(/<title[^>]*>[^<]+<\/title>/);
        const lessonWords = new Set(words(lesson.body.replace(/!\[[^\]]*\]\([^)]*\)/g, " ")));
        const svgText = [...svg.matchAll(/<(title|text|tspan)[^>]*>([^<]*)</g)].map((m) => m[2]).join(" ");
        const missing = words(svgText).filter((w) => !lessonWords.has(w));
        expect(missing, `${src}: words not in ${lesson.file}`).toEqual([]);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Answer keys.

/** Problems with one question's answer key and feedback; empty when it is consistent. */
function answerKeyProblems(q: Question): string[] {
  const problems: string[] = [];
  const feedback = (q.feedback ?? {}) as Record<string, string>;
  const taught = Boolean(q.explanation) || Boolean(feedback.incorrect);
  const distinct = (values: string[]) =>
    new Set(values.map((v) => v.trim().toLowerCase().replace(/\s+/g, " "))).size === values.length;
  switch (q.type ?? "single") {
    case "single":
    case "multiple": {
      const choices = (q.choices ?? []) as { text: string; correct?: boolean; feedback?: string }[];
      const correct = choices.filter((c) => c.correct === true).length;
      if (q.type === "multiple" ? correct < 1 || correct === choices.length : correct !== 1) {
        problems.push(`${correct} of ${choices.length} choices marked correct`);
      }
      if (choices.length < 2 || !distinct(choices.map((c) => c.text))) problems.push("choices missing or repeated");
      if (!choices.every((c) => c.feedback) && !taught) problems.push("wrong choices get no feedback that teaches");
      break;
    }
    case "true-false":
      if (typeof q.answer !== "boolean") problems.push("`answer` must be true or false");
      break;
    case "fill-in": {
      const answers = (q.answers ?? []) as string[];
      if (answers.length < 2 || !distinct(answers)) problems.push("a fair fill-in accepts several distinct answers");
      break;
    }
    case "numeric": {
      const exact = typeof q.answer === "number";
      const range = typeof q.min === "number" && typeof q.max === "number" && q.min <= q.max;
      if (exact === range) problems.push("give either `answer` or `min` and `max`");
      if (q.tolerance !== undefined && !(exact && typeof q.tolerance === "number" && q.tolerance >= 0))
        problems.push("bad tolerance");
      break;
    }
    case "matching": {
      const pairs = (q.pairs ?? []) as { source: string; target: string }[];
      const targets = pairs.map((p) => p.target);
      const distractors = (q.distractors ?? []) as string[];
      if (pairs.length < 3) problems.push("a matching question needs at least three pairs");
      if (!distinct(pairs.map((p) => p.source)) || !distinct([...targets, ...distractors]))
        problems.push("sources or targets repeat");
      break;
    }
    case "sequencing": {
      const items = (q.items ?? []) as string[];
      if (items.length < 3 || !distinct(items)) problems.push("a sequence needs at least three distinct items");
      break;
    }
    default:
      problems.push(`type ${q.type} is not a graded type`);
  }
  if (!GRADED_TYPES.includes(q.type ?? "single")) return problems;
  if (
    !["single", "multiple"].includes(q.type ?? "single") &&
    !(feedback.correct && feedback.incorrect && q.explanation)
  ) {
    problems.push("needs `feedback.correct`, `feedback.incorrect` and an `explanation` that teaches");
  }
  return problems;
}

describe("answer-key checker", () => {
  it("catches inconsistent keys", () => {
    const choice = (correct: boolean) => ({ text: `choice ${Math.random()}`, correct, feedback: "why" });
    expect(answerKeyProblems({ type: "single", choices: [choice(true), choice(true)] })).not.toEqual([]);
    expect(answerKeyProblems({ type: "multiple", choices: [choice(false), choice(false)] })).not.toEqual([]);
    expect(answerKeyProblems({ type: "true-false", answer: "false" })).not.toEqual([]);
    expect(answerKeyProblems({ type: "numeric", answer: 3, min: 1, max: 4 })).not.toEqual([]);
    expect(answerKeyProblems({ type: "fill-in", answers: ["Coverage", "coverage"] })).not.toEqual([]);
    expect(answerKeyProblems({ type: "single", choices: [choice(true), choice(false)] })).toEqual([]);
  });
});

describe("the final assessment", () => {
  const allQuestions = () => quiz.banks.flatMap((b) => b.questions);

  it("draws at least 15 questions from a bank of at least 25, with an 80 % pass mark", () => {
    expect(quiz.passingScore ?? course.passingScore).toBe(80);
    expect(allQuestions().length).toBeGreaterThanOrEqual(25);
    const drawn = quiz.banks.reduce((n, b) => n + (b.draw ?? b.questions.length), 0);
    expect(drawn).toBeGreaterThanOrEqual(15);
    for (const bank of quiz.banks) expect(bank.draw ?? 0, bank.id).toBeLessThanOrEqual(bank.questions.length);
  });

  it("uses at least five graded question types, mostly in scenarios", () => {
    const types = new Set(allQuestions().map((q) => q.type ?? "single"));
    expect([...types].filter((t) => GRADED_TYPES.includes(t)).length).toBeGreaterThanOrEqual(5);
    // A scenario names a person on the team or puts the learner in the situation ("your rep…").
    const scenario = /\b(you|your|Maya|Tom|Priya|Luis|Grace|Ben|Aisha|Jonah|Mei|Rob)\b/;
    const scenarios = allQuestions().filter((q) => scenario.test(q.prompt ?? "")).length;
    expect(scenarios / allQuestions().length).toBeGreaterThan(0.5);
  });

  it("gives every question an explicit unique id and a consistent answer key with teaching feedback", () => {
    const questions = [...allQuestions(), ...lessons.flatMap((l) => l.checks)];
    const ids = questions.map((q) => q.id);
    expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const problems = questions.flatMap((q) => answerKeyProblems(q).map((p) => `${q.id}: ${p}`));
    expect(problems).toEqual([]);
  });
});

describe("the course builds", () => {
  it("in every format it lists, without errors or warnings", async () => {
    let messages: string[];
    try {
      messages = (await checkCourse(CONTENT_DIR)).diagnostics.sorted().map((d) => formatDiagnostic(d));
    } catch (error) {
      if (!(error instanceof BuildFailed)) throw error;
      messages = error.diagnostics.sorted().map((d) => formatDiagnostic(d));
    }
    expect(messages).toEqual([]);
  });
});
