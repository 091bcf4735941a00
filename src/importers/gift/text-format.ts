/** A piece of GIFT text with its optional `[format]` prefix (`[html]`, `[markdown]`, `[plain]`, `[moodle]`). */
import type { GiftText, TextFormat } from "./ast.js";
import { unescapeGift } from "./cooked.js";

/**
 * Reads `raw` (escapes still as placeholders) into text and format. As in Moodle, the prefix must
 * open the text, and parts without one (answers, feedback) take the question text's format.
 */
export function readText(raw: string, at: number, fallback: TextFormat): GiftText {
  let body = raw.trim();
  let format = fallback;
  const prefix = /^\[(moodle|html|plain|markdown)\]/.exec(body);
  if (prefix) {
    format = prefix[1] as TextFormat;
    body = body.slice(prefix[0].length);
  }
  return { text: unescapeGift(body).trim(), format, at };
}
