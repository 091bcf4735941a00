/**
 * Inline codes between Coursepack's segments (src/compiler/i18n/segment.ts) and the `xliff`
 * package's inline elements, for both XLIFF versions:
 * - 2.0: a pair is `<pc>` with its Markdown in dispStart/dispEnd, a standalone code `<ph disp>`;
 *   both canCopy="no" canDelete="no", which tells CAT tools the code must stay, once.
 * - 1.2: a pair is `<bpt>`/`<ept>` holding the Markdown before and after (native codes, the
 *   1.2 way), a standalone code `<ph>` holding its Markdown.
 * Reading accepts what tools may turn these into: `<sc>`/`<ec>` for 2.0, `<g>`, `<x>`, `<bx>`/`<ex>`
 * for 1.2.
 */
/// <reference path="./xliff-lib.d.ts" />
import type { InlineElement, InlineValue } from "xliff/inline";
import type { Code, PairRole, Part, StandaloneRole } from "../compiler/i18n/segment.js";

export type XliffVersion = "xliff2" | "xliff12";

const PAIR_2: Record<PairRole, { type: string; subType?: string }> = {
  strong: { type: "fmt", subType: "xlf:b" },
  em: { type: "fmt", subType: "xlf:i" },
  strike: { type: "fmt" },
  link: { type: "link" },
  image: { type: "image" },
};

const STANDALONE_2: Record<StandaloneRole, { type: string; subType?: string }> = {
  code: { type: "other" },
  autolink: { type: "link" },
  html: { type: "other" },
  break: { type: "fmt", subType: "xlf:lb" },
  placeholder: { type: "ui", subType: "xlf:var" },
};

const PAIR_12: Record<PairRole, string> = {
  strong: "bold",
  em: "italic",
  strike: "x-strike",
  link: "link",
  image: "x-image",
};

const STANDALONE_12: Record<StandaloneRole, string> = {
  code: "x-code",
  autolink: "x-link",
  html: "x-html",
  break: "lb",
  placeholder: "x-var",
};

/**
 * xml-js (under the `xliff` package) escapes only quotes in attribute values; an `&`, `<` or `>` in a
 * link's address would make the XML invalid, so attribute values are escaped here first.
 */
function attr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Parts as the `xliff` package's inline value. */
export function toInline(parts: readonly Part[], version: XliffVersion): (string | InlineElement)[] {
  return parts.flatMap((p) => (typeof p === "string" ? [p] : version === "xliff2" ? [code2(p)] : code12(p)));
}

function code2(c: Code): InlineElement {
  const protect = { canCopy: "no", canDelete: "no" };
  if (c.kind === "pair") {
    return {
      GenericSpan: {
        id: c.id,
        ...PAIR_2[c.role],
        dispStart: attr(c.start),
        dispEnd: attr(c.end),
        ...protect,
        contents: toInline(c.parts, "xliff2"),
      },
    };
  }
  return { Standalone: { id: c.id, ...STANDALONE_2[c.role], disp: attr(c.markup), ...protect } };
}

function code12(c: Code): (string | InlineElement)[] {
  if (c.kind === "standalone") return [{ Span: { id: c.id, ctype: STANDALONE_12[c.role], contents: c.markup } }];
  return [
    { SpanStart: { id: c.id, ctype: PAIR_12[c.role], contents: c.start } },
    ...toInline(c.parts, "xliff12"),
    { SpanEnd: { id: c.id, contents: c.end } },
  ];
}

const HARD_BREAK = "\\\n";

/** Thrown for inline codes that cannot be read: the message says what is wrong. */
export class CodeError extends Error {}

/** What each inline element of the package means in each version: a pair, a standalone code, a start or an end. */
const ELEMENT_KINDS: Record<XliffVersion, Record<string, "pair" | "standalone" | "start" | "end">> = {
  xliff2: { Span: "pair", GenericSpan: "pair", Standalone: "standalone", SpanStart: "start", SpanEnd: "end" },
  xliff12: {
    GenericSpan: "pair",
    Span: "standalone",
    Standalone: "standalone",
    SpanStart: "start",
    SpanEnd: "end",
    GenericSpanStart: "start",
    GenericSpanEnd: "end",
  },
};

/** Reads an inline value back into parts; codes get their Markdown where the file carries it. */
export function fromInline(value: InlineValue | undefined, version: XliffVersion): Part[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const root: Part[] = [];
  const stack: { id: string; pair?: Extract<Code, { kind: "pair" }> }[] = [{ id: "" }];
  const top = () => stack[stack.length - 1]!.pair?.parts ?? root;
  for (const item of list) {
    if (typeof item === "string") {
      top().push(item);
      continue;
    }
    for (const [element, data] of Object.entries(item)) {
      const id = String(data.id ?? "");
      const text = typeof data.contents === "string" ? data.contents : "";
      switch (ELEMENT_KINDS[version][element]) {
        case "pair":
          top().push({
            kind: "pair",
            id,
            role: pairRole(data),
            start: String(data.dispStart ?? ""),
            end: String(data.dispEnd ?? ""),
            parts: fromInline(data.contents, version),
          });
          break;
        case "standalone": {
          const role = standaloneRole(data);
          // A hard break's Markdown ends in a newline, which XML attribute values and the
          // package's text trimming do not keep; the role says all there is to know.
          top().push({
            kind: "standalone",
            id,
            role,
            markup: role === "break" ? HARD_BREAK : String(data.disp ?? text),
          });
          break;
        }
        case "start": {
          const pair: Extract<Code, { kind: "pair" }> = {
            kind: "pair",
            id,
            role: pairRole(data),
            start: String(data.dispStart ?? text),
            end: "",
            parts: [],
          };
          top().push(pair);
          stack.push({ id, pair });
          break;
        }
        case "end": {
          const ref = String(data.startRef ?? data.rid ?? data.id ?? "");
          const open = stack[stack.length - 1]!;
          if (!open.pair || open.id !== ref)
            throw new CodeError(`the end of code ${ref} does not close the code opened last (codes must nest)`);
          open.pair.end = String(data.dispEnd ?? text);
          stack.pop();
          break;
        }
        default:
          throw new CodeError(`<${element}> inline elements are not supported; keep only the codes of the source`);
      }
    }
  }
  const open = stack[stack.length - 1]!;
  if (open.pair) throw new CodeError(`code ${open.id} is opened but never closed`);
  return root;
}

/** The role a code's attributes name, in either version's vocabulary; `fallback` for other tools' codes. */
function roleOf<R extends string>(
  data: Record<string, unknown>,
  v2: Record<R, { type: string; subType?: string }>,
  v12: Record<R, string>,
  fallback: R,
): R {
  const roles = Object.keys(v2) as R[];
  return (
    roles.find((r) => data.type === v2[r].type && data.subType === v2[r].subType) ??
    roles.find((r) => data.ctype === v12[r]) ??
    fallback
  );
}

const pairRole = (data: Record<string, unknown>) => roleOf<PairRole>(data, PAIR_2, PAIR_12, "em");
const standaloneRole = (data: Record<string, unknown>) =>
  roleOf<StandaloneRole>(data, STANDALONE_2, STANDALONE_12, "html");
