/** GIFT → Coursepack questions: each mapping, each simplification reported, each skip explained. */
import { describe, expect, it } from "vitest";
import type { Converted } from "../../src/importers/gift/convert.js";
import { convertQuestion } from "../../src/importers/gift/convert.js";
import { escapeMarkdown, htmlToMarkdown } from "../../src/importers/gift/markdown.js";
import { parseGift } from "../../src/importers/gift/parse.js";
import { bankIdOf } from "../../src/importers/gift/quiz-file.js";

function convert(text: string): { result: Converted; notes: string[] } {
  const parsed = parseGift(text);
  expect(parsed.errors).toEqual([]);
  expect(parsed.questions).toHaveLength(1);
  const notes: string[] = [];
  const result = convertQuestion(parsed.questions[0]!, (_at, message) => notes.push(message));
  return { result, notes };
}

/** Converts a question that must come through without any note. */
function exact(text: string): Record<string, unknown> {
  const { result, notes } = convert(text);
  expect(notes).toEqual([]);
  if ("skipped" in result) throw new Error(`skipped: ${result.skipped}`);
  return result.question;
}

function skipped(text: string): string {
  const { result } = convert(text);
  if (!("skipped" in result)) throw new Error(`converted: ${JSON.stringify(result.question)}`);
  return result.skipped;
}

