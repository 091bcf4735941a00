/**
 * `coursepack import-gift` end to end: a realistic bank with every construct is imported, written
 * into a course, and built into a web package whose course data holds the right types and keys.
 */
import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { CourseData, QuestionData } from "../../src/shared/course-data.js";
import { formatDiagnostic } from "../../src/compiler/diagnostics.js";
import { importGift } from "../../src/importers/gift/index.js";
import { buildInto, FIXTURES, tempDir } from "../support/build.js";
import { coursepack as runCoursepack } from "../support/cli.js";

const BANK = path.join(FIXTURES, "gift", "sales-bank.gift");

/** import-gift resolves its paths against the working directory, so these runs get their own. */
const coursepack = (cwd: string, ...args: string[]) => runCoursepack(args, { cwd });

const COURSE_YML = `id: gift-course
title: Imported bank
description: A course whose quiz was imported from a Moodle GIFT file.
language: en
passingScore: 80
completion: lessons-and-quiz
formats: [web]
outline:
  - lessons/01-intro.md
  - quizzes/sales-bank.yml
`;

async function courseWithQuiz(yaml: string): Promise<string> {
  const dir = path.join(await tempDir("gift-course"), "course");
  await mkdir(path.join(dir, "lessons"), { recursive: true });
  await mkdir(path.join(dir, "quizzes"));
  await writeFile(path.join(dir, "course.yml"), COURSE_YML);
  await writeFile(
    path.join(dir, "lessons", "01-intro.md"),
    "---\ntitle: Intro\n---\n\nThe quiz comes from a Moodle GIFT file.\n",
  );
  await writeFile(path.join(dir, "quizzes", "sales-bank.yml"), yaml);
  return dir;
}

