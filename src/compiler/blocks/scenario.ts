/**
 * ```scenario fences: a branching conversation or decision tree in YAML. Nodes have Markdown text,
 * an optional speaker and image, and choices leading to other nodes; endings end a run and may
 * score it. The graph (targets, reachability, a way out of every cycle) is checked by
 * src/compiler/check/rules/scenarios.ts once every scenario is built.
 */
import { z } from "zod";
import type { ScenarioData } from "../../shared/course-data.js";
import { YamlSource } from "../load/yaml-source.js";
import type { MarkdownField, Reference } from "../markdown/env.js";
import { parseMarkdown } from "../markdown/index.js";
import { plainText } from "../model/plain-text.js";
import { slugify, uniqueIds } from "../model/slug.js";
import { idSchema, percentSchema, textSchema } from "../schema/common.js";
import { validateSource } from "../schema/validate.js";
import type { BlockKind, BlockModel } from "./kind.js";

const choiceSchema = z.strictObject({
  /** Defaults to a slug of the text; reported as the learner's response. */
  id: idSchema.optional(),
  /** Markdown (one line). */
  text: textSchema,
  /** The node this choice leads to. */
  to: z.string().min(1),
});

const nodeSchema = z.strictObject({
  speaker: textSchema.optional(),
  /** A portrait or picture shown beside the text, relative to the lesson. */
  image: z.string().min(1).optional(),
  /** The image's alt text; leave it out when the image only decorates the speaker's name. */
  alt: z.string().optional(),
  /** Markdown. */
  text: textSchema,
  choices: z.array(choiceSchema).min(1).optional(),
  /** Marks an ending: `ending: true`, or with the run's score `ending: { score: 80 }`. */
  ending: z.union([z.literal(true), z.strictObject({ score: percentSchema.optional() })]).optional(),
});

export const scenarioSchema = z.strictObject({
  /** Defaults to a slug of the title; LMS reports key on it. */
  id: idSchema.optional(),
  title: textSchema.max(200),
  /** The lesson counts as done only once the learner has reached an ending. */
  required: z.boolean().default(false),
  /** > 0: the best ending's score counts towards the course score with this weight. */
  weight: z.number().min(0).default(0),
  /** The node every run starts at; defaults to the first. */
  start: z.string().optional(),
  nodes: z.record(z.string(), nodeSchema).refine((n) => Object.keys(n).length >= 2, {
    message: "must have at least 2 nodes: a start and an ending",
  }),
});

export interface ScenarioNode {
  id: string;
  speaker: string | undefined;
  image: string | undefined;
  alt: string;
  text: MarkdownField;
  choices: { id: string; text: MarkdownField; to: string }[];
  ending: { score?: number | undefined } | undefined;
}

export interface ScenarioModel extends BlockModel {
  source: YamlSource;
  /** Start node first, then the rest as written. */
  nodes: ScenarioNode[];
  weight: number;
}

export const scenario: BlockKind<ScenarioModel> = {
  template: "scenario",
  build(syntax, ctx) {
    const fence = syntax.fence!;
    const source = new YamlSource(ctx.file, fence.text, ctx.diagnostics, fence.line - 1, fence.col - 1);
    if (source.value === undefined) return undefined;
    const authored = validateSource(scenarioSchema, source, ctx.diagnostics, "scenario");
    if (!authored) return undefined;
    const id = authored.id ?? slugify(authored.title, 40);
    const parse = (path: (string | number)[], text: string, inline = false) =>
      parseMarkdown(text, { ...source.textOrigin(path), idPrefix: id }, inline);
    const references: Reference[] = [];
    const written = Object.entries(authored.nodes);
    for (const [key] of written)
      if (!/^[a-z][a-z0-9_-]*$/.test(key))
        ctx.diagnostics.error(
          source.keyPosition(["nodes"], key),
          `node "${key}" needs an id of lowercase letters, digits, '-' and '_', starting with a letter`,
        );
    const start = authored.start ?? written[0]![0];
    if (!authored.nodes[start])
      ctx.diagnostics.error(source.position(["start"]), `start "${start}" names no node of this scenario`);
    const ordered = [...written].sort(([a], [b]) => (a === start ? -1 : b === start ? 1 : 0));
    const nodes = ordered.map(([key, node]): ScenarioNode => {
      const at = ["nodes", key];
      if (node.image)
        references.push({
          kind: node.alt ? "image" : "link",
          url: node.image,
          at: source.position([...at, "image"]),
          alt: node.alt ?? "",
        });
      const choiceIds = uniqueIds((node.choices ?? []).map((c) => c.id ?? slugify(c.text, 24)));
      return {
        id: key,
        speaker: node.speaker,
        image: node.image,
        alt: node.alt ?? "",
        text: parse([...at, "text"], node.text),
        choices: (node.choices ?? []).map((c, i) => ({
          id: choiceIds[i]!,
          text: parse([...at, "choices", i, "text"], c.text, true),
          to: c.to,
        })),
        ending: node.ending === undefined ? undefined : node.ending === true ? {} : node.ending,
      };
    });
    return {
      name: "scenario",
      id,
      idAuthored: authored.id !== undefined,
      at: syntax.at,
      title: authored.title,
      required: authored.required,
      references,
      fields: nodes.flatMap((n) => [n.text, ...n.choices.map((c) => c.text)]),
      source,
      nodes,
      weight: authored.weight,
    };
  },
  render(block, ctx) {
    return ctx.template({
      id: block.id,
      title: block.title,
      nodes: block.nodes.map((node, index) => ({
        index,
        speaker: node.speaker,
        image: node.image && ctx.asset(node.image),
        alt: node.alt,
        text: ctx.field(node.text),
        ending: node.ending !== undefined,
        score: node.ending?.score,
        hasScore: node.ending?.score !== undefined,
        choices: node.choices.map((c, i) => ({ index: i, text: ctx.field(c.text) })),
      })),
    });
  },
  data(block, page): ScenarioData {
    const index = new Map(block.nodes.map((n, i) => [n.id, i]));
    return {
      id: block.id,
      kind: "scenario",
      page,
      title: block.title,
      required: block.required,
      weight: block.weight,
      nodes: block.nodes.map((n) => ({
        id: n.id,
        text: plainText(n.text),
        ...(n.speaker ? { speaker: n.speaker } : {}),
        choices: n.choices.map((c) => ({ id: c.id, text: plainText(c.text), to: index.get(c.to) ?? 0 })),
        ...(n.ending ? { ending: n.ending.score === undefined ? {} : { score: n.ending.score } } : {}),
      })),
    };
  },
};
