/** The GIFT parser: every construct of Moodle's format, escapes, and errors at their exact position. */
import { describe, expect, it } from "vitest";
import type { GiftQuestion } from "../../src/importers/gift/ast.js";
import { BLANK } from "../../src/importers/gift/ast.js";
import { parseGift } from "../../src/importers/gift/parse.js";
import { LineIndex } from "../../src/shared/line-index.js";
import { normalizeSource } from "../../src/importers/gift/source.js";

function parse(text: string): GiftQuestion[] {
  const result = parseGift(normalizeSource(text));
  expect(result.errors).toEqual([]);
  return result.questions;
}

function one<K extends GiftQuestion["kind"]>(text: string, kind: K): Extract<GiftQuestion, { kind: K }> {
  const [q, ...rest] = parse(text);
  expect(rest).toEqual([]);
  expect(q?.kind).toBe(kind);
  return q as Extract<GiftQuestion, { kind: K }>;
}

/** Each error as `line:col message`. */
function errors(text: string): string[] {
  const source = normalizeSource(text);
  const lines = new LineIndex(source);
  return parseGift(source).errors.map((e) => {
    const { line, col } = lines.position(e.at);
    return `${line}:${col} ${e.message}`;
  });
}

describe("GIFT structure", () => {
  it("separates questions by blank lines, skips comment lines and keeps titles", () => {
    const qs = parse("// a comment\n::Q1:: One? {T}\n\n\n// another\n::Q2::Two?\n{F}\n");
    expect(qs.map((q) => [q.kind, q.title, q.stem.text])).toEqual([
      ["true-false", "Q1", "One?"],
      ["true-false", "Q2", "Two?"],
    ]);
  });

  it("reads Moodle's [id:…] and [tag:…] comment lines", () => {
    const q = one("// question: 12  name: x\n// [id:SALES-7] [tag:pipeline] [tag:q\\]3]\n::x::Text {T}", "true-false");
    expect(q.idNumber).toBe("SALES-7");
    expect(q.tags).toEqual(["pipeline", "q]3"]);
  });

  it("stamps the $CATEGORY in force on each question, and reads a question right after the category line", () => {
    const qs = parse("A? {T}\n\n$CATEGORY: $course$/top/Sales\n\nB? {T}\n\n$CATEGORY: Other\nC? {F}");
    expect(qs.map((q) => q.category)).toEqual([undefined, "$course$/top/Sales", "Other"]);
  });

  it("treats Windows and old Mac line endings and a byte-order mark like Unix text", () => {
    const text = "\uFEFF::A::First\r\nline {T}\r\n\r\n::B::Second {F}\r\r::C::Third {T}";
    const qs = parse(text);
    expect(qs.map((q) => [q.title, q.stem.text])).toEqual([
      ["A", "First\nline"],
      ["B", "Second"],
      ["C", "Third"],
    ]);
    const source = normalizeSource(text);
    expect(new LineIndex(source).position(qs[1]!.at)).toEqual({ line: 4, col: 1 });
  });

  it("reads [markdown], [html], [plain] and [moodle] text formats; answers default to the question's format", () => {
    const q = one("[html]<b>Bold</b> question {=[plain]<i>plain</i> #[markdown]**fb** ~other}", "choice");
    expect(q.stem).toMatchObject({ format: "html", text: "<b>Bold</b> question" });
    expect(q.answers[0]!.text).toMatchObject({ format: "plain", text: "<i>plain</i>" });
    expect(q.answers[0]!.feedback).toMatchObject({ format: "markdown", text: "**fb**" });
    expect(q.answers[1]!.text.format).toBe("html");
    expect(one("No prefix {T}", "true-false").stem.format).toBe("moodle");
    expect(one("[unknown]stays {T}", "true-false").stem.text).toBe("[unknown]stays");
  });

  it("resolves escapes of ~ = # { } : \\ and \\n before reading the syntax", () => {
    const q = one("::Esc\\:aped::1 \\= 1\\: \\{yes\\} \\~ \\# a\\\\b\\nnext {=a\\=b \\# c #fb\\~ ~d\\{}", "choice");
    expect(q.title).toBe("Esc:aped");
    expect(q.stem.text).toBe("1 = 1: {yes} ~ # a\\b\nnext");
    expect(q.answers.map((a) => a.text.text)).toEqual(["a=b # c", "d{"]);
    expect(q.answers[0]!.feedback?.text).toBe("fb~");
    // A backslash before anything else is kept, as Moodle keeps it.
    expect(one("\\(x\\) {T}", "true-false").stem.text).toBe("\\(x\\)");
  });
});

