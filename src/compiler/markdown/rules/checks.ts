/**
 * ```check fences hold a knowledge check (YAML, same schema as quiz questions). The parser records
 * each one with its position; the renderer asks the page for the question's HTML.
 */
import type { MarkdownIt, StateCore } from "markdown-it";
import type { MarkdownEnv } from "../env.js";

export const CHECK_FENCE = "check";

export function checks(md: MarkdownIt): void {
  md.core.ruler.after("block", "coursepack_checks", (state: StateCore) => {
    const env = state.env as MarkdownEnv;
    const lines = state.src.split("\n");
    for (const token of state.tokens) {
      if (token.type !== "fence" || token.info.trim() !== CHECK_FENCE) continue;
      const fenceLine = token.map?.[0] ?? 0;
      const indent = /^\s*/.exec(lines[fenceLine] ?? "")?.[0].length ?? 0;
      token.meta = { checkIndex: env.checks.length };
      env.checks.push({ yaml: token.content, line: env.line + fenceLine + 1, col: indent + 1 });
    }
  });
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const index = (token.meta as { checkIndex?: number } | null)?.checkIndex;
    if (index === undefined) return fence(tokens, idx, options, env, self);
    return (env as MarkdownEnv).renderCheck?.(index) ?? "";
  };
}
