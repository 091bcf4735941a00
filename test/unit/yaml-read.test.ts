/**
 * The two YAML readers behind `YamlSource` agree: js-yaml's events (the fast path) give the same
 * values and the same places as the yaml library (the reference) for every YAML text in the
 * repository, and the texts the fast path leaves to the yaml library still read as before.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/compiler/diagnostics.js";
import { splitFrontMatter } from "../../src/compiler/load/front-matter.js";
import type { YamlPath } from "../../src/shared/yaml/offsets.js";
import { readYamlFast } from "../../src/shared/yaml/events.js";
import { documentOffsets, type YamlOffsets } from "../../src/shared/yaml/offsets.js";
import { YamlSource } from "../../src/compiler/load/yaml-source.js";

const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => pattern.test(f) && !f.includes("node_modules"))
    .map((f) => path.join(dir, f));
}

/** Every YAML text the repository's courses, strings and fixtures hold, with where it came from. */
function yamlTexts(): { name: string; text: string }[] {
  const dirs = ["content", "templates", "starter", "profiles", "test/fixtures"];
  const texts: { name: string; text: string }[] = [];
  for (const file of dirs.flatMap((d) => files(d, /\.ya?ml$/))) {
    texts.push({ name: file, text: readFileSync(path.join(root, file), "utf8") });
  }
  for (const file of dirs.flatMap((d) => files(d, /\.md$/))) {
    const content = readFileSync(path.join(root, file), "utf8");
    const split = splitFrontMatter(content);
    if (split.kind === "found") texts.push({ name: `${file} (front matter)`, text: split.yaml });
    for (const [i, fence] of [...content.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].entries()) {
      texts.push({ name: `${file} (fence ${i + 1})`, text: fence[1]! });
    }
  }
  return texts;
}

/** Every path into a value, keys included, as zod and the model ask for them. */
function paths(value: unknown, at: YamlPath = []): YamlPath[] {
  const out: YamlPath[] = [at];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...paths(v, [...at, i]));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  }
  return out;
}

function disagreements(text: string, fast: { value: unknown; offsets: YamlOffsets }): string[] {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const reference = documentOffsets(doc);
  const out: string[] = [];
  if (!isDeepStrictEqual(fast.value, doc.toJS())) out.push("value");
  for (const p of paths(fast.value)) {
    const a = fast.offsets.node(p);
    const b = reference.node(p);
    if (a?.offset !== b?.offset || (a && a.form !== b?.form)) out.push(`${p.join(".")}: ${a?.offset} vs ${b?.offset}`);
    const parent = p.slice(0, -1);
    const last = p.at(-1);
    if (typeof last === "string" && fast.offsets.key(parent, last) !== reference.key(parent, last)) {
      out.push(`key ${p.join(".")}`);
    }
  }
  return out;
}

describe("YAML reading", () => {
  const texts = yamlTexts();

  it("reads every YAML text of the repository to the yaml library's values and places", () => {
    const readFast = texts.filter(({ text }) => parseDocument(text).errors.length === 0 && readYamlFast(text));
    // Courses, strings and fixtures: almost all of them take the fast path.
    expect(texts.length).toBeGreaterThan(150);
    expect(readFast.length).toBeGreaterThan(texts.length * 0.8);
    const problems = readFast.flatMap(({ name, text }) =>
      disagreements(text, readYamlFast(text)!).map((d) => `${name}: ${d}`),
    );
    expect(problems).toEqual([]);
  });

  it("agrees on the same texts with Windows line endings and with a byte-order mark", () => {
    const variants = texts.flatMap(({ name, text }) => [
      { name: `${name} (CRLF)`, text: text.replace(/\n/g, "\r\n") },
      { name: `${name} (BOM)`, text: `\uFEFF${text}` },
    ]);
    const readFast = variants.filter(({ text }) => parseDocument(text).errors.length === 0 && readYamlFast(text));
    expect(readFast.length).toBeGreaterThan(variants.length * 0.8);
    const problems = readFast.flatMap(({ name, text }) =>
      disagreements(text, readYamlFast(text)!).map((d) => `${name}: ${d}`),
    );
    expect(problems).toEqual([]);
  });

  const shapes = {
    "empty values": "a:\nb:   \n  # note\nc: 1\nlist:\n  - \n  - x\n  -\n",
    "quoted and block text":
      "q: 'it''s'\nd: \"a\\tb\"\nlit: |\n  one\n  two\nfold: >- # note | >\n\n  one\n  two\nend: |\n",
    "nesting and flow": "x:\n  - a: 1\n    b: [1, {c: 2}]\n  - - deep\n    - 'q'\ny: {z: , w: \"v\"}\n",
    "anchors, aliases and tags": "a: &x 1\nb: *x\nc: !!str 12\nd: &m\n  k: v\n",
    "quoted keys": "'a b': 1\n\"c\\u00e9\": 2\n",
    "comments after empty values": "a: # note\nb:\t\n",
    "explicit keys": "? k\n: v\n? bare\nlast: 1\n",
    "text without a final newline": "a: |",
  };
  for (const [name, text] of Object.entries(shapes)) {
    it(`places ${name} as the yaml library does`, () => {
      const fast = readYamlFast(text);
      expect(fast).toBeDefined();
      expect(disagreements(text, fast!)).toEqual([]);
    });
  }

  it("leaves to the yaml library what it reads differently, and reports the yaml library's errors", () => {
    const left = [
      "",
      "# only a comment",
      "%YAML 1.1\n---\na: yes",
      "~: a",
      "? [a]\n: 1",
      "a: !custom x",
      "a: 1\n---\nb: 2",
    ];
    for (const text of left) expect(readYamlFast(text), text).toBeUndefined();

    const diagnostics = new Diagnostics();
    const yes = new YamlSource("/c/course.yml", "%YAML 1.1\n---\na: yes\n", diagnostics);
    expect(yes.value).toEqual({ a: true });
    const duplicate = new YamlSource("/c/quiz.yml", "title: A\nid: x\ntitle: B\n", diagnostics, 10, 0);
    expect(duplicate.ok).toBe(false);
    expect(duplicate.value).toBeUndefined();
    expect(diagnostics.list).toMatchObject([
      {
        line: 13,
        col: 1,
        severity: "error",
        message: 'duplicate key "title": each key may appear once; remove or merge one of them',
      },
    ]);
  });

  it("gives positions, key positions and text origins on the fast path, with the snippet's offset", () => {
    const text = "title: Intro\nquestions:\n  - prompt: |\n      Pick one\n    choices: ['a', \"b\"]\n";
    const source = new YamlSource("/c/quiz.yml", text, new Diagnostics(), 4, 2);
    expect(readYamlFast(text)).toBeDefined();
    expect(source.value).toEqual({ title: "Intro", questions: [{ prompt: "Pick one\n", choices: ["a", "b"] }] });
    expect(source.position(["questions", 0, "choices", 1])).toEqual({ file: "/c/quiz.yml", line: 9, col: 22 });
    expect(source.position(["questions", 0, "missing", 3])).toEqual({ file: "/c/quiz.yml", line: 7, col: 7 });
    expect(source.keyPosition(["questions", 0], "choices")).toEqual({ file: "/c/quiz.yml", line: 9, col: 7 });
    expect(source.textOrigin(["questions", 0, "prompt"])).toEqual({ file: "/c/quiz.yml", line: 8, col: 15 });
    expect(source.textOrigin(["questions", 0, "choices", 0])).toEqual({ file: "/c/quiz.yml", line: 9, col: 18 });
  });
});
