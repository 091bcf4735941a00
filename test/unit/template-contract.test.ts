/**
 * render/contract.ts: a course's own layout, lesson, quiz, question and results templates must keep
 * what the player finds the page by (results.hbs is included as a partial). Copies of Coursepack's
 * own templates keep it all; each one that leaves something out fails the build at that template,
 * with what to keep.
 */
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BuildFailed, formatDiagnostic } from "../../src/compiler/diagnostics.js";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { BLOCKS } from "../../src/compiler/blocks/index.js";
import { questionKinds } from "../../src/compiler/questions/index.js";
import { CONTRACT } from "../../src/compiler/render/contract.js";
import { renderCourse } from "../../src/compiler/render/index.js";
import { FIXTURES, ROOT, tempDir } from "../support/build.js";

const QUESTION_TEMPLATES = [...new Set(Object.values(questionKinds).map((kind) => kind.template))];
/** The templates of the blocks the runtime drives (those with data to track). */
const BLOCK_TEMPLATES = [
  ...new Set(
    Object.values(BLOCKS)
      .filter((kind) => kind.data)
      .map((kind) => `blocks/${kind.template}`),
  ),
];
const CONTRACTED = ["layout", "lesson", "quiz", "question", "results", ...QUESTION_TEMPLATES];

/**
 * A copy of a fixture course with templates of its own: all-types has every question type, blocks
 * every block.
 */
async function courseWith(
  templates: Record<string, (ours: string) => string>,
  fixture: "all-types" | "blocks" = "all-types",
): Promise<string> {
  const dir = await tempDir("contract");
  await cp(path.join(FIXTURES, "courses", fixture), dir, { recursive: true });
  for (const folder of ["questions", "blocks"]) await mkdir(path.join(dir, "templates", folder), { recursive: true });
  for (const [name, edit] of Object.entries(templates)) {
    const ours = await readFile(path.join(ROOT, "templates", `${name}.hbs`), "utf8");
    await writeFile(path.join(dir, "templates", `${name}.hbs`), edit(ours));
  }
  return dir;
}

async function renderErrors(dir: string): Promise<string[]> {
  const { model, templates, data } = await checkCourse(dir, ["web"]);
  try {
    await renderCourse(model, templates, data);
    return [];
  } catch (error) {
    if (!(error instanceof BuildFailed)) throw error;
    return error.diagnostics.sorted().map((d) => formatDiagnostic(d, dir));
  }
}

describe("the templates a course replaces", () => {
  it("include every question type's and interactive block's template in the contract", () => {
    for (const template of [...QUESTION_TEMPLATES, ...BLOCK_TEMPLATES])
      expect(CONTRACT[template], template).toBeDefined();
  });

  it("render every block when they are copies of Coursepack's own, and name a block's missing hook", async () => {
    const same = Object.fromEntries(BLOCK_TEMPLATES.map((name) => [name, (ours: string) => ours]));
    expect(await renderErrors(await courseWith(same, "blocks"))).toEqual([]);
    const broken = await courseWith(
      { ...same, "blocks/media": (ours) => ours.replaceAll(" data-media>", ">") },
      "blocks",
    );
    expect((await renderErrors(broken)).map((e) => e.replace(/ \(Coursepack's own .*$/, ""))).toEqual([
      "templates/blocks/media.hbs:1:1: error: this template must write data-media on the <video> or <audio>: the player measures how much was played by it; a required one is done when enough was",
    ]);
  });

  it("render when they are copies of Coursepack's own", async () => {
    const same = Object.fromEntries(CONTRACTED.map((name) => [name, (ours: string) => ours]));
    expect(await renderErrors(await courseWith(same))).toEqual([]);
  });

  it("fail the build at the template that leaves out what the player needs", async () => {
    const dir = await courseWith({
      layout: (ours) => ours.replace('<script src="coursepack.js"></script>', ""),
      lesson: (ours) => ours.replace('data-page="{{id}}"', ""),
      quiz: (ours) => ours.replaceAll('data-quiz-action="submit"', 'data-quiz-action="send"'),
      question: (ours) => ours.replace("{{{body}}}", ""),
      results: (ours) => ours.replace('data-action="exit"', ""),
      "questions/matching": (ours) => ours.replace('data-source="{{id}}"', ""),
    });
    const errors = await renderErrors(dir);
    expect(errors.map((e) => e.replace(/ \(Coursepack's own .*$/, ""))).toEqual([
      'templates/layout.hbs:1:1: error: this template must write <script src="coursepack.js"></script>: it is the player, without which nothing reacts to the learner and nothing reaches the LMS',
      'templates/lesson.hbs:1:1: error: this template must write <section class="page" id="page-{{id}}" data-page="{{id}}"> around the page: the player shows one page at a time and finds each by it',
      "templates/question.hbs:1:1: error: this template must write {{{body}}}: it holds the answer options",
      'templates/questions/matching.hbs:1:1: error: this template must write data-source="{{id}}" on each of {{#each rows}}: the quiz reads which option the learner matched with each row by it',
      'templates/quiz.hbs:1:1: error: this template must write data-quiz-action="submit": the learner submits the answers, and the score is sent, with it',
      'templates/results.hbs:1:1: error: this template must write <button data-action="exit">: the learner leaves the course with it, and the LMS is told the session is over',
    ]);
    expect(errors[0]).toMatch(/\(Coursepack's own layout\.hbs, in templates\/ of its package, shows where\)$/);
  });
});
