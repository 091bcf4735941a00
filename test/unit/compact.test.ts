/** The compact question syntax gives the same questions as YAML, and precise errors. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCourse } from "../../src/compiler/pipeline.js";
import { Diagnostics, formatDiagnostic } from "../../src/compiler/diagnostics.js";
import { CompactSource, isCompact } from "../../src/compiler/questions/compact.js";
import { FIXTURES } from "../support/build.js";

function parse(text: string, line = 10) {
  const diagnostics = new Diagnostics();
  const source = new CompactSource("/course/lesson.md", text, diagnostics, line, 1);
  return { value: source.value, source, errors: diagnostics.list.map((d) => formatDiagnostic(d, "/course")) };
}

describe("compact question syntax", () => {
  it("is recognised by its ? prompt line", () => {
    expect(isCompact("id: x\n? What?\n(x) Yes")).toBe(true);
    expect(isCompact("id: x\nprompt: What?")).toBe(false);
  });

  it("reads single choice with per-choice feedback and an explanation", () => {
    const { value, errors } = parse(
      "id: q\n? Which?\n(x) This one\n> Because.\n> Really.\n( ) That one\n! Why it matters.",
    );
    expect(errors).toEqual([]);
    expect(value).toEqual({
      id: "q",
      type: "single",
      prompt: "Which?",
      explanation: "Why it matters.",
      choices: [
        { text: "This one", correct: true, feedback: "Because.\nReally." },
        { text: "That one", correct: false },
      ],
    });
  });

  it("reads every other answer kind", () => {
    expect(parse("? Pick\n[x] A\n[ ] B").value).toMatchObject({
      type: "multiple",
      choices: [{ correct: true }, { correct: false }],
    });
    expect(parse("? Term\n= one\n=  two words").value).toMatchObject({
      type: "fill-in",
      answers: ["one", "two words"],
    });
    expect(parse("? N\n# 42 ± 0.5").value).toMatchObject({ type: "numeric", answer: 42, tolerance: 0.5 });
    expect(parse("? N\n# 10..20").value).toMatchObject({ type: "numeric", min: 10, max: 20 });
    expect(parse("? M\n- a -> 1\n- b -> 2\n- -> 3").value).toMatchObject({
      type: "matching",
      pairs: [
        { source: "a", target: "1" },
        { source: "b", target: "2" },
      ],
      distractors: ["3"],
    });
    expect(parse("? S\n1. x\n2. y").value).toMatchObject({ type: "sequencing", items: ["x", "y"] });
    expect(parse("answer: true\n? T?").value).toMatchObject({ type: "true-false", answer: true });
    expect(parse("type: likert\n? L\n( ) lo\n( ) hi").value).toMatchObject({ type: "likert", scale: ["lo", "hi"] });
  });

  it("keeps a multi-line prompt", () => {
    expect(parse("? Maya's numbers:\n\n| a | b |\n|---|---|\n\nWhat now?\n(x) Coach\n( ) Wait").value.prompt).toBe(
      "Maya's numbers:\n\n| a | b |\n|---|---|\n\nWhat now?",
    );
  });

  it("reports mistakes at their line", () => {
    expect(parse("? Q\n(x) A\n= b").errors).toEqual([
      "lesson.md:12:1: error: this fill-in line cannot follow choice lines: a question has one kind of answer",
    ]);
    expect(parse("? Q\n> orphan\n(x) A").errors).toEqual([
      "lesson.md:11:1: error: feedback line (>) must follow a choice line such as `(x) …`",
    ]);
    expect(parse("? Q\n# lots").errors).toEqual([
      "lesson.md:11:1: error: numeric answer must look like `# 42`, `# 42 ± 0.5` or `# 10..20`",
    ]);
  });

  it("points schema errors at the compact line that caused them", async () => {
    const { source } = parse("? Q\n(x) A\n( ) B\n(x) C");
    expect(source.position(["choices", 2, "text"])).toMatchObject({ line: 13, col: 5 });
  });

  it("builds a course that mixes compact and YAML questions", async () => {
    const { data } = await checkCourse(path.join(FIXTURES, "courses", "compact"));
    const q = data.questions;
    expect(q["kc-conversion"]).toMatchObject({
      type: "single",
      graded: false,
      choices: [{ correct: true }, { correct: false }],
    });
    expect(q["coverage-term"]).toMatchObject({ type: "fill-in", answers: ["pipeline coverage", "coverage ratio"] });
    expect(q["coverage-maths"]).toMatchObject({ type: "numeric", min: 290, max: 310 });
    expect(q["coaching-aims"]).toMatchObject({
      type: "matching",
      distractors: [{ text: "Reviews last year’s bonus" }],
    });
    expect(q["call-order"]).toMatchObject({
      type: "sequencing",
      items: [{ text: "Observe" }, { text: "Diagnose" }, { text: "Agree an action" }],
    });
    expect(q.confidence).toMatchObject({
      type: "likert",
      graded: false,
      scale: [{ text: "Not yet" }, { text: "Getting there" }, { text: "Ready" }],
    });
    expect(q["yaml-too"]).toMatchObject({ type: "true-false", answer: true });
    expect(Object.keys(q)).toHaveLength(9);
  });
});
