/** The GIFT file as text, with its line endings normalised. */

/**
 * Windows (CRLF) and old Mac (CR) line endings become LF and a UTF-8 byte-order mark is dropped, so
 * the parser sees one kind of line break. Line numbers are unchanged by this; columns count characters.
 */
export function normalizeSource(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}
