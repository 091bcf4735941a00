/**
 * The translatable texts of a lesson's blocks (issue 15), as units of the lesson's file, and the
 * blocks rebuilt from their translations. Unit ids hang off the block's id, never its text:
 * `body.<block id>.label` (the text after the name: a callout's title, a reveal's button, a quote's
 * attribution), `body.<block id>.title` (a media block's title), `body.<block id>.3` (its third
 * paragraph, heading or list item, nested blocks counting apart) and, in a scenario,
 * `body.<scenario id>.title`, `.<node>.speaker`, `.<node>.alt`, `.<node>.text` and
 * `.<node>.<choice id>`. A block is built again from its translated text (so every title, label
 * and to-do entry derived from it follows); a scenario, written in YAML, has its texts replaced.
 */
import type { Token } from "markdown-it";
import type { BlockModel } from "../blocks/index.js";
import { buildBlock } from "../blocks/index.js";
import type { ScenarioModel } from "../blocks/scenario.js";
import { Diagnostics } from "../diagnostics.js";
import type { BlockAttr, BlockSyntax } from "../markdown/env.js";
import type { LessonModel } from "../model/index.js";
import type { Walk } from "./units.js";

/** Blocks whose text after the name is a file or an address, not something to translate. */
const LABEL_IS_A_FILE = new Set(["video", "audio"]);
/** Attributes whose value is text a learner reads. */
const TEXT_ATTRS = new Set(["title"]);

export function translateBlocks(lesson: LessonModel, walk: Walk): LessonModel["blocks"] {
  const { body, file } = lesson;
  const counts = new Map<string, number>();
  let changed = false;
  const blocks = body.env.blocks.map((syntax, i) => {
    const ordinal = (counts.get(syntax.name) ?? 0) + 1;
    counts.set(syntax.name, ordinal);
    const block = lesson.blocks[i];
    if (!block) return block;
    const prefix = `body.${block.id}`;
    const about = `${syntax.name} block "${block.title}"`;
    const translated =
      block.name === "scenario"
        ? scenario(block as ScenarioModel, walk, file, prefix)
        : rebuild(syntax, block, lesson, ordinal, walk, prefix, about);
    changed ||= translated !== block;
    return translated;
  });
  return changed ? blocks : lesson.blocks;
}

function rebuild(
  syntax: BlockSyntax,
  block: BlockModel,
  lesson: LessonModel,
  ordinal: number,
  walk: Walk,
  prefix: string,
  about: string,
): BlockModel | undefined {
  const { body, file } = lesson;
  let changed = false;
  const label =
    syntax.label && !LABEL_IS_A_FILE.has(syntax.name)
      ? walk.plain(file, `${prefix}.label`, syntax.label, syntax.labelAt, `${about}: the text after its name`)
      : syntax.label;
  const attrs = syntax.attrs.map((attr): BlockAttr => {
    if (!TEXT_ATTRS.has(attr.key) || !attr.value) return attr;
    const value = walk.plain(file, `${prefix}.${attr.key}`, attr.value, attr.at, `${about}: its ${attr.key}`);
    return value === attr.value ? attr : { ...attr, value };
  });
  // Every inline token of the block's own text in reading order (nested blocks are one token here);
  // item headings without their {attributes}, which are not text.
  const ordered = [...syntax.intro, ...syntax.items.flatMap((item) => [item.label, ...item.body])];
  const inlines = new Map<Token, Token>();
  let n = 0;
  let line = 0;
  for (const token of ordered) {
    if (token.map) line = token.map[0];
    if (token.type !== "inline" || token.content.trim() === "") continue;
    const translated = walk.inline(token, body, line, file, `${prefix}.${++n}`, about);
    if (translated !== token) inlines.set(token, translated);
  }
  changed = label !== syntax.label || attrs.some((a, i) => a !== syntax.attrs[i]) || inlines.size > 0;
  if (!changed) return block;
  const swap = (tokens: Token[]) => tokens.map((t) => inlines.get(t) ?? t);
  const translated: BlockSyntax = {
    ...syntax,
    label,
    attrs,
    body: swap(syntax.body),
    intro: swap(syntax.intro),
    items: syntax.items.map((item) => ({
      ...item,
      label: inlines.get(item.label) ?? item.label,
      body: swap(item.body),
    })),
  };
  // The source was checked when the course was modelled; a translation cannot break a block's shape.
  return buildBlock(translated, { lessonId: lesson.id, ordinal, file, diagnostics: new Diagnostics() }) ?? block;
}

function scenario(block: ScenarioModel, walk: Walk, file: string, prefix: string): ScenarioModel {
  const about = `scenario "${block.title}"`;
  const at = (...path: (string | number)[]) => block.source.textOrigin(path);
  const title = walk.plain(file, `${prefix}.title`, block.title, at("title"), `Title of ${about}`);
  const nodes = block.nodes.map((node) => {
    const id = `${prefix}.${node.id}`;
    const where = `${about}, node "${node.id}"`;
    return {
      ...node,
      speaker:
        node.speaker &&
        walk.plain(file, `${id}.speaker`, node.speaker, at("nodes", node.id, "speaker"), `${where}: who speaks`),
      alt:
        node.alt &&
        walk.plain(file, `${id}.alt`, node.alt, at("nodes", node.id, "alt"), `${where}: the image's alt text`),
      text: walk.field(node.text, file, `${id}.text`, `${where}: what is said or happens`),
      choices: node.choices.map((c) => ({
        ...c,
        text: walk.field(c.text, file, `${id}.${c.id}`, `${where}: a choice the learner can make`),
      })),
    };
  });
  return {
    ...block,
    title,
    nodes,
    fields: nodes.flatMap((n) => [n.text, ...n.choices.map((c) => c.text)]),
  };
}
