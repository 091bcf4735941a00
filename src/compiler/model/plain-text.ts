/** Plain text of parsed Markdown, for LMS reports (interaction descriptions) and derived ids. */
import type { Token } from "markdown-it";
import type { MarkdownField } from "../markdown/env.js";

export function plainText(field: MarkdownField): string {
  const parts: string[] = [];
  const walk = (tokens: Token[]): void => {
    for (const t of tokens) {
      if (t.children) walk(t.children);
      else if (t.type === "text" || t.type === "code_inline") parts.push(t.content);
      else if (t.type === "softbreak" || t.type === "hardbreak" || t.type === "paragraph_close") parts.push(" ");
      else if (t.type === "image") parts.push(t.content);
    }
  };
  walk(field.tokens);
  return parts.join("").replace(/\s+/g, " ").trim();
}
