/** Interface strings: every language has every key, and every key is used. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../support/build.js";

const dir = path.join(ROOT, "templates", "strings");
const load = (lang: string) => parse(readFileSync(path.join(dir, `${lang}.yml`), "utf8")) as Record<string, string>;
const english = load("en");

function sources(folder: string): string {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|hbs)$/.test(e.name))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), "utf8"))
    .join("\n");
}

describe("interface strings", () => {
  it.each(["de", "fr", "es"])("%s has exactly the English keys, with the same placeholders", (lang) => {
    const strings = load(lang);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(strings[key]!), `${lang}.${key}`).toEqual(placeholders(text));
    }
  });

  it("uses every key somewhere in the templates or the runtime", () => {
    const code =
      sources("templates") +
      sources("src/runtime") +
      sources("src/compiler/questions") +
      sources("src/compiler/blocks");
    const unused = Object.keys(english).filter((key) => !code.includes(`"${key}"`) && !/^likert\d$/.test(key));
    expect(unused).toEqual([]);
  });
});
