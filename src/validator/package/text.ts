/**
 * A file's bytes as UTF-8 text, decoded once per Buffer. The build checks every format's package
 * from memory (memory-source.ts), and they share one Buffer for the page: decoding a 1,000-lesson
 * course's 12 MB page once instead of once per check saved 0.6 s. Zips and folders read a new
 * Buffer each time, so nothing is kept for them. A page the build encoded (encodeText) is not
 * decoded at all: that took another 0.1 s per language.
 */
import { once } from "../../shared/once.js";

const decoded = new WeakMap<Buffer, string>();

export function textOf(bytes: Buffer): string {
  return once(decoded, bytes, () => bytes.toString("utf8"));
}

/** `text` as UTF-8; textOf gives back `text` itself for these bytes. */
export function encodeText(text: string): Buffer {
  const bytes = Buffer.from(text);
  // A lone surrogate is encoded as U+FFFD, and decoding gives that back, not `text`. ES2024's
  // isWellFormed is in Node 20's V8 but not in the ES2023 library this project compiles against.
  if ((text as string & { isWellFormed(): boolean }).isWellFormed()) decoded.set(bytes, text);
  return bytes;
}
