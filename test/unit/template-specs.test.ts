/**
 * The default templates ship compiled (lib/templates.js, written by scripts/compile.mjs): a build
 * uses those specs instead of compiling, compiles a template a course replaces once per process,
 * and both give the same pages as Handlebars compiling the source itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { addShippedSpecs, compileTemplate, templateSpec } from "../../src/compiler/render/template-specs.js";
import { PACKAGE_ROOT, TEMPLATES_DIR } from "../../src/shared/node/paths.js";

const sources = readdirSync(TEMPLATES_DIR, { recursive: true })
  .filter((f): f is string => typeof f === "string" && f.endsWith(".hbs"))
  .map((f) => readFileSync(path.join(TEMPLATES_DIR, f), "utf8"));

describe("compiled templates", () => {
  it("ship for every default template, and a build uses them as they are", async () => {
    const shipped = (await import(pathToFileURL(path.join(PACKAGE_ROOT, "lib", "templates.js")).href)) as {
      default: Record<string, TemplateSpecification>;
    };
    expect(sources.length).toBeGreaterThan(20);
    expect(Object.keys(shipped.default)).toHaveLength(new Set(sources).size);
    addShippedSpecs(shipped.default);
    const specs = new Set(Object.values(shipped.default));
    for (const source of sources) expect(specs.has(templateSpec(source))).toBe(true);
  });

  it("compiles a replaced template once, to what Handlebars.compile renders", async () => {
    const source = '<p class="{{kind}}">{{t "greeting" name=who}}</p>{{#each items}}<i>{{this}}</i>{{/each}}';
    expect(() => templateSpec(source)).toThrow(/compileTemplate/);
    await expect(compileTemplate("{{#if broken}}")).rejects.toThrow();
    await compileTemplate(source);
    const spec = templateSpec(source);
    await compileTemplate(source);
    expect(templateSpec(source)).toBe(spec);
    const context = { kind: "a&b", who: "Ann", items: [1, 2] };
    const withHelper = () => {
      const hbs = Handlebars.create();
      hbs.registerHelper("t", (key: string, options: Handlebars.HelperOptions) => `${key}:${options.hash.name}`);
      return hbs;
    };
    const expected = withHelper().compile(source, { strict: false, preventIndent: true })(context);
    expect(withHelper().template(spec)(context)).toBe(expected);
    expect(expected).toBe('<p class="a&amp;b">greeting:Ann</p><i>1</i><i>2</i>');
  });
});