describe("importGift on a realistic bank", () => {
  let yaml = "";
  let warnings: string[] = [];
  let course: CourseData;

  beforeAll(async () => {
    const result = importGift(await readFile(BANK, "utf8"), {
      file: BANK,
      quizFile: "quizzes/sales-bank.yml",
      title: "Sales bank",
    });
    expect(result.diagnostics.errorCount).toBe(0);
    yaml = result.yaml!;
    warnings = result.diagnostics.sorted().map((d) => formatDiagnostic(d, path.dirname(BANK)));
    const built = await buildInto(await courseWithQuiz(yaml), { formats: ["web"] });
    const html = await readFile(path.join(built.outDir, "gift-course-web", "index.html"), "utf8");
    course = JSON.parse(
      /<script type="application\/json" id="course-data">(.*?)<\/script>/s.exec(html)![1]!,
    ) as CourseData;
  });

  const question = <T extends QuestionData["type"]>(id: string, type: T) => {
    const q = course.questions[id];
    expect(q?.type, id).toBe(type);
    return q as QuestionData & { type: T };
  };
  const correctChoices = (q: QuestionData) =>
    "choices" in q ? q.choices.filter((c) => c.correct).map((c) => c.text) : [];

  it("writes one bank per $CATEGORY, in order, questions in the order of the file", () => {
    const quiz = course.quizzes["sales-bank"]!;
    expect(quiz.title).toBe("Sales bank");
    expect(quiz.banks.map((b) => [b.id, b.questions])).toEqual([
      ["default", ["before-any-category-a-question-without"]],
      ["pipeline", ["pipe-01", "leading-indicators", "forecast", "stage-order"]],
      [
        "numbers",
        ["coverage-ratio", "range", "percent", "interview-style", "match-drivers", "escapes", "markdown", "html"],
      ],
    ]);
  });

  it("builds every type with the right answer key", () => {
    expect(correctChoices(question("pipe-01", "single"))).toEqual(["Coverage against the remaining quota"]);
    const multiple = question("leading-indicators", "multiple");
    expect([correctChoices(multiple), multiple.partialCredit]).toEqual([
      ["Meetings booked", "Opportunities created"],
      true,
    ]);
    expect(question("forecast", "true-false").answer).toBe(true);
    expect(question("escapes", "true-false").text).toBe("Is 2 + 2 = 4 in base 10: really?");
    const blank = question("stage-order", "single");
    expect([blank.text, correctChoices(blank)]).toEqual(["Grant is _____ in Grant’s tomb.", ["entombed"]]);
    expect(question("coverage-ratio", "numeric")).toMatchObject({ min: 290, max: 310 });
    expect(question("range", "numeric")).toMatchObject({ min: 5, max: 10 });
    expect(question("percent", "numeric")).toMatchObject({ min: 30, max: 30 });
    const fillIn = question("interview-style", "fill-in");
    expect([fillIn.answers, fillIn.caseSensitive]).toEqual([
      ["behavioural interviewing", "behavioral interviewing"],
      false,
    ]);
    const matching = question("match-drivers", "matching");
    expect(matching.pairs.map((p) => [p.sourceText, p.targetText])).toEqual([
      ["Money", "Commission"],
      ["Recognition", "Public praise"],
      ["Advancement", "A path to team lead"],
    ]);
    expect(matching.distractors.map((d) => d.text)).toEqual(["A company car"]);
    expect(question("markdown", "single").text).toBe("Which stage comes first?");
    expect(correctChoices(question("html", "multiple"))).toEqual(["A budget", "A decision maker"]);
  });

  it("reports each simplification and skip as a warning at the GIFT line, and notes it in the YAML", () => {
    expect(warnings).toEqual([
      "sales-bank.gift:37:3: warning: partial-credit answers dropped: 31:1 (50 %)",
      "sales-bank.gift:41:1: warning: feedback that differs between accepted answers dropped (Coursepack has one feedback for a right answer)",
      "sales-bank.gift:54:1: warning: skipped: essay questions need a person to grade them; Coursepack quizzes are scored automatically",
      "sales-bank.gift:56:1: warning: skipped: text without answers (a Moodle description) has no place in a quiz; put it in a lesson",
      'sales-bank.gift:62:9: warning: HTML simplified to Markdown; not carried over: <u> formatting, image "@@PLUGINFILE@@/funnel.png"',
      'sales-bank.gift:65:3: warning: each wrong choice picked takes away 50 % in Coursepack; the GIFT weights were "A logo you like" -100 %',
    ]);
    expect(yaml).toMatch(/^# Imported from sales-bank\.gift by `coursepack import-gift`: 13 questions\./);
    expect(yaml).toContain("#   sales-bank.gift:54  essay questions need a person to grade them");
    expect(yaml).toContain(
      "# sales-bank.gift:35 ::Percent::\n      # Simplified: partial-credit answers dropped: 31:1 (50 %)\n      - id: percent",
    );
    expect(yaml).toContain("# Moodle tags: pipeline, basics");
  });

  it("writes readable block-style YAML", () => {
    expect(yaml).not.toMatch(/\{ ?text:/);
    expect(parseYaml(yaml)).toMatchObject({
      title: "Sales bank",
      banks: [{ id: "default" }, { id: "pipeline" }, { id: "numbers" }],
    });
  });

  it("writes plain `questions:` when the file has no $CATEGORY, with ids that never take the quiz's own", () => {
    const result = importGift(
      "::Bank::Named like the quiz {T}\n\n::Q::Second {F}\n\n[html]<p>No <b>title</b></p>{T}\n",
      { file: "/x/bank.gift", quizFile: "quizzes/bank.yml", title: "Bank" },
    );
    expect(parseYaml(result.yaml!)).toEqual({
      title: "Bank",
      questions: [
        { id: "bank-2", type: "true-false", prompt: "Named like the quiz", answer: true },
        { id: "q", type: "true-false", prompt: "Second", answer: false },
        { id: "no-title", type: "true-false", prompt: "No **title**", answer: true },
      ],
    });
  });

  it("imports a question written on one line of 350 KB, and points at a mistake at its end", () => {
    const long = "word ".repeat(70_000);
    const result = importGift(`::Long::${long}{=right ~wrong}\n`, {
      file: "/x/long.gift",
      quizFile: "quizzes/bank.yml",
      title: "Long",
    });
    expect(result.diagnostics.errorCount).toBe(0);
    expect(parseYaml(result.yaml!).questions[0]).toMatchObject({ id: "long", type: "single" });
    const broken = importGift(`::Long::${long}{=right ~wrong\n`, {
      file: "/x/long.gift",
      quizFile: "quizzes/long.yml",
      title: "Long",
    });
    expect(broken.diagnostics.sorted().map((d) => `${d.line}:${d.col}`)).toEqual([
      `1:${"::Long::".length + long.length + 1}`,
    ]);
  });

  it("gives every one of thousands of untitled, identical questions its own id, and notes each one's line", () => {
    const count = 3000;
    const result = importGift(`${"Same question? {T}\n\n".repeat(count)}`, {
      file: "/x/same.gift",
      quizFile: "quizzes/same.yml",
      title: "Same",
    });
    const questions = (parseYaml(result.yaml!) as { questions: { id: string }[] }).questions;
    expect(questions.map((q) => q.id)).toEqual([
      "same-question",
      ...Array.from({ length: count - 1 }, (_, i) => `same-question-${i + 2}`),
    ]);
    expect(result.yaml).toContain(`# same.gift:${2 * count - 1}\n  - id: same-question-${count}\n`);
  });

  it("imports a file as Moodle exports it: escaped HTML, %100% weights, empty feedback, ID numbers and tags", async () => {
    const file = path.join(FIXTURES, "gift", "moodle-export.gift");
    const result = importGift(await readFile(file, "utf8"), {
      file,
      quizFile: "quizzes/objections.yml",
      title: "Objections",
    });
    expect(result.diagnostics.sorted().map((d) => formatDiagnostic(d, path.dirname(file)))).toEqual([
      'moodle-export.gift:10:2: warning: weights other than 100 % and 0 % dropped, these now count as wrong: "End the call" (-50 %)',
      "moodle-export.gift:37:1: warning: skipped: essay questions need a person to grade them; Coursepack quizzes are scored automatically",
    ]);
    const quiz = parseYaml(result.yaml!) as { banks: { id: string; questions: Record<string, unknown>[] }[] };
    expect(quiz.banks.map((b) => b.id)).toEqual(["objections"]);
    const [price, budget, discount, matching, silence] = quiz.banks[0]!.questions;
    expect(price).toEqual({
      id: "obj-1",
      type: "single",
      prompt: "A buyer says the offer is **too expensive**. What comes first?",
      choices: [
        {
          text: "Ask what they compare the price with",
          correct: true,
          feedback: "Yes: understand the comparison first.",
        },
        { text: "Offer a discount", feedback: "Too early." },
        { text: "End the call" },
      ],
      explanation: "Price objections are comparisons.",
    });
    expect(budget).toMatchObject({ type: "fill-in", answers: ["economic buyer", "the economic buyer"] });
    expect(discount).toMatchObject({
      type: "numeric",
      answer: 10,
      feedback: { correct: "Right.", incorrect: "Check the pricing policy." },
    });
    expect(matching).toMatchObject({
      type: "matching",
      pairs: [
        { source: "Too expensive", target: "Price" },
        { source: "Not now", target: "Timing" },
        { source: "Who are you?", target: "Trust" },
      ],
    });
    expect(silence).toMatchObject({
      type: "true-false",
      answer: true,
      feedback: { correct: "Yes.", incorrect: "It lets the buyer think." },
    });
  });

  it("imports a file saved with Windows line endings", async () => {
    const file = path.join(FIXTURES, "gift", "windows.gift");
    const text = await readFile(file, "utf8");
    expect(text).toContain("\r\n");
    const result = importGift(text, { file, quizFile: "quizzes/windows.yml", title: "Windows" });
    expect(result.yaml).toContain("# windows.gift:4 ::CRLF 2::");
    expect(parseYaml(result.yaml!).questions.map((q: { prompt: string }) => q.prompt)).toEqual([
      "Line endings\\\nfrom Windows",
      "Second",
    ]);
  });

  it("fails, writing nothing, when no question can be imported", () => {
    const result = importGift("Only an essay. {}\n", {
      file: "/x/essay.gift",
      quizFile: "quizzes/essay.yml",
      title: "Essay",
    });
    expect(result.yaml).toBeUndefined();
    expect(result.diagnostics.list.map((d) => `${d.line}:${d.col} ${d.severity}: ${d.message}`)).toEqual([
      "1:1 warning: skipped: essay questions need a person to grade them; Coursepack quizzes are scored automatically",
      "1:1 error: none of the questions could be imported (see the warnings)",
    ]);
  });
});

describe("coursepack import-gift", () => {
  let dir = "";

  beforeAll(async () => {
    dir = await courseWithQuiz(
      "title: placeholder\nquestions:\n  - { prompt: x, choices: [{ text: a, correct: true }, { text: b }] }\n",
    );
  });

  it("refuses to overwrite without --force, then imports, prints a summary, and the course builds", async () => {
    const refused = await coursepack(dir, "import-gift", BANK);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("quizzes/sales-bank.yml already exists; pass --force to overwrite it");
    expect(await readFile(path.join(dir, "quizzes", "sales-bank.yml"), "utf8")).toContain("placeholder");

    const imported = await coursepack(dir, "import-gift", BANK, "--force", "--title", "Sales onboarding");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`✓ Imported 13 questions from ${BANK} into quizzes/sales-bank.yml`);
    expect(imported.stdout).toMatch(/single\s+3\n/);
    expect(imported.stdout).toMatch(/numeric\s+3\n/);
    expect(imported.stdout).toMatch(/skipped\s+2 \(see the warnings above\)/);
    expect(imported.stderr).toMatch(/sales-bank\.gift:54:1: warning: skipped: essay/);
    expect(await readFile(path.join(dir, "quizzes", "sales-bank.yml"), "utf8")).toContain("title: Sales onboarding");

    const built = await runCoursepack(["build", dir, "--out", await tempDir("gift-dist")]);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/Built 1 package/);
  });

  it("exits 1 on parse errors with file:line:col and writes nothing", async () => {
    const gift = path.join(dir, "broken.gift");
    await writeFile(gift, "Fine {T}\r\n\r\nBroken {=a ~b\r\n\r\nAlso {#abc}\r\n");
    const failed = await coursepack(dir, "import-gift", "broken.gift", "--out", "quizzes/broken.yml");
    expect(failed.code).toBe(1);
    expect(failed.stderr.split("\n").filter(Boolean)).toEqual([
      "broken.gift:3:8: error: this answer block is never closed: add `}` after the answers (or write `\\{` for a literal brace)",
      'broken.gift:5:8: error: "abc" is not a number',
      "Import failed: 2 errors. Nothing was written.",
    ]);
    await expect(access(path.join(dir, "quizzes", "broken.yml"))).rejects.toThrow();
  });

  it("refuses a file that is not UTF-8, at its first byte that is not, or as UTF-16", async () => {
    await writeFile(path.join(dir, "latin1.gift"), Buffer.from("::Q1::Fine? {T}\n\n::Q2::Caf\xe9? {T}\n", "latin1"));
    const failed = await coursepack(dir, "import-gift", "latin1.gift");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      "latin1.gift:3:10: error: this file is not UTF-8: byte 0xE9 (byte 27 of the file) is not valid UTF-8, as in Latin-1 or Windows-1252 text;",
    );
    await writeFile(path.join(dir, "utf16.gift"), Buffer.from("\ufeffCaf\u00e9? {T}\n", "utf16le"));
    const utf16 = await coursepack(dir, "import-gift", "utf16.gift");
    expect(utf16.stderr).toContain("utf16.gift:1:1: error: this file is UTF-16, not UTF-8;");
  });
});
