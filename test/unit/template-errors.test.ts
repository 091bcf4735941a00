/**
 * Handlebars' errors placed in the template (render/template-errors.ts): its parser reports a line
 * and an excerpt without newlines, and the column is found from the excerpt.
 */
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { templateProblem } from "../../src/compiler/render/template-errors.js";

function problem(source: string) {
  try {
    Handlebars.precompile(source);
  } catch (error) {
    return templateProblem(error as Error, source);
  }
  throw new Error("the template compiled");
}

describe("a template Handlebars cannot read", () => {
  it("is placed at the unexpected text, on its own line", () => {
    expect(problem("<section>{{#if title}}\n<h1>{{title}</h1>\n</section>\n")).toEqual({
      line: 2,
      col: 12,
      message: 'Handlebars cannot read "}</h1>" here',
    });
    const long = `${"a".repeat(40)}\n${"b".repeat(25)} {{x y=}} ${"c".repeat(30)}`;
    expect(problem(long)).toMatchObject({ line: 2, col: 33 });
    expect(problem("\r\n\r\n  {{foo bar=}}")).toMatchObject({ line: 3, col: 13 });
  });

  it("names a block closed by another, and a template that ends inside one", () => {
    expect(problem("{{#each items}}\n  <li>{{name}}</li>\n{{/if}}\n")).toEqual({
      line: 1,
      col: 4,
      message: "{{#each}} is closed by {{/if}}",
    });
    expect(problem("a\n{{#if x}}\nb")).toMatchObject({
      line: 3,
      message: "the template ends inside a {{…}} expression or an open block",
    });
  });
});
