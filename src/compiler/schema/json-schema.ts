/**
 * JSON Schemas for editors (yaml-language-server, SchemaStore) made from the zod schemas the build
 * validates with, so a key added to a zod schema appears in them without being written twice.
 * scripts/compile.mjs writes them to lib/schemas/; the starter's files and .vscode/settings.json
 * point at them. Input shapes: keys with defaults are optional, as authors write them.
 */
import { z } from "zod";
import { authoredQuestionSchema } from "../questions/index.js";
import { courseSchema } from "./course.js";
import { lessonSchema } from "./lesson.js";
import { quizFileSchema } from "./quiz.js";

export const JSON_SCHEMAS = {
  course: {
    file: "course.schema.json",
    title: "Coursepack course.yml",
    description: "A Coursepack course: its identity, outline, scoring, look and the packages to build.",
    schema: courseSchema,
  },
  lesson: {
    file: "lesson.schema.json",
    title: "Coursepack lesson front matter",
    description: "The YAML front matter at the top of a Coursepack lesson (Markdown file).",
    schema: lessonSchema,
  },
  quiz: {
    file: "quiz.schema.json",
    title: "Coursepack quiz file",
    description: "A Coursepack quiz: its settings and its questions or question banks.",
    schema: quizFileSchema(authoredQuestionSchema),
  },
} as const;

export type JsonSchemaName = keyof typeof JSON_SCHEMAS;

/** Where the published package serves them; `$id` of each schema (SchemaStore wants a stable URL). */
export function schemaUrl(name: JsonSchemaName, version: string): string {
  return `https://cdn.jsdelivr.net/npm/coursepack@${version}/lib/schemas/${JSON_SCHEMAS[name].file}`;
}

export function jsonSchema(name: JsonSchemaName, version: string): Record<string, unknown> {
  const { title, description, schema } = JSON_SCHEMAS[name];
  const generated = z.toJSONSchema(schema, { io: "input", target: "draft-7", unrepresentable: "any", reused: "ref" });
  return { ...generated, $id: schemaUrl(name, version), title, description };
}
