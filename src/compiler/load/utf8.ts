/**
 * Course files are UTF-8. Node's "utf8" decoding turns any other byte into U+FFFD without a word,
 * so a Latin-1 lesson would be published with "�" for every "ü"; this decodes strictly and, when a
 * file is not UTF-8, says where the first byte that is not is, and what the file probably is.
 */

import { TextDecoder } from "node:util";

export type Utf8Result = { ok: true; text: string } | { ok: false; line: number; col: number; message: string };

const SAVE_AS = 'save it as UTF-8 (in most editors: "Save with encoding" or "Reopen with encoding")';

/** One strict decoder for every file: making one per file cost more than decoding a lesson. */
let strict: TextDecoder | undefined;

export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { ok: false, line: 1, col: 1, message: `this file is UTF-16, not UTF-8; ${SAVE_AS}` };
  let text: string | undefined;
  try {
    strict ??= new TextDecoder("utf-8", { fatal: true });
    text = strict.decode(bytes);
  } catch {
    // Not UTF-8: found below.
  }
  // NUL is valid UTF-8 but never in text: UTF-16 without a byte-order mark has one in every other byte.
  const nul = text === undefined ? -1 : bytes.indexOf(0);
  if (text !== undefined && nul < 0) return { ok: true, text };
  const bad = nul >= 0 ? nul : firstInvalidByte(bytes);
  const before = bytes.subarray(0, bad);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
  const col = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
  const hex = `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, "0")}`;
  const why =
    nul >= 0
      ? `it holds NUL bytes (the first is byte ${bad + 1}), so it is UTF-16 without a byte-order mark, or not text at all`
      : `byte ${hex} (byte ${bad + 1} of the file) is not valid UTF-8, as in Latin-1 or Windows-1252 text`;
  return { ok: false, line, col, message: `this file is not UTF-8: ${why}; ${SAVE_AS}` };
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode 15,
 * table 3-7), or of the lead byte whose sequence is broken off. Only called once the strict decoder
 * has refused the bytes, which does not say where.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail =
      lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (trail === 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, surrogates or > U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= trail; k++) {
      const b = bytes[i + k];
      if (b === undefined || b < (k === 1 ? low : 0x80) || b > (k === 1 ? high : 0xbf)) return i;
    }
    i += trail + 1;
  }
  return bytes.length - 1;
}