describe("GIFT question types", () => {
  it("multiple choice: = right, ~ wrong, # feedback, #### general feedback", () => {
    const q = one("Who? {=Grant #yes ~Lee #no ~Sherman ####General.}", "choice");
    expect(q.single).toBe(true);
    expect(q.answers.map((a) => [a.text.text, a.weight, a.feedback?.text])).toEqual([
      ["Grant", 100, "yes"],
      ["Lee", 0, "no"],
      ["Sherman", 0, undefined],
    ]);
    expect(q.generalFeedback?.text).toBe("General.");
  });

  it("multiple answers with percentages, including negative and decimal weights", () => {
    const q = one("Which? {~%50%a ~%50%b ~%-100%c ~%33.33333%d}", "choice");
    expect(q.single).toBe(false);
    expect(q.answers.map((a) => a.weight)).toEqual([50, 50, -100, 33.33333]);
  });

  it("true/false: T, TRUE, F, FALSE with wrong/right feedback; lower case is a short answer, as in Moodle", () => {
    expect(one("A {T}", "true-false").answer).toBe(true);
    expect(one("A {TRUE}", "true-false").answer).toBe(true);
    expect(one("A {F}", "true-false").answer).toBe(false);
    const q = one("A {FALSE#Not true.#Right.####Because.}", "true-false");
    expect([q.answer, q.wrongFeedback?.text, q.rightFeedback?.text, q.generalFeedback?.text]).toEqual([
      false,
      "Not true.",
      "Right.",
      "Because.",
    ]);
    expect(one("A {true}", "short").answers[0]!.text.text).toBe("true");
  });

  it("short answer: several = answers, percentages, feedback, and a bare {answer}", () => {
    const q = one("Two plus two? {=four =4 #digits =%50%for #typo}", "short");
    expect(q.answers.map((a) => [a.text.text, a.weight, a.feedback?.text])).toEqual([
      ["four", 100, undefined],
      ["4", 100, "digits"],
      ["for", 50, "typo"],
    ]);
    expect(one("Capital of France? {Paris}", "short").answers[0]!.weight).toBe(100);
  });

  it("matching: =item -> match, with extra matches that pair with nothing", () => {
    const q = one("Match {=cat -> cat food =dog->dog food = -> fish food ####Done.}", "matching");
    expect(q.pairs.map((p) => [p.source.text, p.target])).toEqual([
      ["cat", "cat food"],
      ["dog", "dog food"],
      ["", "fish food"],
    ]);
    expect(q.generalFeedback?.text).toBe("Done.");
  });

  it("numeric: answer, answer:tolerance, min..max, several =%n% answers and a catch-all ~#feedback", () => {
    expect(one("N {#42}", "numeric").answers[0]!.value).toEqual({ answer: 42, tolerance: 0 });
    expect(one("N {#3.14:0.01#close}", "numeric").answers[0]).toMatchObject({
      value: { answer: 3.14, tolerance: 0.01 },
      feedback: { text: "close" },
    });
    expect(one("N {#-5..-1.5}", "numeric").answers[0]!.value).toEqual({ min: -5, max: -1.5 });
    expect(one("N {#1e3}", "numeric").answers[0]!.value).toEqual({ answer: 1000, tolerance: 0 });
    const q = one("When? {#\n=1822:0 #Exactly\n=%50%1822:2 #Close\n~#Look it up\n}", "numeric");
    expect(q.answers.map((a) => [a.value, a.weight, a.feedback?.text])).toEqual([
      [{ answer: 1822, tolerance: 0 }, 100, "Exactly"],
      [{ answer: 1822, tolerance: 2 }, 50, "Close"],
    ]);
    expect(q.wrongFeedback?.text).toBe("Look it up");
  });

  it("essay {} and description (no answer block)", () => {
    expect(one("Tell us about it. {}", "essay").stem.text).toBe("Tell us about it.");
    expect(one("Tell us about it. {####Graded by hand.}", "essay").generalFeedback?.text).toBe("Graded by hand.");
    expect(one("::Intro::Read this first.", "description").stem.text).toBe("Read this first.");
  });

  it("missing word: text after the answer block puts a blank where the block was", () => {
    const q = one("Grant is {~buried =entombed ~living} in Grant's tomb.", "choice");
    expect(q.stem.text).toBe(`Grant is ${BLANK} in Grant's tomb.`);
    expect(one("Who is buried here?{=Grant ~Lee}", "choice").stem.text).toBe("Who is buried here?");
    // A block on its own line still leaves the blank inside the sentence.
    expect(one("The sky is\n{=blue}\ntoday.", "short").stem.text).toBe(`The sky is ${BLANK} today.`);
    expect(one("{=Two} plus two is four.", "short").stem.text).toBe(`${BLANK} plus two is four.`);
  });
});