describe("GIFT → Coursepack question types", () => {
  it("multiple choice with one = → single, with per-choice feedback and general feedback as explanation", () => {
    expect(exact("Who? {=Grant #Yes. ~Lee #No. ####Grant's tomb.}")).toEqual({
      type: "single",
      prompt: "Who?",
      choices: [
        { text: "Grant", correct: true, feedback: "Yes." },
        { text: "Lee", feedback: "No." },
      ],
      explanation: "Grant's tomb.",
    });
  });

  it("missing word → the prompt with a visible blank", () => {
    expect(exact("Grant is {~buried =entombed ~living} in Grant's tomb.")).toMatchObject({
      type: "single",
      prompt: "Grant is _____ in Grant's tomb.",
    });
    expect(exact("Two plus {=two =2} equals four.")).toMatchObject({
      type: "fill-in",
      prompt: "Two plus _____ equals four.",
    });
  });

  it("percentage answers → multiple with partial credit; an equal split with matching penalties is exact", () => {
    expect(exact("Which? {~%50%a ~%50%b ~%-50%c #No.}")).toEqual({
      type: "multiple",
      prompt: "Which?",
      partialCredit: true,
      choices: [
        { text: "a", correct: true },
        { text: "b", correct: true },
        { text: "c", feedback: "No." },
      ],
    });
    expect(exact("Which? {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-33.33333%d}")).toMatchObject({ type: "multiple" });
  });

  it("unequal weights and other penalties are simplified and reported", () => {
    const { result, notes } = convert("Which? {~%70%a ~%30%b ~c ~%-100%d}");
    expect(result).toMatchObject({ question: { type: "multiple", partialCredit: true } });
    expect(notes).toEqual([
      'weights "a" 70 %, "b" 30 % become an equal split: each right choice is worth 50 %',
      'each wrong choice picked takes away 50 % in Coursepack; the GIFT weights were "c" 0 %, "d" -100 %',
    ]);
  });

  it("single choice with partial-credit distractors keeps the right answer and reports the dropped credit", () => {
    const { result, notes } = convert("Which? {=a ~%50%b ~c}");
    expect(result).toMatchObject({
      question: { type: "single", choices: [{ text: "a", correct: true }, { text: "b" }, { text: "c" }] },
    });
    expect(notes).toEqual(['weights other than 100 % and 0 % dropped, these now count as wrong: "b" (50 %)']);
    expect(skipped("Which? {=a =b ~c}")).toBe(
      "2 answers are worth 100 %, and a single-choice question has exactly one right answer",
    );
    expect(skipped("Which? {~a ~b}")).toBe("no answer has a positive weight, so none is right");
  });

  it("true/false → true-false with right and wrong feedback", () => {
    expect(exact("Sky is green. {F#It is blue.#Right, it is not.####Rayleigh.}")).toEqual({
      type: "true-false",
      prompt: "Sky is green.",
      answer: false,
      feedback: { correct: "Right, it is not.", incorrect: "It is blue." },
      explanation: "Rayleigh.",
    });
  });

  it("short answer → fill-in, case-insensitive (our default, as Moodle's), duplicates by case merged", () => {
    expect(exact("Capital of France? {=Paris =paris =Lutetia}")).toEqual({
      type: "fill-in",
      prompt: "Capital of France?",
      answers: ["Paris", "Lutetia"],
    });
    expect(exact("Capital? {=Paris#Oui.}")).toMatchObject({ feedback: { correct: "Oui." } });
  });

  it("fill-in: partial credit, wildcards and wrong-answer feedback are reported; no full answer left → skipped", () => {
    const { result, notes } = convert("Colour? {=blue =%50%azure =bl*e =%0%red#Not red.}");
    expect(result).toMatchObject({ question: { answers: ["blue"] } });
    expect(notes).toEqual([
      'answers with Moodle\'s * wildcard dropped (Coursepack compares whole answers): "bl*e"',
      'partial-credit answers dropped: "azure" (50 %)',
      'feedback for specific wrong answers dropped: "red"',
    ]);
    expect(skipped("Colour? {=*}")).toBe("no answer earns full credit without a wildcard");
  });

  it("numeric → answer + tolerance, or min/max; only the first full-credit answer is kept", () => {
    expect(exact("Pi? {#3.14:0.01#Close enough.}")).toEqual({
      type: "numeric",
      prompt: "Pi?",
      answer: 3.14,
      tolerance: 0.01,
      feedback: { correct: "Close enough." },
    });
    expect(exact("Answer? {#42}")).toEqual({ type: "numeric", prompt: "Answer?", answer: 42 });
    expect(exact("Between? {#1..5}")).toEqual({ type: "numeric", prompt: "Between?", min: 1, max: 5 });
    const { result, notes } = convert("Born? {#=1822:0#Yes =1822.5:0 =%50%1822:2 ~#Check a book.}");
    expect(result).toMatchObject({
      question: { answer: 1822, feedback: { correct: "Yes", incorrect: "Check a book." } },
    });
    expect(notes).toEqual([
      "only the first full-credit answer (1822) is kept; dropped: 1822.5",
      "partial-credit answers dropped: 1822:2 (50 %)",
    ]);
    expect(skipped("Range? {#5..1}")).toContain("min (5) is larger than max (1)");
  });

  it("matching → pairs and distractors; a repeated match cannot be expressed and is reported", () => {
    expect(exact("Match {=cat -> cat food =dog -> dog food = -> fish food}")).toEqual({
      type: "matching",
      prompt: "Match",
      pairs: [
        { source: "cat", target: "cat food" },
        { source: "dog", target: "dog food" },
      ],
      distractors: ["fish food"],
    });
    const { result, notes } = convert("Class {=cat -> mammal =dog -> mammal =trout -> fish}");
    expect(result).toMatchObject({ question: { pairs: [{ source: "cat" }, { source: "trout" }] } });
    expect(notes).toEqual([
      'pairs dropped because their match is already used (Coursepack matches each target to one item): "dog" -> "mammal"',
    ]);
  });

  it("skips essays, descriptions and questions without text, saying why (and only why)", () => {
    expect(skipped("Discuss. {}")).toMatch(/^essay questions need a person/);
    const { notes } = convert("[html]<p><u>Two</u> right answers</p> {=a =b ~c}");
    expect(notes).toEqual([]);
    expect(skipped("Just some text.")).toMatch(/description/);
    expect(skipped("{=a ~b}")).toBe("the question has no text");
  });

  it("skips what our schema refuses instead of writing a file that would not build", () => {
    const many = Array.from({ length: 27 }, (_, i) => `~c${i}`).join(" ");
    expect(skipped(`Pick {=right ${many}}`)).toMatch(
      /^it would not be a valid single question: choices allows at most 26 choices/,
    );
  });
});

