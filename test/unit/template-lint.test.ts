/**
 * render/template-lint.ts: the partials and helpers a course's own template names, checked before
 * rendering; Coursepack's own templates pass the same check.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { checkTemplateUses } from "../../src/compiler/render/template-lint.js";
import { TEMPLATES_DIR } from "../../src/shared/node/paths.js";

const defaults = new Map(
  readdirSync(TEMPLATES_DIR, { recursive: true })
    .filter((f): f is string => typeof f === "string" && f.endsWith(".hbs"))
    .map((f) => [f.slice(0, -4).split(path.sep).join("/"), readFileSync(path.join(TEMPLATES_DIR, f), "utf8")]),
);
const partials = new Set(defaults.keys());
const helpers = new Set([...Object.keys(Handlebars.create().helpers), "t"]);
const uses = (source: string) => checkTemplateUses(Handlebars.parse(source), partials, helpers);

describe("the partials and helpers a template names", () => {
  it("are all there in Coursepack's own templates", () => {
    expect(defaults.size).toBeGreaterThan(20);
    for (const [name, source] of defaults) expect({ name, problems: uses(source) }).toEqual({ name, problems: [] });
  });

  it("are found missing wherever they are used, with their line and column", () => {
    const source = [
      "<h1>{{title}}</h1>{{> results}}{{> questions/essay}}",
      "{{#each items}}<li>{{formatDate due}}</li>{{/each}}",
      '{{#if (eq a b)}}{{t "next" n=(count items)}}{{/if}}',
    ].join("\n");
    expect(uses(source)).toEqual([
      {
        line: 1,
        col: 32,
        message: "{{> questions/essay}} names no template: add templates/questions/essay.hbs to the course",
      },
      {
        line: 2,
        col: 20,
        message: '"formatDate" is no helper; a template can call each, if, log, lookup, t, unless and with',
      },
      { line: 3, col: 7, message: expect.stringMatching(/^"eq" is no helper/) },
      { line: 3, col: 30, message: expect.stringMatching(/^"count" is no helper/) },
    ]);
  });

  it("leave alone what only rendering can tell: context values, sections, chosen and fallback partials", () => {
    const source = [
      "{{title}} {{#section}}x{{/section}} {{this.fn a}} {{../up a}} {{@root.x}}",
      '{{> (whichPartial)}} {{#> missing}}fallback{{/missing}} {{#*inline "mine"}}m{{/inline}}{{> mine}}',
    ].join("\n");
    expect(uses(source)).toEqual([]);
  });
});
