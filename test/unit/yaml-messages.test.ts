/**
 * load/yaml-source.ts words the yaml library's errors for authors and places them where the fix
 * goes; only a file's first syntax error is reported, since the library's later ones follow from it.
 */
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/compiler/diagnostics.js";
import { YamlSource } from "../../src/compiler/load/yaml-source.js";

function problems(text: string): string[] {
  const diagnostics = new Diagnostics();
  new YamlSource("f.yml", text, diagnostics);
  return diagnostics.list.map((d) => `${d.line}:${d.col} ${d.message}`);
}

describe("YAML mistakes", () => {
  it("are placed where the fix goes, and say what to do", () => {
    expect(problems("id: x\nlist: [a, b\nother: 1\n")).toEqual([
      "2:7 this […] is never closed: add the ] at its end, or write each item on a line of its own",
    ]);
    expect(problems("a: {x: 1\nb: 2\n")).toEqual([
      "1:4 this {…} is never closed: add the } at its end, or write each item on a line of its own",
    ]);
    expect(problems("title: Step 1: find the gap\n")).toEqual([
      '1:8 this value holds ": ", which YAML reads as another key: put the value in quotes',
    ]);
    expect(problems("a: 1\n  b: 2\nc: 3\n")).toEqual([
      "1:4 a key is indented under a key that already has a value: indent it like its neighbours, or move the value onto lines of its own",
    ]);
    expect(problems("a:\n\t- x\n")).toEqual(["2:1 a tab indents this line: YAML needs spaces"]);
  });

  it("are reported once for a syntax error, and every time for a duplicate key", () => {
    expect(problems("- a\nb: 1\n")).toEqual([
      "2:1 YAML cannot read on from here (Unexpected scalar at node end): check this line's indentation against the lines above",
    ]);
    expect(problems("a: 1\na: 2\nb: [1\nc: 1\nc: 2\n")).toEqual([
      '2:1 duplicate key "a": each key may appear once; remove or merge one of them',
      "3:4 this […] is never closed: add the ] at its end, or write each item on a line of its own",
      '5:1 duplicate key "c": each key may appear once; remove or merge one of them',
    ]);
  });
});