describe("GIFT text → Markdown", () => {
  it("escapes plain and Moodle text only where Markdown would misread it", () => {
    expect(escapeMarkdown("3 * 4 and 2*3*4, snake_case, _under_ `tick` [a](b) <b>")).toBe(
      "3 * 4 and 2\\*3\\*4, snake_case, \\_under\\_ \\`tick\\` \\[a](b) \\<b>",
    );
    expect(escapeMarkdown("# not a heading\n1. not a list\n- nor this\n> nor a quote")).toBe(
      "\\# not a heading\n1\\. not a list\n\\- nor this\n\\> nor a quote",
    );
    expect(escapeMarkdown("C:\\path\\to")).toBe("C:\\path\\to");
    expect(escapeMarkdown("\\(x\\)")).toBe("\\\\(x\\\\)");
  });

  it("keeps line breaks of Moodle and plain text, and markdown text as it is", () => {
    expect(exact("Line one\nline two {T}").prompt).toBe("Line one\\\nline two");
    expect(exact("Tab\\nbreak {T}").prompt).toBe("Tab\\\nbreak");
    expect(exact("[markdown]Is **this** _right_? {T}").prompt).toBe("Is **this** _right_?");
    expect(exact("[plain]Is <b>this</b> 2*3? {T}").prompt).toBe("Is \\<b>this\\</b> 2\\*3?");
  });

  it("turns the HTML Markdown can say into Markdown", () => {
    expect(
      htmlToMarkdown(
        '<p>A <b>bold</b> and <em>italic</em> <code>x</code>&nbsp;&amp; <a href="https://example.com">link</a>.</p><p>Two<br>lines</p>',
      ),
    ).toEqual({
      markdown: "A **bold** and *italic* `x`\u00a0& [link](<https://example.com>).\n\nTwo\\\nlines",
      lost: [],
    });
    expect(htmlToMarkdown("<ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul>").markdown).toBe(
      "- one\n- two\n  1. inner",
    );
    expect(htmlToMarkdown('<p dir="ltr" style="text-align: left;"><strong> spaced </strong>x</p>')).toEqual({
      markdown: "**spaced** x",
      lost: [],
    });
  });

  it("lists what HTML could not be carried over", () => {
    const { markdown, lost } = htmlToMarkdown(
      '<p>See <img src="@@PLUGINFILE@@/chart.png" alt="the chart"> <u>now</u> <span style="color:red">red</span><script>alert(1)</script> <a href="view.php?id=3">there</a></p>',
    );
    expect(markdown).toBe("See the chart now red there");
    expect(lost).toEqual([
      'image "@@PLUGINFILE@@/chart.png"',
      "<u> formatting",
      "text styles (colour, font)",
      "<script> content",
      'link to "view.php?id=3"',
    ]);
  });

  it("flattens tables into lines, reported once", () => {
    expect(htmlToMarkdown("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")).toEqual({
      markdown: "a b\n\nc",
      lost: ["table layout"],
    });
  });

  it("reports simplified HTML of a question as a note", () => {
    const { result, notes } = convert("[html]<p>Which <u>one</u>?</p> {=<b>a</b> ~b}");
    expect(result).toMatchObject({
      question: { prompt: "Which one?", choices: [{ text: "**a**", correct: true }, { text: "b" }] },
    });
    expect(notes).toEqual(["HTML simplified to Markdown; not carried over: <u> formatting"]);
    // Moodle auto-format text counts as HTML once it has tags.
    expect(exact("Is <i>this</i> HTML? {T}").prompt).toBe("Is *this* HTML?");
  });
});

describe("$CATEGORY → bank ids", () => {
  it("drops Moodle's context, top and 'Default for' levels", () => {
    expect(bankIdOf("$course$/top/Default for Sales 101/Pipeline/Stages")).toBe("pipeline-stages");
    expect(bankIdOf("$system$/top/Compliance")).toBe("compliance");
    expect(bankIdOf("Sales/Objections")).toBe("sales-objections");
    expect(bankIdOf("$course$/top")).toBe("default");
    expect(bankIdOf("2024 intake")).toBe("x-2024-intake");
  });
});
