/**
 * The yaml library's problems in an author's words, at the place to fix: course files, front
 * matter, quiz files and LMS profiles all report YAML syntax errors this way.
 */
import type { YamlText } from "./read.js";

export interface ExplainedProblem {
  offset: number;
  message: string;
}

/** The text's errors worth reporting (the first of a cascade, every duplicate key), reworded. */
export function explainedErrors(yaml: YamlText): ExplainedProblem[] {
  return firstOfCascade(yaml.errors).map((e) => explain(e.code, e.message, e.offset, yaml.text));
}

/** The text's warnings, without the library's own position. */
export function explainedWarnings(yaml: YamlText): ExplainedProblem[] {
  return yaml.warnings.map((w) => ({ offset: w.offset, message: yamlMessage(w.message) }));
}

/**
 * Rewords the yaml library's errors where its wording or position would send an author to the
 * wrong place: an unclosed quote is reported at the end of the file, so point at the opening quote.
 */
function explain(code: string, message: string, offset: number, text: string): { offset: number; message: string } {
  if (code === "MISSING_CHAR" && /quote/.test(message)) {
    const quote = unclosedQuote(text, offset);
    if (quote !== undefined)
      return {
        offset: quote,
        message: "this quoted text is never closed: add the closing quote at the end of the value",
      };
  }
  if (code === "BAD_INDENT" && /^Flow (sequence|map)/.test(message)) {
    const [open, close] = message.startsWith("Flow sequence") ? ["[", "]"] : ["{", "}"];
    const at = text.lastIndexOf(open, offset);
    return {
      offset: at >= 0 ? at : offset,
      message: `this ${open}…${close} is never closed: add the ${close} at its end, or write each item on a line of its own`,
    };
  }
  if (code === "BLOCK_AS_IMPLICIT_KEY") {
    // `a: b: c` (a colon in a plain value), or `a: 1` with `  b: 2` indented under it.
    const colonInValue = /:(\s|$)/.test(lineAt(text, offset));
    return {
      offset,
      message: colonInValue
        ? 'this value holds ": ", which YAML reads as another key: put the value in quotes'
        : "a key is indented under a key that already has a value: indent it like its neighbours, or move the value onto lines of its own",
    };
  }
  if (code === "UNEXPECTED_TOKEN")
    return {
      offset,
      message: `YAML cannot read on from here (${yamlMessage(message)}): check this line's indentation against the lines above`,
    };
  if (code === "TAB_AS_INDENT") return { offset, message: "a tab indents this line: YAML needs spaces" };
  if (code === "DUPLICATE_KEY") {
    const key = /^[^:\n]*/.exec(text.slice(offset))?.[0].trim() ?? "";
    return { offset, message: `duplicate key "${key}": each key may appear once; remove or merge one of them` };
  }
  return { offset, message: yamlMessage(message) };
}

/** The text of the line holding `offset`, from `offset` on. */
function lineAt(text: string, offset: number): string {
  const end = text.indexOf("\n", offset);
  return text.slice(offset, end < 0 ? undefined : end);
}

/**
 * After its first syntax error the yaml library reads on, and what it finds then ("Unexpected
 * scalar at node end", "Unexpected map-value-ind token") follows from that error: an author fixes
 * the first and builds again. Duplicate keys are errors of their own and are all kept.
 */
function firstOfCascade<E extends { code: string }>(errors: readonly E[]): E[] {
  const first = errors.find((e) => e.code !== "DUPLICATE_KEY");
  return errors.filter((e) => e === first || e.code === "DUPLICATE_KEY");
}

/** Offset of the first line's quote character that opens a scalar without closing it on that line. */
function unclosedQuote(text: string, before: number): number | undefined {
  let lineStart = 0;
  for (const line of text.slice(0, before).split("\n")) {
    const match = /:\s*(["'])/.exec(line) ?? /^\s*-\s*(["'])/.exec(line);
    if (match) {
      const quote = match[1]!;
      const start = match.index + match[0].length - 1;
      const rest = line.slice(start + 1).replace(quote === '"' ? /\\./g : /''/g, "");
      if (!rest.includes(quote)) return lineStart + start;
    }
    lineStart += line.length + 1;
  }
  return undefined;
}

/** The yaml library's messages end with " at line X, column Y" — we print the position ourselves. */
function yamlMessage(message: string): string {
  const first = message.split("\n")[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
}
