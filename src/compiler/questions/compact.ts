/**
 * The compact question syntax: a question in a few plain-text lines, for lessons (```check fences)
 * and for quiz files (a question given as a string). It produces the same object as the YAML form,
 * so one schema checks both, and remembers where each part was written for error positions.
 *
 *     id: conversion-drop                 ← optional settings, as YAML
 *     ? Activity is steady but conversion dropped. What do you look at first?
 *     (x) How first meetings are run      ← ( )/(x) single, [ ]/[x] multiple
 *     > Right: activity is fine, so look further down the funnel.   ← feedback on that choice
 *     ( ) How many calls are made
 *     ! Explanation shown after answering.
 *
 * Other answer lines: `= text` accepted fill-in answers; `# 42`, `# 42 ± 0.5`, `# 10..20` numeric;
 * `- source -> target` matching (`- -> target` adds a distractor); `1. item` sequencing, in order.
 * True/false: `answer: true` in the settings. Likert: `type: likert` and `( )` lines for the scale.
 * Hand-written: no library parses this syntax (it is ours), and it is small.
 */
import type { Diagnostics, Position } from "../diagnostics.js";
import type { Source, SourcePath } from "../load/source.js";
import { YamlSource } from "../load/yaml-source.js";

/** True when the text uses the compact syntax (a line starting with "? "). */
export function isCompact(text: string): boolean {
  return /^\?\s/m.test(text);
}

const CHOICE = /^(\(([ xX])\)|\[([ xX])\])\s+(.*)$/;
const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const NUMERIC = new RegExp(String.raw`^#\s*(${NUMBER})\s*(?:(?:±|\+-|\+/-)\s*(${NUMBER})|\.\.\s*(${NUMBER}))?\s*$`);
const MATCH = /^-\s+(.*?)\s*->\s*(.*)$/;
const ITEM = /^\d+[.)]\s+(.*)$/;

type Kind = "choice" | "fill-in" | "numeric" | "matching" | "sequencing";

export class CompactSource implements Source {
  readonly value: Record<string, unknown>;
  private readonly positions = new Map<string, Position>();