describe("GIFT errors", () => {
  it("reports every broken question with its line and column, not only the first", () => {
    const text = [
      "::Unclosed title Which? {=a ~b}", // 1
      "",
      "Missing close {=a ~b", // 3
      "",
      "Stray } brace {=a}", // 5
      "",
      "Fine {T}", // 7
      "",
      "Two blocks {=a ~b} and {=c ~d}", // 9
      "",
      "Nested {=a {~b}}", // 11
    ].join("\n");
    expect(errors(text)).toEqual([
      "1:1 the question title is never closed: write it as `::Title::` before the question text",
      "3:15 this answer block is never closed: add `}` after the answers (or write `\\{` for a literal brace)",
      "5:7 `}` closes no answer block; write `\\}` for a literal brace",
      "9:24 a question has one answer block: put a blank line between two questions, or write `\\{` `\\}` for literal braces",
      "11:12 `{` inside an answer block: close the block first with `}`, or write `\\{` for a literal brace",
    ]);
  });

  it("refuses what Moodle refuses: too few answers, bad numbers, matching without ->", () => {
    expect(errors("One choice {~only}")).toEqual([
      "1:12 a multiple-choice question needs at least 2 answers (`=right ~wrong`)",
    ]);
    expect(errors("N {#3,14}")).toEqual(['1:5 "3,14" is not a number (write 3.14)']);
    expect(errors("N {#1..x}")).toEqual(['1:8 "x" is not a number']);
    expect(errors("N {#5:-1}")).toEqual(["1:7 the margin after `:` must not be negative"]);
    expect(errors("N {#}")).toEqual([
      "1:3 a numeric question needs an answer after `#`, e.g. `{#42}`, `{#3.14:0.01}` or `{#1..5}`",
    ]);
    expect(errors("M {=a -> 1 =b}")).toEqual([
      "1:12 each matching answer is written `=item -> match`; this one has no `->`",
    ]);
    expect(errors("M {=a -> 1}")).toEqual(["1:3 a matching question needs at least 2 answers (`=item -> match`)"]);
    expect(errors("W {~%150%a ~b}")).toEqual(["1:5 answer weight 150 % is outside -100 %..100 %"]);
    expect(errors("E {= ~b}")).toEqual(["1:4 this answer is empty"]);
    expect(errors("$CATEGORY:")).toEqual(["1:1 `$CATEGORY:` needs a category name, e.g. `$CATEGORY: Sales/Pipeline`"]);
  });

  it("counts columns in characters on CRLF files, and escapes do not shift later positions", () => {
    expect(errors("A {T}\r\n\r\n\\{x\\} then } oops")).toEqual([
      "3:12 `}` closes no answer block; write `\\}` for a literal brace",
    ]);
  });
});

describe("GIFT robustness", () => {
  it("never throws on odd input, and every error points inside the file", async () => {
    const { importGift } = await import("../../src/importers/gift/index.js");
    const pieces = [
      "{",
      "}",
      "=",
      "~",
      "#",
      "####",
      "->",
      "%50%",
      "%-100%",
      "::",
      "\\",
      ":",
      "..",
      "$CATEGORY:",
      "//",
      "[html]",
      "<b>",
      "1",
      "2.5",
      "T",
      "word",
      " ",
      "\n",
      "\n\n",
      "\r\n",
      "\uFDD0",
    ];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const inputs = [
      "",
      "// only a comment",
      "::",
      "{",
      "}",
      "{#..}",
      "{#1..}",
      "{~}",
      "{=}",
      "{->}",
      "{=a->}",
      "{T#}",
      "Q {=a -> b = -> c}",
    ];
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const some = (list: string[], max: number) =>
      Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)).join("");
    for (let i = 0; i < 1500; i++) inputs.push(some(pieces, 14));
    // Question-shaped input, so most of it reaches the converter and the YAML writer.
    const answer = () =>
      `${pick(["=", "~", "~%50%", "=%25%", "~%-100%", "="])}${some(["a", "b", "1", "2..3", "4:1", " -> x", "<i>i</i>", "\\#", "*"], 3)}${pick(["", "#fb", "#[html]<b>fb</b>"])}`;
    for (let i = 0; i < 1500; i++) {
      const block =
        pick(["", "#", "#=", "T", "FALSE#w#r"]) +
        Array.from({ length: Math.floor(random() * 5) }, answer).join(" ") +
        pick(["", "####gf"]);
      inputs.push(
        `${pick(["", "::T::", "// [id:x]\n"])}${pick(["Q", "[html]<p>Q</p>", "[markdown]**Q**"])} {${block}}${pick(["", " tail."])}`,
      );
    }
    let written = 0;
    for (const text of inputs) {
      const result = importGift(text, { file: "/x/fuzz.gift", quizFile: "quizzes/fuzz.yml", title: "Fuzz" });
      const lines = normalizeSource(text).split("\n");
      for (const d of result.diagnostics.list) {
        expect(d.line, text).toBeLessThanOrEqual(lines.length);
        expect(d.col, text).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 1);
      }
      expect(result.yaml === undefined, text).toBe(result.diagnostics.errorCount > 0);
      if (result.yaml) written++;
    }
    // The inputs reach the converter and the YAML writer too, not only the parser's errors.
    expect(written).toBeGreaterThan(300);
  });
});
