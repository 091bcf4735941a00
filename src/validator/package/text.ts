/**
 * A file's bytes as UTF-8 text, decoded once per Buffer. The build checks every format's package
 * from memory (memory-source.ts), and they share one Buffer for each shared file: decoding a
 * 1,000-lesson course's 12 MB page once instead of once per check saved 0.6 s. Zips and folders
 * read a new Buffer each time, so nothing is kept for them. The build's own checks do not decode
 * that page at all (build-stamp.ts searches its bytes; credentials.ts skips files that large).
 */
import { once } from "../../shared/once.js";

const decoded = new WeakMap<Buffer, string>();

export function textOf(bytes: Buffer): string {
  return once(decoded, bytes, () => bytes.toString("utf8"));
}
