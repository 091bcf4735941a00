/**
 * The JSON Schemas for editors (generated from the zod schemas): every starter and default-course
 * file validates against them with a real JSON Schema validator (ajv), a typo'd key is flagged,
 * every key has a description for hover help, and the starter's files point at them.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMAS, type JsonSchemaName, jsonSchema } from "../../src/compiler/schema/json-schema.js";
import { copyStarter } from "../../src/cli/starter.js";
import { CONTENT_DIR, ROOT, tempDir } from "../support/build.js";

const STARTER_DIR = path.join(ROOT, "starter");

/** The starter as `coursepack new` fills it in (the folder itself holds placeholders). */
async function newCourse(): Promise<string> {
  const dir = path.join(await tempDir("json-schema"), "my-course");
  await copyStarter(dir);
  return dir;
}

function validator(name: JsonSchemaName): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(jsonSchema(name, "0.0.0-test"));
}

const validators = {
  course: validator("course"),
  lesson: validator("lesson"),
  quiz: validator("quiz"),
} satisfies Record<JsonSchemaName, ValidateFunction>;

/** Each YAML document of a course and the schema it must meet. */
async function documents(dir: string): Promise<{ file: string; name: JsonSchemaName; data: unknown }[]> {
  const files = (await readdir(dir, { recursive: true })).map((f) => f.split(path.sep).join("/")).sort();
  const out: { file: string; name: JsonSchemaName; data: unknown }[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), "utf8").catch(() => "");
    if (file === "course.yml") out.push({ file, name: "course", data: parseYaml(text) });
    else if (/^quizzes\/.*\.ya?ml$/.test(file)) out.push({ file, name: "quiz", data: parseYaml(text) });
    else if (/^lessons\/.*\.md$/.test(file)) {
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
      out.push({ file, name: "lesson", data: parseYaml(front?.[1] ?? "") });
    }
  }
  return out;
}

function errorsOf(name: JsonSchemaName, data: unknown): string[] {
  const validate = validators[name];
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe("JSON Schemas for course files", () => {
  for (const [label, dir] of [
    ["a new course (the starter)", newCourse],
    ["the default course", async () => CONTENT_DIR],
  ] as const) {
    it(`accept every file of ${label}`, async () => {
      const docs = await documents(await dir());
      expect(new Set(docs.map((d) => d.name))).toEqual(new Set(["course", "lesson", "quiz"]));
      for (const doc of docs) expect(errorsOf(doc.name, doc.data), doc.file).toEqual([]);
    });
  }

  it("flag a typo'd key in course.yml, lesson front matter, a quiz and a question", async () => {
    const [course] = (await documents(await newCourse())).filter((d) => d.name === "course");
    const typo = { ...(course!.data as object), pasingScore: 80 };
    expect(errorsOf("course", typo).join("\n")).toMatch(/must NOT have additional properties/);
    expect(errorsOf("lesson", { title: "Intro", objectivs: ["x"] })).not.toEqual([]);
    expect(errorsOf("quiz", { title: "Q", questions: ["? Compact\n(x) a\n( ) b"], atempts: 2 })).not.toEqual([]);
    const question = { type: "multiple", prompt: "Which?", choices: [{ text: "a", corect: true }, { text: "b" }] };
    expect(errorsOf("quiz", { title: "Q", questions: [question] })).not.toEqual([]);
    expect(
      errorsOf("quiz", { title: "Q", questions: [{ ...question, choices: [{ text: "a" }, { text: "b" }] }] }),
    ).toEqual([]);
  });

  it("describe every key, for hover help", () => {
    const missing: string[] = [];
    const visited: string[] = [];
    for (const name of Object.keys(JSON_SCHEMAS) as JsonSchemaName[]) {
      const schema = jsonSchema(name, "0.0.0-test");
      const definitions = (schema.definitions ?? {}) as Record<string, Record<string, unknown>>;
      const resolve = (node: Record<string, unknown>): Record<string, unknown> =>
        typeof node.$ref === "string" ? resolve(definitions[node.$ref.replace("#/definitions/", "")] ?? {}) : node;
      const seen = new Set<object>();
      const walk = (node: unknown, at: string): void => {
        if (!node || typeof node !== "object" || seen.has(node)) return;
        seen.add(node);
        const n = node as Record<string, unknown>;
        for (const [key, value] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
          visited.push(`${name}: ${at}${key}`);
          if (typeof value.description !== "string" && typeof resolve(value).description !== "string")
            missing.push(`${name}: ${at}${key}`);
          walk(resolve(value), `${at}${key}.`);
        }
        for (const list of [n.anyOf, n.oneOf, n.allOf])
          if (Array.isArray(list)) for (const v of list) walk(resolve(v), at);
        if (n.items) walk(resolve(n.items as Record<string, unknown>), `${at}[].`);
      };
      walk(schema, "");
    }
    expect(visited).toEqual(
      expect.arrayContaining([
        "course: tracking.commitSeconds",
        "course: theme.color",
        "lesson: objectives",
        "quiz: questions.[].choices.[].feedback",
        "quiz: questions.[].pairs.[].target",
        "quiz: banks.[].draw",
      ]),
    );
    expect(missing).toEqual([]);
  });

  it("are referenced from the starter's files and its editor settings", async () => {
    for (const doc of await documents(STARTER_DIR)) {
      const text = await readFile(path.join(STARTER_DIR, doc.file), "utf8");
      const modeline = /# yaml-language-server: \$schema=(\S+)/.exec(text);
      expect(modeline?.[1], doc.file).toBeDefined();
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(doc.file), modeline![1]!));
      expect(target).toBe(`node_modules/coursepack/lib/schemas/${JSON_SCHEMAS[doc.name].file}`);
    }
    const settings = JSON.parse(await readFile(path.join(STARTER_DIR, ".vscode", "settings.json"), "utf8")) as {
      "yaml.schemas": Record<string, string>;
    };
    expect(settings["yaml.schemas"]).toEqual({
      "./node_modules/coursepack/lib/schemas/course.schema.json": "course.yml",
      "./node_modules/coursepack/lib/schemas/quiz.schema.json": "quizzes/**/*.yml",
    });
    const extensions = JSON.parse(await readFile(path.join(STARTER_DIR, ".vscode", "extensions.json"), "utf8"));
    expect(extensions.recommendations).toContain("redhat.vscode-yaml");
  });
});