  /**
   * @param line 1-based file line of the text's first line
   * @param col 1-based column where every line of the text starts
   */
  constructor(
    readonly file: string,
    text: string,
    diagnostics: Diagnostics,
    line: number,
    col = 1,
  ) {
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    const at = (i: number, c = 0): Position => ({ file, line: line + i, col: col + c });
    const promptLine = lines.findIndex((l) => /^\?\s/.test(l));
    const settings = this.readSettings(lines.slice(0, promptLine).join("\n"), line, col, diagnostics);
    const value: Record<string, unknown> = { ...settings };
    this.value = value;

    // The prompt: the "?" line and every line up to the first answer line.
    let i = promptLine;
    const prompt: string[] = [lines[i]!.replace(/^\?\s+/, "")];
    this.positions.set("prompt", at(i, 2));
    for (i++; i < lines.length && !isAnswerLine(lines[i]!); i++) prompt.push(lines[i]!);
    value.prompt = prompt.join("\n").trim();

    let kind: Kind | undefined;
    const choices: Record<string, unknown>[] = [];
    const answers: string[] = [];
    const pairs: { source: string; target: string }[] = [];
    const distractors: string[] = [];
    const items: string[] = [];
    const explanation: string[] = [];
    let multiple = false;
    let lastChoice: Record<string, unknown> | undefined;
    const claim = (k: Kind, index: number): boolean => {
      if (kind && kind !== k) {
        diagnostics.error(at(index), `this ${k} line cannot follow ${kind} lines: a question has one kind of answer`);
        return false;
      }
      kind = k;
      return true;
    };

    for (; i < lines.length; i++) {
      const raw = lines[i]!;
      const text = raw.trim();
      if (text === "") continue;
      const indent = raw.length - raw.trimStart().length;
      let m: RegExpExecArray | null;
      if ((m = CHOICE.exec(text))) {
        if (!claim("choice", i)) continue;
        multiple = m[1]!.startsWith("[");
        const path = `choices.${choices.length}`;
        lastChoice = { text: m[4]!.trim(), correct: (m[2] ?? m[3])!.toLowerCase() === "x" };
        choices.push(lastChoice);
        this.positions.set(path, at(i, indent));
        this.positions.set(`${path}.text`, at(i, indent + m[1]!.length + 1));
      } else if (text.startsWith(">")) {
        if (!lastChoice) {
          diagnostics.error(at(i, indent), "feedback line (>) must follow a choice line such as `(x) …`");
          continue;
        }
        const line = text.replace(/^>\s?/, "");
        lastChoice.feedback = lastChoice.feedback === undefined ? line : `${String(lastChoice.feedback)}\n${line}`;
        if (!this.positions.has(`choices.${choices.length - 1}.feedback`))
          this.positions.set(`choices.${choices.length - 1}.feedback`, at(i, indent + 2));
      } else if (text.startsWith("!")) {
        if (!explanation.length) this.positions.set("explanation", at(i, indent + 2));
        explanation.push(text.replace(/^!\s?/, ""));
      } else if (text.startsWith("=")) {
        if (!claim("fill-in", i)) continue;
        this.positions.set(`answers.${answers.length}`, at(i, indent + 2));
        answers.push(text.replace(/^=\s*/, ""));
      } else if (text.startsWith("#")) {
        if (!claim("numeric", i)) continue;
        const n = NUMERIC.exec(text);
        if (!n) {
          diagnostics.error(at(i, indent), "numeric answer must look like `# 42`, `# 42 ± 0.5` or `# 10..20`");
          continue;
        }
        this.positions.set("answer", at(i, indent));
        if (n[3] !== undefined) Object.assign(value, { min: Number(n[1]), max: Number(n[3]) });
        else Object.assign(value, { answer: Number(n[1]), ...(n[2] !== undefined ? { tolerance: Number(n[2]) } : {}) });
      } else if ((m = MATCH.exec(text))) {
        if (!claim("matching", i)) continue;
        if (m[1] === "") {
          this.positions.set(`distractors.${distractors.length}`, at(i, indent));
          distractors.push(m[2]!);
        } else {
          this.positions.set(`pairs.${pairs.length}`, at(i, indent));
          pairs.push({ source: m[1]!, target: m[2]! });
        }
      } else if ((m = ITEM.exec(text))) {
        if (!claim("sequencing", i)) continue;
        this.positions.set(`items.${items.length}`, at(i, indent));
        items.push(m[1]!);
      } else {
        diagnostics.error(
          at(i, indent),
          "unexpected line in a compact question: answers start with ( ), [ ], =, #, - … ->, 1., > or !",
        );
      }
    }

    if (explanation.length) value.explanation = explanation.join("\n");
    const type = typeof value.type === "string" ? value.type : undefined;
    if (kind === "choice") {
      value.type ??= multiple ? "multiple" : "single";
      if (type === "likert") value.scale = choices.map((c) => c.text);
      else value.choices = choices;
    } else if (kind === "fill-in") {
      value.type ??= "fill-in";
      value.answers = answers;
    } else if (kind === "numeric") {
      value.type ??= "numeric";
    } else if (kind === "matching") {
      value.type ??= "matching";
      value.pairs = pairs;
      if (distractors.length) value.distractors = distractors;
    } else if (kind === "sequencing") {
      value.type ??= "sequencing";
      value.items = items;
    } else if (typeof value.answer === "boolean") {
      value.type ??= "true-false";
    }
  }

  position(path: SourcePath): Position {
    for (let n = path.length; n >= 0; n--) {
      const found = this.positions.get(path.slice(0, n).join("."));
      if (found) return found;
    }
    return this.positions.get("prompt")!;
  }

  keyPosition(path: SourcePath, key: string): Position {
    return this.position([...path, key]);
  }

  textOrigin(path: SourcePath): Position {
    return this.position(path);
  }

  /** Settings lines above the prompt are YAML; their positions come from the YAML parser. */
  private readSettings(yaml: string, line: number, col: number, diagnostics: Diagnostics): Record<string, unknown> {
    if (yaml.trim() === "") return {};
    const source = new YamlSource(this.file, yaml, diagnostics, line - 1, col - 1);
    const value = source.value;
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      if (source.ok)
        diagnostics.error(source.position([]), "lines above the `?` prompt must be settings such as `id: my-question`");
      return {};
    }
    for (const key of Object.keys(value)) this.positions.set(key, source.keyPosition([], key));
    return value as Record<string, unknown>;
  }
}

function isAnswerLine(line: string): boolean {
  const t = line.trim();
  return CHOICE.test(t) || /^[>!=#]/.test(t) || MATCH.test(t) || ITEM.test(t);
}
