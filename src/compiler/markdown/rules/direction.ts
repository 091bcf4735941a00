/**
 * Text direction per block: every paragraph, heading, list item, quote and table cell gets
 * `dir="auto"`, so the browser lays out a paragraph of Arabic in an English course right-to-left
 * (full stop on the left) and an English paragraph in an Arabic course left-to-right, while the
 * page keeps the course language's direction (`<html dir>`) for everything else (issue 12).
 */
import type { MarkdownIt } from "markdown-it";

const TEXT_BLOCKS = new Set([
  "paragraph_open",
  "heading_open",
  "list_item_open",
  "blockquote_open",
  "th_open",
  "td_open",
]);

export function direction(md: MarkdownIt): void {
  md.core.ruler.push("text_direction", (state) => {
    for (const token of state.tokens) if (TEXT_BLOCKS.has(token.type)) token.attrSet("dir", "auto");
  });
}
